package nl.ibp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import nl.ibp.agreements.TrackerException;
import nl.ibp.analysis.AnalysisConfigException;
import nl.ibp.index.IndexException;
import picocli.CommandLine;

/** Every exit code of the program, and which exception leads to which. */
final class ExitCodes {
    static final int OK = 0;
    /** A fatal error: nothing (more) was done; the message says why. */
    static final int FAILURE = 1;
    /** Wrong usage: an unknown option, a missing or bad argument. */
    static final int USAGE = 2;
    /** {@code index --strict}: the index was built, but files were skipped. */
    static final int SKIPPED = 3;
    /** {@code check}: the index or the state database has a problem; 'ibp index' repairs it. */
    static final int DAMAGED = 4;
    /** {@code check}: there is no index yet. */
    static final int NO_INDEX = 5;

    private ExitCodes() {
    }

    /** Prints a one-line message for the user instead of a stack trace, and picks the exit code. */
    static int handle(Exception e, CommandLine commandLine) {
        String message = switch (e) {
            case IndexException ie -> ie.getMessage();
            case AnalysisConfigException ae -> ae.getMessage();
            case TrackerException te -> te.getMessage();
            case SQLException se -> "de afsprakendatabase gaf een fout: " + se.getMessage();
            case NoSuchFileException nf -> "bestand niet gevonden: " + nf.getFile();
            case UncheckedIOException ue -> "lezen of schrijven mislukt: " + ue.getCause().getMessage();
            case IOException io -> "lezen of schrijven mislukt: " + io.getMessage();
            default -> "onverwachte fout: " + e;
        };
        commandLine.getErr().println("ibp: " + message);
        boolean bug = !(e instanceof IndexException || e instanceof AnalysisConfigException || e instanceof IOException
                || e instanceof UncheckedIOException || e instanceof TrackerException || e instanceof SQLException);
        if (bug && System.getenv("IBP_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        } else if (bug) {
            commandLine.getErr().println("ibp: zet IBP_DEBUG=1 voor de technische details");
        }
        return FAILURE;
    }
}

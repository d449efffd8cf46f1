package nl.ibp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Optional;
import nl.ibp.agreements.TrackerException;
import nl.ibp.analysis.AnalysisConfigException;
import nl.ibp.index.IndexException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Every exit code of the program, and which failure leads to which. Bad input is
 * {@link UsageErrors}' business; this class turns what went wrong while a command ran into one
 * Dutch line for the user. The technical detail of an unexpected failure goes to the log (at
 * DEBUG: {@code IBP_LOG_LEVEL=DEBUG} shows it), never a stack trace on the terminal.
 */
final class ExitCodes {
    static final int OK = 0;
    /** A fatal error the program expects (no index, unreadable file, full disk): the message says why. */
    static final int FAILURE = 1;
    /** Wrong usage: an unknown command or option, a missing or bad argument. */
    static final int USAGE = 2;
    /** {@code index --strict}: the index was built, but files were skipped. */
    static final int SKIPPED = 3;
    /** {@code check}: the index or the state database has a problem; 'ibp index' repairs it. */
    static final int DAMAGED = 4;
    /** {@code check}: there is no index yet. */
    static final int NO_INDEX = 5;
    /** An unexpected failure: a defect in the program (sysexits' EX_SOFTWARE). */
    static final int INTERNAL = 70;

    private static final Logger LOG = LoggerFactory.getLogger(ExitCodes.class);

    private ExitCodes() {
    }

    /** Prints a one-line message for the user instead of a stack trace, and picks the exit code. */
    static int handle(Exception e, CommandLine commandLine) {
        String command = commandLine.getCommandSpec().qualifiedName();
        Optional<String> expected = expected(e);
        if (expected.isPresent()) {
            LOG.debug("{} failed", command, e);
            commandLine.getErr().println(command + ": " + expected.get());
            return FAILURE;
        }
        return unexpected(e, command, commandLine.getErr());
    }

    /** An exception or error no command expects: one Dutch line, the detail in the log. */
    static int unexpected(Throwable e, String command, java.io.PrintWriter err) {
        LOG.debug("{}: unexpected failure", command, e);
        if (e instanceof OutOfMemoryError) {
            err.println(command + ": te weinig geheugen; geef Java meer, bijvoorbeeld IBP_JAVA_OPTS=-Xmx2g");
        } else {
            err.println(command + ": er ging onverwacht iets mis; dit is een fout in de IBP-assistent."
                    + " Zet IBP_LOG_LEVEL=DEBUG voor de technische details.");
        }
        err.flush();
        return INTERNAL;
    }

    /** The message of a failure the program knows, or empty for a defect. */
    static Optional<String> expected(Exception e) {
        return Optional.ofNullable(switch (e) {
            case IndexException ie -> ie.getMessage();
            case AnalysisConfigException ae -> ae.getMessage();
            case TrackerException te -> te.getMessage();
            case SQLException se -> "de database gaf een fout: " + se.getMessage();
            case UncheckedIOException ue -> io(ue.getCause());
            case IOException io -> io(io);
            default -> null;
        });
    }

    private static String io(IOException e) {
        return switch (e) {
            case NoSuchFileException nf -> "bestand of map niet gevonden: " + nf.getFile();
            case AccessDeniedException ad -> "geen toegang tot " + ad.getFile();
            case FileSystemException fs when fs.getReason() != null -> fs.getFile() + ": " + fs.getReason();
            default -> "lezen of schrijven mislukt: " + e.getMessage();
        };
    }
}

package nl.ibp.cli;

import java.time.LocalDate;
import nl.ibp.config.Now;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The --today option: "today" for deadlines, settable so that output can be reproduced. Without
 * it, today in the Netherlands on the process clock ({@link Now}, IBP_NOW).
 */
final class Today {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--today", paramLabel = "DATE", description = "Doe alsof het vandaag DATE is (JJJJ-MM-DD).")
    LocalDate today;

    /** The date given, else today in the Netherlands on the process clock (IBP_NOW fixes it). */
    LocalDate get() {
        if (today != null) {
            return today;
        }
        try {
            return now();
        } catch (IllegalArgumentException e) { // a bad IBP_NOW: bad input, with its own Dutch message
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** Today for an example in a message: the process clock, or the system's when IBP_NOW is bad. */
    static LocalDate example() {
        try {
            return now();
        } catch (IllegalArgumentException e) {
            return LocalDate.now(Now.ZONE);
        }
    }

    /** Today on the process clock. */
    static LocalDate now() {
        return Now.today(Now.clock());
    }
}

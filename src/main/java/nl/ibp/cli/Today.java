package nl.ibp.cli;

import java.time.LocalDate;
import nl.ibp.config.Now;
import picocli.CommandLine.Option;

/** The --today option: "today" for deadlines, settable so that output can be reproduced. */
final class Today {

    @Option(names = "--today", paramLabel = "DATE", description = "Doe alsof het vandaag DATE is (jjjj-mm-dd).")
    LocalDate today;

    /** The date given, else today in the Netherlands on the process clock (IBP_NOW fixes it). */
    LocalDate get() {
        return today != null ? today : Now.today(Now.clock());
    }
}

package nl.ibp.cli;

import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The --today option: "today" for deadlines, settable so that output can be reproduced. */
final class Today {

    @Option(names = "--today", paramLabel = "DATE", description = "Doe alsof het vandaag DATE is (jjjj-mm-dd).")
    LocalDate today;

    LocalDate get() {
        return today != null ? today : LocalDate.now(Clock.systemDefaultZone());
    }
}

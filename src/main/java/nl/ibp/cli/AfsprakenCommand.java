package nl.ibp.cli;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ibp afspraken}: the agreements, as text or one JSON object per line. */
@Command(name = "afspraken", mixinStandardHelpOptions = true,
        description = "Toont de afspraken uit de documenten: tekst, termijnen, wie wat doet en de bron.")
final class AfsprakenCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Option(names = "--opgave", paramLabel = "N", description = "Alleen de afspraken van opgave N (1-10).")
    Integer opgave;

    @Option(names = "--json", description = "Eén JSON-object per afspraak per regel.")
    boolean json;

    private final Terminal terminal;

    AfsprakenCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (opgave != null && (opgave < 1 || opgave > 10)) {
            terminal.err().println("ibp afspraken: --opgave moet 1 tot en met 10 zijn, niet " + opgave);
            return ExitCodes.USAGE;
        }
        List<Agreement> agreements;
        try (AgreementStore store = locations.tracker()) {
            agreements = store.agreements(opgave == null ? OptionalInt.empty() : OptionalInt.of(opgave));
        }
        for (Agreement a : agreements) {
            terminal.out().println(json ? AgreementFormat.json(a).toString() : "- " + AgreementFormat.line(a));
        }
        if (!json && agreements.isEmpty()) {
            terminal.out().println("Geen afspraken gevonden.");
        }
        return ExitCodes.OK;
    }
}

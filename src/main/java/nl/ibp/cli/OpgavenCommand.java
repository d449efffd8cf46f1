package nl.ibp.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.agreements.Deadline;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ibp opgaven}: the ten opgaven with their numbers of agreements and deadlines. */
@Command(name = "opgaven", mixinStandardHelpOptions = true,
        description = "De tien opgaven met het aantal afspraken en komende en verstreken termijnen.")
final class OpgavenCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Mixin
    Today today;

    private final Terminal terminal;

    OpgavenCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        LocalDate now = today.get();
        List<Agreement> all;
        try (AgreementStore store = locations.tracker()) {
            all = store.agreements(OptionalInt.empty());
        }
        terminal.out().printf("%3s  %-55s  %-13s  %9s  %6s  %10s%n", "nr", "opgave", "cluster", "afspraken", "komend", "verstreken");
        for (Opgave o : Opgaven.ALL) {
            List<Agreement> mine = all.stream().filter(a -> a.opgave().equals(OptionalInt.of(o.number()))).toList();
            List<Deadline> deadlines = mine.stream().flatMap(a -> a.deadlines().stream()).toList();
            long past = deadlines.stream().filter(d -> AgreementFormat.passed(d, now)).count();
            long upcoming = deadlines.stream().filter(d -> d.kind() != Deadline.Kind.RECURRING && !d.end().isBefore(now)).count();
            terminal.out().printf("%3d  %-55s  %-13s  %9d  %6d  %10d%n", o.number(), o.title(), o.cluster(), mine.size(),
                    upcoming, past);
        }
        return ExitCodes.OK;
    }
}

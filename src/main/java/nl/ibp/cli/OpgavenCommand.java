package nl.ibp.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.DeadlineStatus;
import nl.ibp.agreements.Timeline;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ibp opgaven}: the ten opgaven with their numbers of agreements and, on today's {@link Timeline},
 * of open deadlines, open goals and passed items.
 */
@Command(name = "opgaven", mixinStandardHelpOptions = true,
        description = "De tien opgaven met het aantal afspraken, komende termijnen, doelen en verstreken termijnen.")
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
        List<DatedItem> timeline = Timeline.of(all, now);
        terminal.out().printf("%3s  %-55s  %-13s  %9s  %6s  %6s  %10s%n", "nr", "opgave", "cluster", "afspraken", "komend",
                "doelen", "verstreken");
        for (Opgave o : Opgaven.ALL) {
            OptionalInt number = OptionalInt.of(o.number());
            long agreements = all.stream().filter(a -> a.opgave().equals(number)).count();
            List<DatedItem> mine = timeline.stream().filter(i -> i.agreement().opgave().equals(number)).toList();
            long past = mine.stream().filter(i -> i.status() == DeadlineStatus.PASSED).count();
            long goals = mine.stream().filter(i -> i.status() != DeadlineStatus.PASSED && i.goal()).count();
            long upcoming = mine.stream().filter(i -> i.status() != DeadlineStatus.PASSED && !i.goal()).count();
            terminal.out().printf("%3d  %-55s  %-13s  %9d  %6d  %6d  %10d%n", o.number(), o.title(), o.cluster(), agreements,
                    upcoming, goals, past);
        }
        return ExitCodes.OK;
    }
}

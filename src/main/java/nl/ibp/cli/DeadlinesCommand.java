package nl.ibp.cli;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.DeadlineStatus;
import nl.ibp.agreements.Timeline;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ibp deadlines}: the dated items of the agreements on a {@link Timeline}: what is open (running
 * or coming, the soonest first), then what has passed (the most recent first). Rhythms, reference dates
 * and dates a newer document moved are not on it; a date that moved one says so on the line below.
 */
@Command(name = "deadlines", mixinStandardHelpOptions = true,
        description = "Termijnen en doelen uit de afspraken: eerst wat loopt of komt (eerstvolgende eerst), "
                + "dan wat verstreken is (meest recente eerst).")
final class DeadlinesCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Mixin
    Today today;

    @Option(names = "--opgave", paramLabel = "N", description = "Alleen opgave N (1-10).")
    Integer opgave;

    @Option(names = "--from", paramLabel = "DATE", description = "Termijnen die op of na DATE eindigen.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Termijnen die op of voor DATE beginnen.")
    LocalDate to;

    @Option(names = "--vervallen", description = "Ook termijnen die een nieuwer document heeft verschoven (achteraan).")
    boolean superseded;

    @ArgGroup(exclusive = true)
    When when;

    static final class When {
        @Option(names = "--upcoming", description = "Alleen wat nog loopt of komt.")
        boolean upcoming;
        @Option(names = "--past", description = "Alleen verstreken termijnen.")
        boolean past;
    }

    private final Terminal terminal;

    DeadlinesCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (opgave != null && (opgave < 1 || opgave > 10)) {
            terminal.err().println("ibp deadlines: --opgave moet 1 tot en met 10 zijn, niet " + opgave);
            return ExitCodes.USAGE;
        }
        LocalDate now = today.get();
        List<Agreement> agreements;
        try (AgreementStore store = locations.tracker()) {
            agreements = store.agreements(opgave == null ? OptionalInt.empty() : OptionalInt.of(opgave));
        }
        List<DatedItem> items = (superseded ? Timeline.withSuperseded(agreements, now) : Timeline.of(agreements, now))
                .stream().filter(this::wanted).toList();
        if (items.isEmpty()) {
            terminal.out().println("Geen termijnen gevonden.");
            return ExitCodes.OK;
        }
        Map<String, Agreement> byId = new HashMap<>();
        agreements.forEach(a -> byId.put(a.id(), a));
        terminal.out().printf("%-25s  %-10s  %-7s  %-6s  %s%n", "wanneer", "status", "soort", "opgave", "afspraak");
        for (DatedItem item : items) {
            terminal.out().println(row(item));
            String moved = item.superseded()
                    ? item.agreement().supersededBy().map(byId::get).map(AgreementFormat::replacedBy).orElse("")
                    : AgreementFormat.moved(item);
            if (!moved.isEmpty()) {
                terminal.out().println(" ".repeat(27) + "↳ " + moved);
            }
        }
        return ExitCodes.OK;
    }

    private boolean wanted(DatedItem item) {
        boolean passed = item.status() == DeadlineStatus.PASSED;
        return (from == null || !item.deadline().end().isBefore(from)) && (to == null || !item.deadline().start().isAfter(to))
                && (when == null || when.upcoming && !passed || when.past && passed);
    }

    static String row(DatedItem item) {
        String status = item.superseded() ? "vervallen" : item.status().dutch();
        Agreement a = item.agreement();
        return String.format("%-25s  %-10s  %-7s  %-6s  %s", AgreementFormat.period(item.deadline()), status,
                AgreementFormat.kindWord(item.deadline()),
                a.opgave().isPresent() ? String.valueOf(a.opgave().getAsInt()) : "-",
                AgreementFormat.excerpt(a.text(), item.deadline().label(), 90));
    }
}

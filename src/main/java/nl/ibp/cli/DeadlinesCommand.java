package nl.ibp.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.agreements.Deadline;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ibp deadlines}: the dates of the agreements in a table, each marked passed or not. */
@Command(name = "deadlines", mixinStandardHelpOptions = true,
        description = "Termijnen uit de afspraken in datumvolgorde, met of ze verstreken zijn.")
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

    @ArgGroup(exclusive = true)
    When when;

    static final class When {
        @Option(names = "--upcoming", description = "Alleen komende termijnen.")
        boolean upcoming;
        @Option(names = "--past", description = "Alleen verstreken termijnen.")
        boolean past;
    }

    /** One row of the table: a deadline of an agreement. */
    record Row(Deadline deadline, Agreement agreement) {
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
        List<Row> rows = new ArrayList<>();
        try (AgreementStore store = locations.tracker()) {
            for (Agreement a : store.agreements(opgave == null ? OptionalInt.empty() : OptionalInt.of(opgave))) {
                for (Deadline d : a.deadlines()) {
                    boolean passed = AgreementFormat.passed(d, now);
                    if ((from == null || !d.end().isBefore(from)) && (to == null || !d.start().isAfter(to))
                            && (when == null || when.upcoming && !passed || when.past && passed)) {
                        rows.add(new Row(d, a));
                    }
                }
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.deadline().start()).thenComparing(r -> r.deadline().end()));
        if (rows.isEmpty()) {
            terminal.out().println("Geen termijnen gevonden.");
            return ExitCodes.OK;
        }
        terminal.out().printf("%-23s  %-11s  %-6s  %-28s  %s%n", "periode", "status", "opgave", "termijn", "afspraak");
        for (Row r : rows) {
            Deadline d = r.deadline();
            String status = AgreementFormat.state(d, now);
            String text = r.agreement().text();
            terminal.out().printf("%-23s  %-11s  %-6s  %-28s  %s%n", AgreementFormat.span(d.start(), d.end()), status,
                    r.agreement().opgave().isPresent() ? String.valueOf(r.agreement().opgave().getAsInt()) : "-",
                    truncate(d.label(), 28), truncate(text, 90));
        }
        return ExitCodes.OK;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

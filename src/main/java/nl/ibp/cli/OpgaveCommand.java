package nl.ibp.cli;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.Deadline;
import nl.ibp.agreements.DeadlineStatus;
import nl.ibp.agreements.Timeline;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.search.Hit;
import nl.ibp.search.PassageSearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ibp opgave N}: one opgave: its ambition, its dates on a {@link Timeline} (open ones first, then
 * the most recently passed; a date that moved says from what and by which document), rhythms, who does
 * what, sources.
 */
@Command(name = "opgave", mixinStandardHelpOptions = true,
        description = "Samenvatting van één opgave: ambitie, termijnen, wie wat doet en de bronnen.")
final class OpgaveCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Mixin
    Today today;

    @Parameters(paramLabel = "N", description = "Nummer van de opgave (1-10).")
    int number;

    private final Terminal terminal;

    OpgaveCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (number < 1 || number > 10) {
            terminal.err().println("ibp opgave: kies een opgave van 1 tot en met 10, niet " + number);
            return ExitCodes.USAGE;
        }
        Opgave opgave = Opgaven.byNumber(number);
        var out = terminal.out();
        out.println(opgave.number() + ". " + opgave.title() + " (" + opgave.cluster() + ")");
        try (PassageSearcher searcher = PassageSearcher.open(locations.layout())) {
            // The first "Gezamenlijke ambitie" section of the opgave, all of its passages.
            List<Hit> ambition = searcher.passagesOf(number).stream()
                    .filter(h -> h.passage().headingPath().stream().anyMatch(s -> s.matches("(?i)gezamenlijke? ambitie")))
                    .toList();
            if (!ambition.isEmpty()) {
                String section = ambition.getFirst().passage().section();
                out.println("\nAmbitie (" + ambition.getFirst().document().title() + " – " + section + "):");
                ambition.stream().filter(h -> h.passage().section().equals(section))
                        .forEach(h -> out.println("   " + h.passage().text().replace("\n", "\n   ")));
            }
        }
        List<Agreement> agreements;
        try (AgreementStore store = locations.tracker()) {
            agreements = store.agreements(OptionalInt.of(number));
        }
        LocalDate now = today.get();
        printTimeline(out, Timeline.of(agreements, now), number);
        List<Agreement> recurring = agreements.stream().filter(a -> !a.superseded()
                && a.deadlines().stream().anyMatch(d -> d.kind() == Deadline.Kind.RECURRING)).toList();
        if (!recurring.isEmpty()) {
            out.println("\nTerugkerend:");
            recurring.forEach(a -> out.println("  " + a.deadlines().stream().filter(d -> d.kind() == Deadline.Kind.RECURRING)
                    .map(Deadline::label).findFirst().orElse("") + ": " + AgreementFormat.excerpt(a.text(), "", 110)));
        }
        out.println("\nWie doet wat:");
        agreements.stream().filter(a -> !a.actors().isEmpty()).forEach(a -> out.println("  " + a.actors().stream()
                .map(r -> r.actor().name() + " (" + r.role().name().toLowerCase(java.util.Locale.ROOT) + ")")
                .distinct().reduce((x, y) -> x + ", " + y).orElse("") + ": " + a.text()));
        Set<String> sources = new LinkedHashSet<>();
        agreements.forEach(a -> sources.add(a.source().title() + " – " + a.source().section()));
        out.println("\nBronnen:");
        sources.forEach(s -> out.println("  " + s));
        return ExitCodes.OK;
    }

    /** How many passed items an opgave card shows; the rest are counted. */
    static final int PASSED_SHOWN = 5;

    /** How many open goals ("in 2050 klimaatneutraal") it shows; open deadlines, starts and events are all shown. */
    static final int GOALS_SHOWN = 8;

    /** Open items soonest first, then the most recently passed ones, each with its status; moved ones say so. */
    private static void printTimeline(java.io.PrintWriter out, List<DatedItem> items, int number) {
        out.println("\nTermijnen:");
        if (items.isEmpty()) {
            out.println("  (geen)");
            return;
        }
        int passed = 0;
        int goals = 0;
        for (DatedItem item : items) {
            if (item.status() == DeadlineStatus.PASSED && ++passed > PASSED_SHOWN
                    || item.status() != DeadlineStatus.PASSED && item.goal() && ++goals > GOALS_SHOWN) {
                continue;
            }
            Deadline d = item.deadline();
            out.println("  " + AgreementFormat.period(d) + " (" + item.status().dutch() + ", " + AgreementFormat.kindWord(d)
                    + ")  " + d.label() + ": " + AgreementFormat.excerpt(item.agreement().text(), d.label(), 110));
            String moved = AgreementFormat.moved(item);
            if (!moved.isEmpty()) {
                out.println("      ↳ " + moved);
            }
        }
        if (goals > GOALS_SHOWN) {
            out.println("  … en nog " + (goals - GOALS_SHOWN) + " doelen op langere termijn (ibp deadlines --opgave " + number
                    + " --upcoming)");
        }
        if (passed > PASSED_SHOWN) {
            out.println("  … en nog " + (passed - PASSED_SHOWN) + " verstreken (ibp deadlines --opgave " + number + " --past)");
        }
    }
}

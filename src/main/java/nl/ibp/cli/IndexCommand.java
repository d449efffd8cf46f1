package nl.ibp.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nl.ibp.agreements.Tracker;
import nl.ibp.index.Derivation;
import nl.ibp.index.GenerationCheck;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.IndexReport;
import nl.ibp.index.Indexer;
import nl.ibp.index.Reindexer;
import nl.ibp.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ibp index}: brings the index up to date with the corpus. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Indexeert de documenten in het corpus: alleen nieuwe, gewijzigde en verwijderde bestanden worden verwerkt.")
final class IndexCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Option(names = "--full", description = "Alles opnieuw inlezen en opbouwen, ook ongewijzigde bestanden.")
    boolean full;

    @Option(names = "--strict", description = "Eindig met code 3 als er bestanden zijn overgeslagen.")
    boolean strict;

    private final Terminal terminal;

    IndexCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        IndexReport report = run(terminal, locations, full);
        return strict && !report.skipped().isEmpty() ? ExitCodes.SKIPPED : ExitCodes.OK;
    }

    /** Builds the index first when there is none yet, or repairs it: what the chat and the bot need to start. */
    static void ensureIndex(Terminal terminal, Locations locations) throws Exception {
        GenerationCheck.Health health = GenerationCheck.check(locations.layout(),
                derivations(locations.settings().corpus(), Clock.systemDefaultZone()));
        if (health.pointer() instanceof IndexLayout.Pointer.None) {
            terminal.out().println("Er is nog geen index; de documenten worden eerst ingelezen.");
            run(terminal, locations, false);
        } else if (!health.sound()) {
            run(terminal, locations, false); // repairs, and says what it found
        }
    }

    /** The derivations every index run builds beside the passages. */
    static List<Derivation> derivations(Path corpus, Clock clock) {
        return List.of(new Tracker(corpus, clock));
    }

    /**
     * Indexes (repairing what the check finds broken), brings the state database up to date, and
     * prints the summary.
     */
    static IndexReport run(Terminal terminal, Locations locations, boolean full) throws Exception {
        var settings = locations.settings();
        Indexer.Progress progress = terminal.interactive() ? new ProgressBar(terminal) : Indexer.Progress.NONE;
        Clock clock = Clock.systemDefaultZone();
        IndexReport report;
        try (Reindexer reindexer = new Reindexer(settings.corpus(), locations.layout(), clock,
                () -> derivations(settings.corpus(), clock), progress)) {
            report = reindexer.run(full);
        }
        if (!report.repaired().isEmpty()) {
            terminal.out().println("Controle van de index: " + report.repaired().size()
                    + (report.repaired().size() == 1 ? " probleem" : " problemen") + " gevonden en hersteld:");
            report.repaired().forEach(f -> terminal.out().println("  - " + f.part() + ": " + f.problem()));
        }
        print(terminal, report);
        report.notes().forEach(note -> terminal.out().println("  afspraken: " + note));
        // People's state: created, migrated, imported from an old ibp.db or repaired here, never rebuilt.
        try (StateStore state = StateStore.open(locations.layout().root())) {
            state.notes().forEach(note -> terminal.out().println("Statusdatabase: " + note));
        }
        return report;
    }

    private static void print(Terminal terminal, IndexReport r) {
        var out = terminal.out();
        out.println(!r.repaired().isEmpty() ? "Index hersteld en bijgewerkt."
                : r.rebuilt() ? "Index bijgewerkt." : "Index was al actueel; niets te doen.");
        out.printf(Locale.ROOT, "  toegevoegd: %d, gewijzigd: %d, ongewijzigd: %d, verwijderd: %d, overgeslagen: %d%n",
                r.added().size(), r.updated().size(), r.unchanged().size(), r.removed().size(), r.skipped().size());
        Map<String, IndexReport.Found> found = r.found().stream()
                .collect(Collectors.toMap(IndexReport.Found::id, f -> f, (a, b) -> a));
        list(terminal, "toegevoegd", r.added(), found);
        list(terminal, "gewijzigd", r.updated(), found);
        list(terminal, "verwijderd", r.removed(), Map.of());
        for (IndexReport.Skip skip : r.skipped()) {
            out.println("  overgeslagen: " + skip.id() + " (" + skip.reason() + ")");
        }
        out.printf(Locale.ROOT, "  %d documenten, %d passages, %.2f s%n",
                r.documents(), r.passages(), r.duration().toMillis() / 1000.0);
    }

    /** One line per file; a file read in this run with what was found in it and where each value came from. */
    private static void list(Terminal terminal, String label, List<String> ids, Map<String, IndexReport.Found> found) {
        ids.forEach(id -> terminal.out().println("  " + label + ": " + id
                + (found.containsKey(id) ? " — " + found.get(id).details() : "")));
    }

    /** A one-line bar on stderr, redrawn in place; only when a person watches a terminal. */
    private record ProgressBar(Terminal terminal) implements Indexer.Progress {
        @Override
        public void update(int done, int total, String file) {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            String name = file.length() > 40 ? "…" + file.substring(file.length() - 39) : file;
            terminal.err().printf("\r[%s%s] %d/%d %-40s", "#".repeat(filled), " ".repeat(width - filled), done, total, name);
            if (done == total) {
                terminal.err().print("\r" + " ".repeat(width + 60) + "\r");
            }
            terminal.err().flush();
        }
    }
}

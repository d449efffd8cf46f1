package nl.ibp.agreements;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.ibp.index.Derivation;
import nl.ibp.index.Finding;
import nl.ibp.ingest.SourceDocument;

/**
 * Rebuilds the agreements tracker on every index run that changed something: extracts the
 * agreements of all documents, applies the curated overlay, and replaces the derived rows.
 */
public final class Tracker implements Derivation {

    private final Path corpus;
    private final Clock clock;
    private final List<String> notes = new ArrayList<>();

    public Tracker(Path corpus, Clock clock) {
        this.corpus = corpus;
        this.clock = clock;
    }

    /** Problems with the overlay found by the last rebuild, each with its line. */
    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void rebuild(Path generation, List<CutDocument> documents) throws IOException {
        notes.clear();
        LocalDate today = LocalDate.now(clock);
        List<Agreement> extracted = new ArrayList<>();
        List<AgreementStore.DocumentRow> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CutDocument c : documents) {
            SourceDocument d = c.document();
            rows.add(new AgreementStore.DocumentRow(d.id(), d.title(), d.date(), d.kenmerk(), d.type()));
            ids.add(d.id());
            extracted.addAll(AgreementExtractor.extract(d, c.passages().stream().filter(p -> !p.isBoilerplate()).toList(), today));
        }
        Overlay.Applied applied = Overlay.load(corpus.resolve(Overlay.FILE)).apply(extracted, ids, Overlay.FILE);
        notes.addAll(applied.problems());
        try (AgreementStore store = AgreementStore.create(generation.resolve(AgreementStore.GENERATION_FILE))) {
            store.replaceDerived(rows, Supersession.mark(applied.agreements()));
            for (Overlay.Status s : applied.statuses()) {
                store.setStatus(s.id(), s.status(), s.reason(), clock.instant());
            }
        } catch (SQLException e) {
            throw new IOException("writing the agreements database in " + generation + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Finding> check(Path generation) {
        return AgreementStore.check(generation).map(problem -> new Finding("afspraken", problem));
    }
}

package nl.ibp.bot;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.index.IndexLayout;
import nl.ibp.search.PassageSearcher;

/**
 * One opened index generation: the answer engine, the passage searcher and the agreements,
 * reference counted so a re-index can swap in a new one while answers still use the old. The
 * holder owns one reference; every answer takes one with {@link #tryAcquire()} and gives it back
 * with {@link #release()}; the last release closes the index.
 */
final class Snapshot {

    final AnswerEngine engine;
    final PassageSearcher searcher;
    final List<Agreement> agreements;
    /** Which generation this is ("gen-000007"; "" without an index directory). */
    final String generation;
    private final AtomicInteger refs = new AtomicInteger(1);

    Snapshot(AnswerEngine engine, PassageSearcher searcher, List<Agreement> agreements) {
        this(engine, searcher, agreements, "");
    }

    Snapshot(AnswerEngine engine, PassageSearcher searcher, List<Agreement> agreements, String generation) {
        this.engine = engine;
        this.searcher = searcher;
        this.agreements = List.copyOf(agreements);
        this.generation = generation;
    }

    /** The name of a generation's directory from its number, as the index layout names it. */
    static String name(long generation) {
        return String.format(java.util.Locale.ROOT, "gen-%06d", generation);
    }

    static Snapshot open(IndexLayout layout) throws IOException, SQLException {
        AnswerEngine engine = AnswerEngine.open(layout);
        try {
            PassageSearcher searcher = PassageSearcher.open(layout);
            try (AgreementStore agreements = AgreementStore.open(layout.root())) {
                return new Snapshot(engine, searcher, agreements.agreements(OptionalInt.empty()),
                        name(engine.manifest().generation()));
            } catch (SQLException | RuntimeException e) {
                searcher.close();
                throw e;
            }
        } catch (IOException | SQLException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** Takes a reference; false when the snapshot is already closed (it was swapped out meanwhile). */
    boolean tryAcquire() {
        for (;;) {
            int n = refs.get();
            if (n <= 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one closes the index. */
    void release() throws IOException {
        if (refs.decrementAndGet() == 0) {
            try (engine) {
                searcher.close();
            }
        }
    }

    boolean isClosed() {
        return refs.get() <= 0;
    }
}

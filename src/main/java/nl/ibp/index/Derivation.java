package nl.ibp.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.passage.Passage;

/**
 * Something else an index run builds from the same documents and passages, such as the
 * agreements tracker. It writes into the new generation's directory, on its own thread beside
 * the Lucene writer, before the generation is published: it becomes visible in the same switch
 * of CURRENT as the passages, and a failure leaves the previous generation, and what was derived
 * with it, serving.
 */
public interface Derivation {

    /** A document of the run with its passages; the document carries its metadata only (its text is in the passages). */
    record CutDocument(SourceDocument document, List<Passage> passages) {
        public CutDocument {
            passages = List.copyOf(passages);
        }
    }

    /**
     * What a derivation is built from: the generation directory being written (not yet served), the
     * run's documents, the compound dictionary the run built from the same passages
     * ({@link CompoundDictionary#build}, so that a derivation that needs it need not build it again), and
     * whether the run is a full one ({@code ibp index --full}: nothing learnt in an earlier run is kept).
     */
    record Run(Path generation, List<CutDocument> documents, CompoundDictionary dictionary, boolean full) {
        public Run {
            documents = List.copyOf(documents);
        }
    }

    /** Builds the derived state into the run's generation directory. */
    void rebuild(Run run) throws IOException;

    /**
     * Checks what this derivation keeps in a published generation without changing it: empty
     * when it is there and sound, else the problem in Dutch (the next run then rebuilds).
     */
    Optional<Finding> check(Path generation);

    /** What the last rebuild has to tell the user (say, a bad entry in a curated file), in Dutch or with its line. */
    default List<String> notes() {
        return List.of();
    }
}

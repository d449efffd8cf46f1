package nl.ibp.index;

import java.io.IOException;
import java.util.List;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.passage.Passage;

/**
 * Something else an index run builds from the same documents and passages, such as the
 * agreements tracker. It runs beside the writing of the new Lucene generation, on its own
 * thread, and before the generation is published, so a failure leaves the previous index serving.
 */
public interface Derivation {

    /** A document of the run with its passages. */
    record CutDocument(SourceDocument document, List<Passage> passages) {
        public CutDocument {
            passages = List.copyOf(passages);
        }
    }

    /** Rebuilds the derived state in the index directory from all documents of the corpus. */
    void rebuild(IndexLayout layout, List<CutDocument> documents) throws IOException;

    /** False when the derived state is missing, so that a run with no corpus change still builds it. */
    boolean isPresent(IndexLayout layout);
}

package nl.ibp.ingest;

/** The outcome of extracting one file: a document, or the reason it was skipped. */
public sealed interface Extraction {

    /** The file's relative id in the corpus. */
    String id();

    record Extracted(SourceDocument document) implements Extraction {
        @Override
        public String id() {
            return document.id();
        }
    }

    /** A file that was not indexed; {@code reason} is a short English phrase for the report. */
    record Skipped(String id, String reason) implements Extraction {
    }
}

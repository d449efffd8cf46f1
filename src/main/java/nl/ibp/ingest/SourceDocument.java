package nl.ibp.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A document from the corpus after extraction: its metadata and its text as blocks.
 *
 * @param id          path relative to the corpus directory, with '/' separators; the stable key
 * @param contentHash SHA-256 of the file's bytes (hex); decides whether a re-index re-parses it
 * @param mediaType   the type Tika detected from the content, e.g. "text/plain"
 * @param title       title from the sidecar, the document's own metadata or its first heading
 * @param date        the document's date, when known
 * @param kenmerk     reference such as "Lbr. 18/004", or "" when unknown
 * @param type        document type such as "ledenbrief", or "" when unknown
 * @param blocks      the text, in document order
 */
public record SourceDocument(String id, String contentHash, String mediaType, String title,
                             Optional<LocalDate> date, String kenmerk, String type, List<Block> blocks) {
    public SourceDocument {
        blocks = List.copyOf(blocks);
    }
}

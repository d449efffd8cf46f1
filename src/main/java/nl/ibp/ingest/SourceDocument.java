package nl.ibp.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document from the corpus after extraction: its metadata and its text as blocks.
 *
 * @param id          path relative to the corpus directory, with '/' separators; the stable key
 * @param contentHash SHA-256 of the file's bytes (hex); decides whether a re-index re-parses it
 * @param mediaType   the type Tika detected from the content, e.g. "text/plain"
 * @param title       title from the sidecar, the letter's subject, the document's metadata or its first heading
 * @param date        the document's date, when known: the sidecar's, else the letter's, else the file's
 * @param kenmerk     reference such as "Lbr. 18/004", or "" when unknown
 * @param type        document type such as "ledenbrief" or "kamerbrief" (corpus/_documentsoorten.txt), or ""
 * @param blocks      the text, in document order
 * @param details     where title and date came from, and the Kamerstuk number and sender
 */
public record SourceDocument(String id, String contentHash, String mediaType, String title,
                             Optional<LocalDate> date, String kenmerk, String type, List<Block> blocks,
                             Details details) {

    /**
     * @param titleSource where the title came from
     * @param dateSource  where the date came from ({@link MetadataSource#NONE} when there is none)
     * @param kamerstuk   the parliamentary paper number such as "35 483, nr. 63", or ""
     * @param sender      the sender, as named in corpus/_afzenders.txt, or ""
     */
    public record Details(MetadataSource titleSource, MetadataSource dateSource, String kamerstuk, String sender) {
        public static final Details UNKNOWN = new Details(MetadataSource.NONE, MetadataSource.NONE, "", "");

        public Details {
            Objects.requireNonNull(titleSource, "titleSource");
            Objects.requireNonNull(dateSource, "dateSource");
            Objects.requireNonNull(kamerstuk, "kamerstuk");
            Objects.requireNonNull(sender, "sender");
        }
    }

    public SourceDocument {
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(details, "details");
    }

    /** A document whose metadata sources are not known (tests, older callers). */
    public SourceDocument(String id, String contentHash, String mediaType, String title, Optional<LocalDate> date,
                          String kenmerk, String type, List<Block> blocks) {
        this(id, contentHash, mediaType, title, date, kenmerk, type, blocks, Details.UNKNOWN);
    }
}

package nl.ibp.passage;

/**
 * What a passage is in its document. The index and the agreements tracker treat
 * {@link #BOILERPLATE} (a letter's header block, salutation, signature, running headers and
 * footers) as never answering anything; a {@link #FOOTNOTE} is searchable on its own.
 */
public enum PassageKind {
    /** Running text. */
    BODY,
    /** Items of a list, with their lead-in. */
    LIST_ITEM,
    /** Rows of a table, with their caption and column headers. */
    TABLE_ROW,
    /** A footnote or endnote, kept apart from the sentence that refers to it. */
    FOOTNOTE,
    /** The anatomy of a letter or page that is not its message. */
    BOILERPLATE
}

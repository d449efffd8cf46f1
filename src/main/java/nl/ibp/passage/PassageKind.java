package nl.ibp.passage;

/**
 * What a passage is in its document. {@link #BOILERPLATE} (a letter's header block, salutation,
 * running headers and footers, page numbers) never answers anything: the index leaves it out.
 * A {@link #SIGNATURE} says who signed ("Jantine Kriens, algemeen directeur") and stays
 * searchable, but neither it nor boilerplate ever becomes an agreement.
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
    /** The closing and signature block of a letter. */
    SIGNATURE,
    /** The anatomy of a letter or page that is not its message. */
    BOILERPLATE;

    /** Whether the index makes it findable. */
    public boolean searchable() {
        return this != BOILERPLATE;
    }

    /** Whether the agreements tracker reads it. */
    public boolean holdsAgreements() {
        return this != BOILERPLATE && this != SIGNATURE;
    }
}

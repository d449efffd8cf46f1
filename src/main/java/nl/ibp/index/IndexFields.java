package nl.ibp.index;

/** Names of the Lucene fields of a passage; the indexer writes them, the searcher reads them. */
public final class IndexFields {
    /** Passage id: indexed as one term so a passage can be fetched by id, stored to return it. */
    public static final String ID = "id";
    /** Document id (path in the corpus): indexed so a document's passages can be listed. */
    public static final String DOCUMENT = "document";
    /** Passage text: stemmed for search, stored because answers quote it. */
    public static final String BODY = "body";
    /** Heading path and text with compounds split into their parts: search only, never shown. */
    public static final String PARTS = "parts";
    /** Passage text as written words (folded, not stemmed): the vocabulary of spelling suggestions, never shown. */
    public static final String WORDS = "words";
    /**
     * The document's title (a letter's subject line, "Impulsregeling klimaatadaptatie open vanaf 1 januari
     * 2021"), on each of its passages: searched with a small weight, as every passage of a letter is about
     * its subject even where it does not repeat it; not stored ({@link #TITLE} holds it).
     */
    public static final String SUBJECT = "subject";
    /** Heading path: searched with a boost (a heading says what a passage is about), stored to cite it. */
    public static final String HEADING = "heading";
    /** Opgave number 1-10: indexed as a point for filtering, stored to show; absent when none. */
    public static final String OPGAVE = "opgave";
    /** The kinds of answer the passage holds ({@link nl.ibp.passage.Cue}): indexed to prefer them, not stored. */
    public static final String CUES = "cues";
    /** The analysed terms of each sentence, a line each: stored so that picking the answer sentence
     * costs no analysis at question time; never searched. */
    public static final String SENTENCE_TERMS = "sentence_terms";
    /** Position within the document: stored, to show neighbouring passages in order. */
    public static final String ORDINAL = "ordinal";
    /** What the passage is ({@link nl.ibp.passage.PassageKind}): indexed as one term to filter, stored.
     * BOILERPLATE passages are not written to the index at all, so they never rank; the document
     * cache keeps them with the document. */
    public static final String KIND = "kind";
    /** The page the passage starts on (PDF): stored, to cite it; absent when the document has no pages. */
    public static final String PAGE = "page";
    /** Document metadata, stored on every passage so a hit can be cited without a second lookup. */
    public static final String TITLE = "title";
    public static final String DATE = "date";
    public static final String KENMERK = "kenmerk";
    public static final String TYPE = "type";
    /** Kamerstuk number such as "35 483, nr. 63", and the sender from corpus/_afzenders.txt: stored, "" when unknown. */
    public static final String KAMERSTUK = "kamerstuk";
    public static final String SENDER = "sender";

    private IndexFields() {
    }
}

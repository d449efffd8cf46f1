package nl.ibp.ingest;

/** Where a document's title or date came from, strongest first; the index report names it. */
public enum MetadataSource {
    /** The editor's {@code <file>.meta.properties}. */
    SIDECAR("sidecar"),
    /** A field of the letter's header block ("Datum", "Onderwerp", "Betreft", "Den Haag, 4 juni 2019"). */
    LETTER("briefhoofd"),
    /** A date printed in the opening lines of a document that is no letter (a news page, a notitie). */
    DOCUMENT_TEXT("tekst"),
    /** The file's own metadata (core properties, PDF info, HTML meta), often the date it was saved again. */
    FILE_METADATA("bestandsmetadata"),
    /** The document's first heading. */
    HEADING("kop"),
    /** The document's first line. */
    FIRST_LINE("eerste regel"),
    /** The file name. */
    FILE_NAME("bestandsnaam"),
    /** Not found. */
    NONE("onbekend");

    private final String dutch;

    MetadataSource(String dutch) {
        this.dutch = dutch;
    }

    /** The Dutch name for reports. */
    public String dutch() {
        return dutch;
    }
}

package nl.ibp.passage;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A retrievable unit: a few sentences up to a paragraph, with where it stands in its document.
 *
 * @param id          stable id: the same document text yields the same id on every index run
 * @param documentId  the document's id (its path relative to the corpus)
 * @param headingPath headings from chapter down to the nearest sub-heading, e.g.
 *                    ["III. Gezamenlijke agenda met een toelichting per opgave",
 *                     "6. Problematische schulden voorkomen en oplossen",
 *                     "Ingrediënten interbestuurlijk programma"]
 * @param opgave      the IBP opgave (1-10) the passage belongs to, when it belongs to one
 * @param text        the passage text as it stands in the document
 * @param ordinal     position of the passage within its document, from 0
 * @param kind        what the passage is: running text, a list, a table, a footnote or boilerplate
 * @param page        the page the passage starts on, when the document has pages (PDF)
 */
public record Passage(String id, String documentId, List<String> headingPath, OptionalInt opgave,
                      String text, int ordinal, PassageKind kind, OptionalInt page) {

    public static final String PATH_SEPARATOR = " › ";

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        headingPath = List.copyOf(headingPath);
        Objects.requireNonNull(opgave, "opgave");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(page, "page");
    }

    /** A passage of running text in a document without pages. */
    public Passage(String id, String documentId, List<String> headingPath, OptionalInt opgave, String text, int ordinal) {
        this(id, documentId, headingPath, opgave, text, ordinal, PassageKind.BODY, OptionalInt.empty());
    }

    /** The heading path as one line, e.g. {@code III › 6. Problematische schulden … › Afspraken}. */
    public String section() {
        return String.join(PATH_SEPARATOR, headingPath);
    }

    /** Boilerplate (and a signature) never holds an agreement; boilerplate never answers a question. */
    public boolean isBoilerplate() {
        return !kind.holdsAgreements();
    }
}

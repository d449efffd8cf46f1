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
 */
public record Passage(String id, String documentId, List<String> headingPath, OptionalInt opgave,
                      String text, int ordinal) {

    public static final String PATH_SEPARATOR = " › ";

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        headingPath = List.copyOf(headingPath);
        Objects.requireNonNull(opgave, "opgave");
        Objects.requireNonNull(text, "text");
    }

    /** The heading path as one line, e.g. {@code III › 6. Problematische schulden … › Afspraken}. */
    public String section() {
        return String.join(PATH_SEPARATOR, headingPath);
    }
}

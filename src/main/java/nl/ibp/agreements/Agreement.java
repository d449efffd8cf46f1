package nl.ibp.agreements;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An agreement of the IBP as data: what was agreed, by when, by whom, and where it is written.
 *
 * @param id           stable id: the same sentence in the same passage gets the same id on every index run
 * @param opgave       the opgave it belongs to, when it belongs to one
 * @param text         the sentence or list item that states it
 * @param deadlines    the dates it names, in order
 * @param actors       who does what in it
 * @param source       the document, section and passage it comes from
 * @param status       "open" or "afgerond"
 * @param curated      true when a maintainer added or corrected it in the overlay
 * @param supersededBy the id of the agreement of a newer document that moved or replaced this one's
 *                     deadline ({@link Supersession}); empty while it is current
 */
public record Agreement(String id, OptionalInt opgave, String text, List<Deadline> deadlines,
                        List<Responsibility> actors, Source source, String status, boolean curated,
                        Optional<String> supersededBy) {

    /** Where an agreement is written. */
    public record Source(String document, String title, Optional<LocalDate> date, String section, String passage) {
        public Source {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(passage, "passage");
        }
    }

    public static final String OPEN = "open";
    public static final String DONE = "afgerond";

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opgave, "opgave");
        Objects.requireNonNull(text, "text");
        deadlines = List.copyOf(deadlines);
        actors = List.copyOf(actors);
        Objects.requireNonNull(source, "source");
        if (!status.equals(OPEN) && !status.equals(DONE)) {
            throw new IllegalArgumentException("status must be 'open' or 'afgerond', got '" + status + "'");
        }
        Objects.requireNonNull(supersededBy, "supersededBy");
    }

    /** A current agreement: superseded by none. */
    public Agreement(String id, OptionalInt opgave, String text, List<Deadline> deadlines,
                     List<Responsibility> actors, Source source, String status, boolean curated) {
        this(id, opgave, text, deadlines, actors, source, status, curated, Optional.empty());
    }

    /** This agreement, marked as superseded by the agreement {@code newer} (or current again when empty). */
    public Agreement withSupersededBy(Optional<String> newer) {
        return new Agreement(id, opgave, text, deadlines, actors, source, status, curated, newer);
    }

    /** Whether a newer agreement moved or replaced this one. */
    public boolean superseded() {
        return supersededBy.isPresent();
    }
}

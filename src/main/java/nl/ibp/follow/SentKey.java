package nl.ibp.follow;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** What a sent (or dropped) reminder, move notice or alert is recorded under: each is sent once. */
public record SentKey(long chat, Kind kind, String agreement, Instant due) {

    public enum Kind {
        /** A reminder before a deadline. */
        REMINDER,
        /** A deadline reminded of has moved (a newer letter superseded it). */
        MOVED,
        /** What a new index generation brought for the followed opgaven. */
        ALERT;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String column) {
            return valueOf(column.toUpperCase(Locale.ROOT));
        }
    }

    public SentKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(due, "due");
    }
}

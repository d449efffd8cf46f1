package nl.ibp.follow;

import java.time.Instant;
import java.util.Objects;

/** One chat following one opgave since a moment, with the chat's reminder days. */
public record Follower(long chat, int opgave, Instant since, ReminderDays days) {
    public Follower {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(days, "days");
    }
}

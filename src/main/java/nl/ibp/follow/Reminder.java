package nl.ibp.follow;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import nl.ibp.agreements.DatedItem;

/**
 * A reminder that is due for a chat: the deadline, its moment, and whether to send it or, its
 * deadline having passed (the bot was down when it fell due), to drop it.
 *
 * @param daysBefore the days before the deadline it was set for; empty for the once-a-year (1 October) reminder
 */
public record Reminder(long chat, DatedItem item, Instant due, OptionalInt daysBefore, Action action) {

    public enum Action { SEND, DROP }

    public Reminder {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(daysBefore, "daysBefore");
        Objects.requireNonNull(action, "action");
    }

    /** What it is recorded under: one reminder per chat, agreement and due moment. */
    public SentKey key() {
        return new SentKey(chat, SentKey.Kind.REMINDER, item.agreement().id(), due);
    }
}

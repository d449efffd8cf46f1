package nl.ibp.bot;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps outgoing messages within Telegram's limits: about one a second per private chat, 20 a
 * minute per group (negative chat ids), 30 a second overall. Each send reserves a time slot and
 * the caller sleeps until it (no busy waiting); a group's slot far ahead does not hold up other
 * chats, because the overall limit is kept as a set of reserved slots rather than one counter.
 */
final class Pacer {

    static final long PRIVATE_GAP = TimeUnit.SECONDS.toNanos(1);
    static final long GROUP_GAP = TimeUnit.SECONDS.toNanos(60) / 20;
    static final long GLOBAL_GAP = TimeUnit.SECONDS.toNanos(1) / 30 + 1;

    private final LongSupplier nanos;
    private final Map<Long, Long> chatNext = new HashMap<>();
    private final TreeSet<Long> slots = new TreeSet<>();
    private long lastPrune;

    Pacer(LongSupplier nanos) {
        this.nanos = nanos;
        this.lastPrune = nanos.getAsLong();
    }

    /** Reserves the next slot for a message to {@code chat}; returns how many nanoseconds to wait for it. */
    synchronized long reserve(long chat) {
        long now = nanos.getAsLong();
        prune(now);
        long t = Math.max(now, chatNext.getOrDefault(chat, now));
        t = globalSlot(t);
        chatNext.put(chat, t + (chat < 0 ? GROUP_GAP : PRIVATE_GAP));
        return t - now;
    }

    /** Reserves a slot for a call that is not a message to one chat (only the overall limit). */
    synchronized long reserve() {
        long now = nanos.getAsLong();
        prune(now);
        return globalSlot(now) - now;
    }

    /** Pushes a chat's next slot back by at least {@code nanos} (Telegram's 429 {@code retry_after}). */
    synchronized void backOff(long chat, long delay) {
        long until = nanos.getAsLong() + delay;
        chatNext.merge(chat, until, Math::max);
    }

    /** The earliest time at or after {@code t} at least {@link #GLOBAL_GAP} from every reserved slot; reserves it. */
    private long globalSlot(long t) {
        for (;;) {
            Long below = slots.floor(t);
            if (below != null && t - below < GLOBAL_GAP) {
                t = below + GLOBAL_GAP;
                continue;
            }
            Long above = slots.ceiling(t);
            if (above != null && above - t < GLOBAL_GAP) {
                t = above + GLOBAL_GAP;
                continue;
            }
            slots.add(t);
            return t;
        }
    }

    private void prune(long now) {
        slots.headSet(now - GLOBAL_GAP).clear();
        if (now - lastPrune > PRIVATE_GAP) { // chats whose slot has passed need no entry
            chatNext.values().removeIf(next -> next < now);
            lastPrune = now;
        }
    }

    /** Chats with a pending slot (for tests). */
    synchronized int chats() {
        return chatNext.size();
    }

    static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }
}

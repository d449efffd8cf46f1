package nl.ibp.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps outgoing messages within Telegram's limits: about one a second per private chat, 20 a
 * minute per group (negative chat ids), 30 a second overall. Each send reserves a time slot and
 * the caller sleeps until it (no busy waiting); a group's slot far ahead does not hold up other
 * chats, because the overall limit is kept as a set of reserved slots rather than one counter.
 * A chat's next slot is kept only until it has passed (a Caffeine cache on the same clock), so
 * the state stays as small as the chats currently being answered.
 */
final class Pacer {

    static final long PRIVATE_GAP = TimeUnit.SECONDS.toNanos(1);
    static final long GROUP_GAP = TimeUnit.SECONDS.toNanos(60) / 20;
    static final long GLOBAL_GAP = TimeUnit.SECONDS.toNanos(1) / 30 + 1;

    private final LongSupplier nanos;
    /** Chat to the time (nanos) of its next free slot; an entry expires at that time. */
    private final Cache<Long, Long> chatNext;
    private final TreeSet<Long> slots = new TreeSet<>();

    Pacer(LongSupplier nanos) {
        this.nanos = nanos;
        this.chatNext = Caffeine.newBuilder()
                .ticker(nanos::getAsLong)
                .executor(Runnable::run)
                .expireAfter(new Expiry<Long, Long>() {
                    @Override
                    public long expireAfterCreate(Long chat, Long next, long now) {
                        return Math.max(0, next - now);
                    }

                    @Override
                    public long expireAfterUpdate(Long chat, Long next, long now, long remaining) {
                        return Math.max(0, next - now);
                    }

                    @Override
                    public long expireAfterRead(Long chat, Long next, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    /** Reserves the next slot for a message to {@code chat}; returns how many nanoseconds to wait for it. */
    synchronized long reserve(long chat) {
        long now = nanos.getAsLong();
        prune(now);
        Long next = chatNext.getIfPresent(chat);
        long t = next == null ? now : Math.max(now, next);
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
        chatNext.asMap().merge(chat, until, Math::max);
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
    }

    /** Chats with a pending slot (for tests). */
    synchronized int chats() {
        chatNext.cleanUp();
        return (int) chatNext.estimatedSize();
    }

    static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }
}

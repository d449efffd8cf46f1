package nl.ibp.bot;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A sliding-window limit per user: at most {@code max} messages in {@code windowMillis}. */
public final class RateLimiter {

    /** What to do with a message. */
    public enum Verdict { ALLOW, NOTIFY, DROP }

    private final int max;
    private final long windowMillis;
    private final Clock clock;
    private final Map<Long, Window> users = new ConcurrentHashMap<>();

    private static final class Window {
        final Deque<Long> times = new ArrayDeque<>();
        boolean notified;
    }

    public RateLimiter(int max, long windowMillis, Clock clock) {
        this.max = max;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** ALLOW, or over the limit NOTIFY once (a polite notice) and then DROP until the window has room again. */
    public Verdict check(long user) {
        long now = clock.millis();
        Window w = users.computeIfAbsent(user, u -> new Window());
        synchronized (w) {
            while (!w.times.isEmpty() && w.times.peekFirst() <= now - windowMillis) {
                w.times.pollFirst();
            }
            if (w.times.size() < max) {
                w.times.addLast(now);
                w.notified = false;
                return Verdict.ALLOW;
            }
            if (w.notified) {
                return Verdict.DROP;
            }
            w.notified = true;
            return Verdict.NOTIFY;
        }
    }

    /** Seconds until the user may send again. */
    public long waitSeconds(long user) {
        Window w = users.get(user);
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            return w.times.isEmpty() ? 0 : Math.max(1, (w.times.peekFirst() + windowMillis - clock.millis() + 999) / 1000);
        }
    }
}

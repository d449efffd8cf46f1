package nl.ibp.bot;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The index generation the bot answers from, swapped by a re-index while answers still use the
 * old one (each {@link Snapshot} is reference counted).
 */
final class Snapshots implements AutoCloseable {

    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    Snapshots(Snapshot first) {
        current.set(first);
    }

    /** A reference to the index in use; release it when done. */
    Snapshot acquire() {
        for (;;) {
            Snapshot s = current.get();
            if (s == null) {
                throw new IllegalStateException("the bot is closed");
            }
            if (s.tryAcquire()) {
                return s;
            }
        }
    }

    /** What {@code read} takes from the index in use, with a reference held meanwhile. */
    <T> T read(java.util.function.Function<Snapshot, T> read) {
        Snapshot s = acquire();
        try {
            return read.apply(s);
        } finally {
            try {
                s.release();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Puts a new generation in use; the old one closes when its last answer is done. */
    void swap(Snapshot fresh) throws IOException {
        Snapshot old = current.getAndSet(fresh);
        if (old != null) {
            old.release();
        }
    }

    @Override
    public void close() throws IOException {
        Snapshot s = current.getAndSet(null);
        if (s != null) {
            s.release();
        }
    }
}

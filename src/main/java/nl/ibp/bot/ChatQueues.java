package nl.ibp.bot;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for chats on a bounded pool of threads: one task at a time per chat, in the order
 * given, chats side by side. A chat's entry lives only while it has work queued (the last task
 * removes it), so the map holds the chats being answered, not every chat ever seen.
 */
final class ChatQueues implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatQueues.class);

    private final ExecutorService workers;
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();

    ChatQueues(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ibp-bot-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code task} behind the chat's earlier tasks; false when the queues are closed. */
    boolean submit(long chat, Runnable task) {
        queued.incrementAndGet();
        java.util.concurrent.atomic.AtomicReference<CompletableFuture<Void>> created = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            tails.compute(chat, (k, tail) -> {
                CompletableFuture<Void> prev = tail == null ? CompletableFuture.completedFuture(null) : tail;
                CompletableFuture<Void> next = prev.handleAsync((v, e) -> {
                    try {
                        task.run();
                    } catch (RuntimeException ex) {
                        LOG.error("task for chat {} failed", chat, ex);
                    } finally {
                        queued.decrementAndGet();
                    }
                    return null;
                }, workers);
                created.set(next);
                return next;
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            return false;
        }
        CompletableFuture<Void> mine = created.get();
        mine.whenComplete((v, e) -> tails.remove(chat, mine));
        return true;
    }

    /** Tasks queued or running. */
    int queued() {
        return queued.get();
    }

    /**
     * Shuts down: no new task starts; those running get {@code grace} to finish; then
     * {@code overdue} runs (it can cancel their I/O) and they are interrupted.
     */
    void close(long graceMillis, Runnable overdue) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                overdue.run();
                workers.shutdownNow();
                workers.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(5_000, () -> { });
    }
}

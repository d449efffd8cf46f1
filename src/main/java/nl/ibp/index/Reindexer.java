package nl.ibp.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a process re-indexes: the CLI, the bot's /reindex and its uploads all ask this,
 * and requests coalesce (single flight). At most one run goes at a time; every request made
 * while one runs is served by one next run, which starts when it ends, so it sees every file
 * saved before the request. A {@code full} request makes that next run full.
 *
 * <p>Another process indexing the same directory is refused by the index lock; that request
 * then fails with {@link IndexBusyException}.
 */
public final class Reindexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    private final Path corpus;
    private final IndexLayout layout;
    private final Clock clock;
    private final Supplier<List<Derivation>> derivations;
    private final Indexer.Progress progress;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ibp-reindex");
        t.setDaemon(true);
        return t;
    });

    /** The run waiting to start, shared by every request since the running one started. */
    private CompletableFuture<IndexReport> pending;
    private boolean pendingFull;
    private boolean running;
    private boolean closed;

    /**
     * @param derivations makes the derivations for one run (they may keep per-run notes)
     */
    public Reindexer(Path corpus, IndexLayout layout, Clock clock, Supplier<List<Derivation>> derivations,
                     Indexer.Progress progress) {
        this.corpus = corpus;
        this.layout = layout;
        this.clock = clock;
        this.derivations = derivations;
        this.progress = progress;
    }

    /**
     * Asks for a run. The future completes with its report, or exceptionally with the reason it
     * failed ({@link IndexException} and its kinds carry a message for the user).
     */
    public synchronized CompletableFuture<IndexReport> request(boolean full) {
        if (closed) {
            return CompletableFuture.failedFuture(new IndexException("het herindexeren is gestopt"));
        }
        CompletableFuture<IndexReport> future = pending;
        if (future == null) {
            future = new CompletableFuture<>();
            pending = future;
            pendingFull = full;
            if (!running) {
                startPending();
            }
        } else {
            pendingFull |= full;
        }
        return future;
    }

    /** Runs (or joins) one run and waits for it: for the CLI. */
    public IndexReport run(boolean full) throws IOException {
        try {
            return request(full).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the index run", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case UncheckedIOException uio -> throw uio.getCause();
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        } catch (CancellationException e) {
            throw new IndexException("het herindexeren is gestopt");
        }
    }

    /** True while a run is going. */
    public synchronized boolean busy() {
        return running;
    }

    private void startPending() {
        CompletableFuture<IndexReport> future = pending;
        boolean full = pendingFull;
        pending = null;
        running = true;
        try {
            worker.execute(() -> runOne(future, full));
        } catch (RejectedExecutionException e) {
            running = false;
            future.completeExceptionally(new IndexException("het herindexeren is gestopt"));
        }
    }

    private void runOne(CompletableFuture<IndexReport> future, boolean full) {
        try {
            IndexReport report;
            try (Indexer indexer = new Indexer(corpus, layout, progress, clock, derivations.get())) {
                report = indexer.run(full);
            }
            future.complete(report);
        } catch (Throwable t) {
            LOG.warn("index run failed: {}", t.toString());
            future.completeExceptionally(t);
            if (t instanceof VirtualMachineError vme) {
                finish();
                throw vme;
            }
        }
        finish();
    }

    private synchronized void finish() {
        running = false;
        if (pending != null && !closed) {
            startPending();
        }
    }

    /** The pending request's future, if one waits (for tests and status lines). */
    synchronized Optional<CompletableFuture<IndexReport>> waiting() {
        return Optional.ofNullable(pending);
    }

    /**
     * Stops taking requests; a waiting run is cancelled. A running one is not waited for: it
     * publishes or not as a whole, and the next run removes what it leaves.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        worker.shutdown();
    }
}

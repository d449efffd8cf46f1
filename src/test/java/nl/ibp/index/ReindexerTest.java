package nl.ibp.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ibp.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexerTest {

    @TempDir
    Path tmp;

    /** A derivation that counts its runs and holds the first one until released. */
    static final class Gate implements Derivation {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void rebuild(Run run) {
            if (runs.incrementAndGet() == 1) {
                entered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public Optional<Finding> check(Path generation) {
            return Optional.empty();
        }
    }

    @Test
    void requestsDuringARunCoalesceIntoOneNextRun() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Gate gate = new Gate();
        try (Reindexer reindexer = new Reindexer(corpus, new IndexLayout(tmp.resolve("index")), Clock.systemUTC(),
                () -> List.of(gate), Indexer.Progress.NONE)) {
            CompletableFuture<IndexReport> first = reindexer.request(false);
            assertTrue(gate.entered.await(60, TimeUnit.SECONDS));
            assertTrue(reindexer.busy());
            Files.writeString(corpus.resolve("nieuw.txt"), "Een document dat tijdens de eerste run binnenkwam.\n");
            CompletableFuture<IndexReport> second = reindexer.request(false);
            CompletableFuture<IndexReport> third = reindexer.request(true);
            CompletableFuture<IndexReport> fourth = reindexer.request(false);
            assertNotSame(first, second);
            assertSame(second, third);
            assertSame(second, fourth);
            gate.release.countDown();

            IndexReport a = first.get(120, TimeUnit.SECONDS);
            IndexReport b = second.get(120, TimeUnit.SECONDS);
            assertTrue(a.rebuilt() && b.rebuilt());
            assertEquals(2, gate.runs.get(), "one run for all three requests made during the first");
            assertTrue(b.unchanged().contains("nieuw.txt") || b.added().contains("nieuw.txt"),
                    "the next run sees the file saved before its request");
            assertEquals(IndexReport.Outcome.ADDED, b.outcome("nieuw.txt"));
            assertEquals(IndexReport.Outcome.ABSENT, b.outcome("weg.txt"));
        }
    }

    @Test
    void aRunHeldElsewhereIsRefusedAsBusy() throws IOException {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = Files.createDirectories(tmp.resolve("index"));
        try (FileChannel channel = FileChannel.open(index.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock();
             Reindexer reindexer = new Reindexer(corpus, new IndexLayout(index), Clock.systemUTC(), List::of,
                     Indexer.Progress.NONE)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> reindexer.request(false).get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IndexBusyException, e.getCause().toString());
            assertTrue(lock.isValid());
        }
    }
}

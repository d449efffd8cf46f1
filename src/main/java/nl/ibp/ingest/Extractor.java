package nl.ibp.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.mime.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts text and metadata from corpus files with Apache Tika, a few at a time ({@link #DEFAULT_PARALLELISM}). Files are treated
 * as untrusted: the type is detected from the content and checked against an allowlist, and size,
 * output length, compression ratio, parse time and memory are limited. A file that fails any of
 * these is returned as {@link Extraction.Skipped} with a reason; it never affects the other files.
 *
 * <p>By default ({@link ExtractionLimits#workerHeapMb()} &gt; 0) the parse runs in a separate JVM
 * with its own heap ({@link ExtractionWorker}): a zip bomb that makes a parser load gigabytes of
 * XML ends that process with an out-of-memory exit, not the indexer, and a parse over its time is
 * killed. Small plain text files are read in this process even then ({@link #plainTextHere}). With
 * a heap of 0 everything runs on a thread of this process (tests of the formats).
 *
 * The worker is shared by the extractors of a process and ends with it (or when idle).
 *
 * <p>Holds a thread pool when it parses in this process; close it when done.
 */
public final class Extractor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

    /** Files parsed at once by default: one per core, at most two (each worker is a JVM with its own heap). */
    public static final int DEFAULT_PARALLELISM = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final ExtractionLimits limits;
    /** The worker slots not in use; a thread that extracts takes one, and waits while there is none. */
    private final java.util.concurrent.BlockingQueue<Integer> freeSlots;
    private DocumentReader reader;
    private ExecutorService executor;

    public Extractor(ExtractionLimits limits) {
        this(limits, DEFAULT_PARALLELISM);
    }

    /**
     * @param parallelism how many files may be parsed at once (each in its own worker process);
     *                    {@link #extract} may then be called from that many threads
     */
    public Extractor(ExtractionLimits limits, int parallelism) {
        this.limits = Objects.requireNonNull(limits, "limits");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        this.freeSlots = new java.util.concurrent.ArrayBlockingQueue<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            freeSlots.add(i);
        }
    }

    /**
     * Extracts {@code file}, which lies under {@code corpusDir}. Never throws for a bad file.
     * Thread-safe: as many calls run at once as the extractor has slots, the others wait.
     */
    public Extraction extract(Path corpusDir, Path file) {
        String id = CorpusFiles.id(corpusDir, file);
        try {
            return new Extraction.Extracted(extract(corpusDir, id, file));
        } catch (DocumentReader.SkipException e) {
            LOG.info("Skipped {}: {}", id, e.getMessage());
            return new Extraction.Skipped(id, e.getMessage());
        }
    }

    private SourceDocument extract(Path corpusDir, String id, Path file) throws DocumentReader.SkipException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new DocumentReader.SkipException("not a regular file");
        }
        String hash;
        long size;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new DocumentReader.SkipException("empty file");
            }
            if (size > limits.maxFileBytes()) {
                throw new DocumentReader.SkipException("larger than the size limit (" + size + " bytes > "
                        + limits.maxFileBytes() + " bytes)");
            }
            hash = ContentHash.sha256(file);
        } catch (IOException e) {
            throw new DocumentReader.SkipException("unreadable: " + DocumentReader.shortCause(e));
        }
        int slot;
        try {
            slot = freeSlots.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentReader.SkipException("interrupted");
        }
        try {
            if (limits.workerHeapMb() == 0) {
                return readHere(corpusDir, file, id, hash, Optional.empty());
            }
            Optional<MediaType> plainText = plainTextHere(file, size);
            return plainText.isPresent() ? readHere(corpusDir, file, id, hash, plainText)
                    : WorkerClient.shared(limits.workerHeapMb(), slot).read(corpusDir, file, id, hash, limits);
        } finally {
            freeSlots.add(slot);
        }
    }

    /**
     * Whether a file is read in this process although parses run in a worker: small plain text
     * (TXT, Markdown, CSV; detected from the bytes, not the name). Its parser only copies characters,
     * within the write limit, so there is no zip bomb or runaway parser to isolate; a worker round
     * trip per file (serialising every block twice) would cost more than the parse. The rest of
     * a large corpus of letters in plain text is read on all cores without a JVM per slot.
     */
    private Optional<MediaType> plainTextHere(Path file, long size) {
        if (size > PLAIN_TEXT_HERE_BYTES) {
            return Optional.empty();
        }
        try {
            DocumentReader r = reader();
            return Optional.of(r.detect(file)).filter(r::isPlainText); // the parse takes it: detected once
        } catch (IOException e) {
            return Optional.empty(); // the worker reads it, and says why it cannot
        }
    }

    /** Plain text files up to this size are read in this process ({@link #plainTextHere}). */
    static final long PLAIN_TEXT_HERE_BYTES = 4L << 20;

    private synchronized DocumentReader reader() {
        if (reader == null) {
            reader = new DocumentReader();
            // A cached pool: a parse that ignores interruption after a timeout keeps its thread, and
            // the next file gets a fresh one instead of waiting behind it. Daemon threads so such a
            // stuck parse cannot keep the JVM alive.
            executor = Executors.newCachedThreadPool(daemonThreads());
        }
        return reader;
    }

    /** Reads a file on a thread of this process; {@code detected} is its type when known already. */
    private SourceDocument readHere(Path corpusDir, Path file, String id, String hash, Optional<MediaType> detected)
            throws DocumentReader.SkipException {
        DocumentReader r = reader();
        Future<SourceDocument> future = executor.submit(() -> r.read(corpusDir, file, id, hash, limits.maxChars(), detected));
        try {
            return future.get(limits.parseTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DocumentReader.SkipException("parse timed out after " + format(limits.parseTimeout()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocumentReader.SkipException("interrupted");
        } catch (ExecutionException e) {
            throw new DocumentReader.SkipException(DocumentReader.reason(e.getCause(), limits.maxChars()));
        }
    }

    /**
     * The version of what reading makes of a file (blocks, headings, tables): raise it when that
     * changes, so cached extractions are read again.
     */
    static final int READER_VERSION = 2;

    /**
     * What besides a file's own bytes decides its extraction: the reader's version, whether OCR is available and the
     * corpus' data files of document types and senders. The index mixes it into each file's
     * fingerprint, so installing Tesseract or editing those files re-reads the files.
     */
    public static String fingerprintSalt(Path corpusDir) {
        StringBuilder salt = new StringBuilder("reader=").append(READER_VERSION).append('|').append(Ocr.capabilities());
        for (String name : java.util.List.of(DocumentProfiles.TYPES_FILE, DocumentProfiles.SENDERS_FILE)) {
            Path data = corpusDir.resolve(name);
            try {
                salt.append('|').append(name).append('=').append(Files.isRegularFile(data) ? ContentHash.sha256(data) : "-");
            } catch (IOException e) {
                salt.append('|').append(name).append("=unreadable");
            }
        }
        return salt.toString();
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ingest-parse-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            // shutdownNow interrupts a parse that is still running after its timeout.
            executor.shutdownNow();
        }
    }
}

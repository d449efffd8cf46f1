package nl.ibp.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits for parsing one untrusted file.
 *
 * @param maxFileBytes files larger than this are skipped without being parsed
 * @param maxChars     the most characters of text one document may produce; protects memory
 *                     against documents that expand enormously (and against zip bombs)
 * @param parseTimeout how long one parse may take before it is abandoned (the worker is killed)
 * @param workerHeapMb the heap of the separate JVM that parses ({@link ExtractionWorker}); 0 parses
 *                     in this process, which only trusted input (tests) should do
 */
public record ExtractionLimits(long maxFileBytes, int maxChars, Duration parseTimeout, int workerHeapMb) {

    /** The worker's heap by default: Tika's parsers need far less for real documents. */
    public static final int DEFAULT_WORKER_HEAP_MB = 512;

    public ExtractionLimits {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be > 0, got " + maxFileBytes);
        }
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be > 0, got " + maxChars);
        }
        Objects.requireNonNull(parseTimeout, "parseTimeout");
        if (parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("parseTimeout must be positive, got " + parseTimeout);
        }
        if (workerHeapMb < 0) {
            throw new IllegalArgumentException("workerHeapMb must be >= 0, got " + workerHeapMb);
        }
    }

    /** Limits with the default worker heap. */
    public ExtractionLimits(long maxFileBytes, int maxChars, Duration parseTimeout) {
        this(maxFileBytes, maxChars, parseTimeout, DEFAULT_WORKER_HEAP_MB);
    }

    /**
     * 50 MB per file, 10 million characters of text, 120 seconds per parse (OCR of a scan takes a
     * while), parsed in a worker JVM of 512 MB.
     */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(50L * 1024 * 1024, 10_000_000, Duration.ofSeconds(120), DEFAULT_WORKER_HEAP_MB);
    }

    /** The same limits, parsed in this process. */
    public ExtractionLimits inProcess() {
        return new ExtractionLimits(maxFileBytes, maxChars, parseTimeout, 0);
    }

    /** The same limits with another worker heap. */
    public ExtractionLimits withWorkerHeapMb(int heapMb) {
        return new ExtractionLimits(maxFileBytes, maxChars, parseTimeout, heapMb);
    }
}

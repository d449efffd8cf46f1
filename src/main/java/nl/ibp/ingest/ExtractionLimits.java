package nl.ibp.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits for parsing one untrusted file.
 *
 * @param maxFileBytes files larger than this are skipped without being parsed
 * @param maxChars     the most characters of text one document may produce; protects memory
 *                     against documents that expand enormously (and against zip bombs)
 * @param parseTimeout how long one parse may take before it is abandoned
 */
public record ExtractionLimits(long maxFileBytes, int maxChars, Duration parseTimeout) {

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
    }

    /** 50 MB per file, 10 million characters of text, 60 seconds per parse. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(50L * 1024 * 1024, 10_000_000, Duration.ofSeconds(60));
    }
}

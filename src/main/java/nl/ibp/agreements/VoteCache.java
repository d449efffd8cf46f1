package nl.ibp.agreements;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opgave votes ({@link OpgaveAssigner#votes}) of every text the tracker asked about, by
 * text, for one set of neighbours: the file holds the fingerprint of the training set, compound
 * dictionary and build they were computed with ({@link OpgaveAssigner.Training#fingerprint}), and a
 * run with another fingerprint starts empty. So a run whose neighbours did not change (say, after
 * a curation in {@code _afspraken.yaml}, or a new file none of whose passages names an opgave)
 * asks the neighbours nothing it asked before, and need not even build them. Votes are kept as
 * the exact doubles.
 *
 * <p>One gzipped binary file in the index directory beside {@link StatementCache}'s, read whole
 * at the start of a run and written whole (temporary file, then rename) at its end with only the
 * texts that run asked about; an unreadable file is an empty cache, never an error. Thread-safe.
 */
final class VoteCache {

    static final String FILE = "opgave-votes-cache.bin.gz";
    private static final Logger LOG = LoggerFactory.getLogger(VoteCache.class);
    private static final int VERSION = 1;

    private final Path file;
    private final String fingerprint;
    private final Map<String, double[]> before;
    private final Map<String, double[]> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private VoteCache(Path file, String fingerprint, Map<String, double[]> before) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.before = before;
    }

    /** @param fingerprint what the votes depend on besides the text (see the class comment) */
    static VoteCache open(Path file, String fingerprint) {
        Map<String, double[]> entries = new ConcurrentHashMap<>();
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
                if (in.readInt() == VERSION && in.readUTF().equals(fingerprint)) {
                    int n = in.readInt();
                    int width = in.readInt();
                    for (int i = 0; i < n; i++) {
                        String key = in.readUTF();
                        double[] votes = new double[width];
                        for (int k = 0; k < width; k++) {
                            votes[k] = in.readDouble();
                        }
                        entries.put(key, votes);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("ignoring the unreadable opgave votes cache {}: {}", file, e.toString());
                entries.clear();
            }
        }
        return new VoteCache(file, fingerprint, entries);
    }

    static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether the votes of this text are known (from an earlier run or this one). */
    boolean knows(String text) {
        String key = key(text);
        return used.containsKey(key) || before.containsKey(key);
    }

    /** The votes of a text: from the cache, or computed now and remembered. A caller must not change the array. */
    double[] votes(String text, Function<String, double[]> compute) {
        String key = key(text);
        double[] known = used.get(key);
        if (known != null) {
            return known;
        }
        known = before.get(key);
        if (known != null) {
            hits.incrementAndGet();
        } else {
            known = compute.apply(text);
            misses.incrementAndGet();
        }
        double[] raced = used.putIfAbsent(key, known);
        return raced != null ? raced : known;
    }

    /** Texts whose votes came from an earlier run. */
    int hits() {
        return hits.get();
    }

    /** Texts whose votes were computed in this run. */
    int misses() {
        return misses.get();
    }

    /** Writes the entries this run used, replacing the file. */
    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)))) {
                out.writeInt(VERSION);
                out.writeUTF(fingerprint);
                out.writeInt(used.size());
                int width = used.values().stream().mapToInt(v -> v.length).findFirst().orElse(0);
                out.writeInt(width);
                for (var e : used.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    if (e.getValue().length != width) {
                        throw new IllegalStateException("votes of different widths: " + e.getValue().length + " and " + width);
                    }
                    out.writeUTF(e.getKey());
                    for (double v : e.getValue()) {
                        out.writeDouble(v);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try { // a full disk must leave no half-written cache behind
                Files.deleteIfExists(tmp);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }
}

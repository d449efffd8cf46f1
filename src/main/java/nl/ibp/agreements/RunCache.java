package nl.ibp.agreements;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
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
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;

/**
 * What an index run computed per text, kept for the next run: the lifecycle the tracker's caches
 * share ({@link StatementCache}, {@link VoteCache}, {@link TokenCache}). Entries are keyed by the
 * SHA-256 of their content and valid for one fingerprint (the build and whatever else the values
 * depend on); a file with another fingerprint or version is an empty cache.
 *
 * <p>One gzipped binary file in the index directory, read whole at the start of a run and written
 * whole (temporary file, then rename) at its end with only the entries that run used, so that it
 * never grows with texts no longer in the corpus; an unreadable file is an empty cache, never an
 * error. The file: the version, the fingerprint's key, the number of entries, then each entry's key and
 * value as the {@link Writer} wrote it. Thread-safe.
 */
final class RunCache<V> {

    /** Writes one value. */
    interface Writer<V> {
        void write(DataOutput out, V value) throws IOException;
    }

    /** Reads one value as its {@link Writer} wrote it. */
    interface Reader<V> {
        V read(DataInput in) throws IOException;
    }

    private final Path file;
    private final int version;
    private final String fingerprintKey; // not the fingerprint: a dictionary's words can be longer than writeUTF takes
    private final Writer<V> writer;
    private final Map<String, V> before;
    private final Map<String, V> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private RunCache(Path file, int version, String fingerprintKey, Writer<V> writer, Map<String, V> before) {
        this.file = file;
        this.version = version;
        this.fingerprintKey = fingerprintKey;
        this.writer = writer;
        this.before = before;
    }

    /**
     * @param version    of the file's format: a file of another version is ignored
     * @param log        where an unreadable file is reported, as the {@code name}d cache
     */
    static <V> RunCache<V> open(Path file, int version, String fingerprint, Writer<V> writer, Reader<V> reader,
                                Logger log, String name) {
        Map<String, V> entries = new ConcurrentHashMap<>();
        String key = key(fingerprint);
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
                if (in.readInt() == version && in.readUTF().equals(key)) {
                    int n = readCount(in);
                    for (int i = 0; i < n; i++) {
                        entries.put(in.readUTF(), reader.read(in));
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.warn("ignoring the unreadable {} {}: {}", name, file, e.toString());
                entries.clear();
            }
        }
        return new RunCache<>(file, version, key, writer, entries);
    }

    /** The first 16 bytes of the SHA-256 of a text, in hex. */
    static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A length or count a {@link Reader} reads: a damaged file is an error to ignore, not a reason to run out of memory. */
    static int readCount(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 26) {
            throw new IOException("a count of " + n);
        }
        return n;
    }

    /** Unlike {@link DataOutput#writeUTF}, for a text of any length (a sentence without full stops can be long). */
    static void writeText(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** A text as {@link #writeText} wrote it. */
    static String readText(DataInput in) throws IOException {
        byte[] bytes = new byte[readCount(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether the value of this content is known (from an earlier run or this one). */
    boolean knows(String content) {
        String key = key(content);
        return used.containsKey(key) || before.containsKey(key);
    }

    /** The value of a content: from the cache, or computed now and remembered. */
    V get(String content, Supplier<V> compute) {
        String key = key(content);
        V known = used.get(key);
        if (known != null) {
            return known;
        }
        known = before.get(key);
        if (known != null) {
            hits.incrementAndGet();
        } else {
            known = compute.get();
            misses.incrementAndGet();
        }
        V raced = used.putIfAbsent(key, known);
        return raced != null ? raced : known;
    }

    /** Contents whose values came from an earlier run. */
    int hits() {
        return hits.get();
    }

    /** Contents whose values were computed in this run. */
    int misses() {
        return misses.get();
    }

    /** How many entries this run used. */
    int size() {
        return used.size();
    }

    /** Writes the entries this run used, replacing the file. */
    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)))) {
                out.writeInt(version);
                out.writeUTF(fingerprintKey);
                out.writeInt(used.size());
                for (var e : used.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    out.writeUTF(e.getKey());
                    writer.write(out, e.getValue());
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

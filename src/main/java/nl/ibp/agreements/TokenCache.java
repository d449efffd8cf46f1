package nl.ibp.agreements;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.ibp.index.AnalysedTokens;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysed tokens of the opgave neighbours' training texts ({@link OpgaveAssigner}), by text,
 * for one analyzer: the file holds the fingerprint of the build and the compound dictionary the
 * texts were analysed with, and a run with another fingerprint starts empty. When a new document
 * changes the training set, the neighbours are built again from the tokens of the texts analysed
 * before plus the new ones, the same index as from analysing them all.
 *
 * <p>One gzipped binary file in the index directory, read whole at the start and written whole
 * (temporary file, then rename) at the end with the texts this run used; an unreadable file is an
 * empty cache, never an error. Thread-safe.
 */
final class TokenCache {

    static final String FILE = "opgave-tokens-cache.bin.gz";
    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
    private static final int VERSION = 1;

    private final Path file;
    private final String fingerprint;
    private final Map<String, AnalysedTokens> before;
    private final Map<String, AnalysedTokens> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();

    private TokenCache(Path file, String fingerprint, Map<String, AnalysedTokens> before) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.before = before;
    }

    static TokenCache open(Path file, String fingerprint) {
        Map<String, AnalysedTokens> entries = new ConcurrentHashMap<>();
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
                if (in.readInt() == VERSION && in.readUTF().equals(fingerprint)) {
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) {
                        entries.put(in.readUTF(), AnalysedTokens.read(in));
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("ignoring the unreadable opgave tokens cache {}: {}", file, e.toString());
                entries.clear();
            }
        }
        return new TokenCache(file, fingerprint, entries);
    }

    /** The tokens of a text: from the cache, or analysed now (as {@code field}) and remembered. */
    AnalysedTokens tokens(Analyzer analyzer, String field, String text) {
        String key = VoteCache.key(text);
        AnalysedTokens known = used.get(key);
        if (known != null) {
            return known;
        }
        known = before.get(key);
        if (known != null) {
            hits.incrementAndGet();
        } else {
            try {
                known = AnalysedTokens.of(analyzer, field, text);
            } catch (IOException e) {
                throw new UncheckedIOException("analysing a string in memory cannot fail", e);
            }
        }
        AnalysedTokens raced = used.putIfAbsent(key, known);
        return raced != null ? raced : known;
    }

    int hits() {
        return hits.get();
    }

    /** Writes the entries this run used, replacing the file (nothing when the neighbours were not built). */
    void save() throws IOException {
        if (used.isEmpty()) {
            return; // the neighbours were not needed: what the file holds is still good
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)))) {
                out.writeInt(VERSION);
                out.writeUTF(fingerprint);
                out.writeInt(used.size());
                for (var e : used.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    out.writeUTF(e.getKey());
                    e.getValue().write(out);
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

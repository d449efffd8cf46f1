package nl.ibp.agreements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import nl.ibp.index.AnalysedTokens;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysed tokens of the opgave neighbours' training texts ({@link OpgaveAssigner}), by text,
 * for one analyzer: the file holds the fingerprint of the build and the compound dictionary the
 * texts were analysed with, and a run with another fingerprint starts empty. When a new document
 * changes the training set, the neighbours are built again from the tokens of the texts analysed
 * before plus the new ones, the same index as from analysing them all. A {@link RunCache}.
 */
final class TokenCache {

    static final String FILE = "opgave-tokens-cache.bin.gz";
    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
    /** Version 2 holds the fingerprint's key (version 1 held the fingerprint, all the dictionary's words). */
    private static final int VERSION = 2;

    private final RunCache<AnalysedTokens> cache;

    private TokenCache(RunCache<AnalysedTokens> cache) {
        this.cache = cache;
    }

    static TokenCache open(Path file, String fingerprint) {
        return new TokenCache(RunCache.open(file, VERSION, fingerprint, (out, tokens) -> tokens.write(out),
                AnalysedTokens::read, LOG, "opgave tokens cache"));
    }

    /** The tokens of a text: from the cache, or analysed now (as {@code field}) and remembered. */
    AnalysedTokens tokens(Analyzer analyzer, String field, String text) {
        return cache.get(text, () -> {
            try {
                return AnalysedTokens.of(analyzer, field, text);
            } catch (IOException e) {
                throw new UncheckedIOException("analysing a string in memory cannot fail", e);
            }
        });
    }

    int hits() {
        return cache.hits();
    }

    /** Writes the entries this run used, replacing the file (nothing when the neighbours were not built). */
    void save() throws IOException {
        if (cache.size() == 0) {
            return; // the neighbours were not needed: what the file holds is still good
        }
        cache.save();
    }
}

package nl.ibp.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a word is Dutch, by the OpenTaal Hunspell dictionary (Debian: hunspell-nl) read with
 * Lucene's Hunspell: "verkiezing" and "stadhuis" are words the documents may lack but no
 * misspellings, so they are never "corrected" into a word the documents do hold ("verdieping").
 * Hunspell knows Dutch compounding and inflection, which no plain word list does. Reading the
 * dictionary takes a second or two, so it is read once, the first time a word with a spelling
 * suggestion is checked; without the files every word counts as unknown, as before. Thread-safe.
 */
final class DutchDictionary {

    private static final Logger LOG = LoggerFactory.getLogger(DutchDictionary.class);
    /** Where Debian's hunspell-nl puts the dictionary; IBP_HUNSPELL names another {@code .aff}/{@code .dic} pair (without extension). */
    static final Path DEBIAN = Path.of("/usr/share/hunspell/nl");

    private static volatile DutchDictionary shared;

    private final Path base;
    private volatile Optional<Hunspell> hunspell;

    private DutchDictionary(Path base) {
        this.base = base;
    }

    /** The dictionary of this process, read once (every searcher of the process shares it). */
    static DutchDictionary shared(Map<String, String> env) {
        DutchDictionary d = shared;
        if (d == null) {
            synchronized (DutchDictionary.class) {
                if (shared == null) {
                    shared = new DutchDictionary(Optional.ofNullable(env.get("IBP_HUNSPELL")).map(Path::of).orElse(DEBIAN));
                }
                d = shared;
            }
        }
        return d;
    }

    /** No dictionary: no word is known to be Dutch (tests, and a machine without hunspell-nl). */
    static DutchDictionary none() {
        return new DutchDictionary(Path.of("/nonexistent/hunspell/none"));
    }

    /** A dictionary read from {@code base.aff} and {@code base.dic}. */
    static DutchDictionary at(Path base) {
        return new DutchDictionary(base);
    }

    /** Whether the dictionary could be read (the package may not be installed). */
    boolean available() {
        return hunspell().isPresent();
    }

    /** Whether {@code word} (as the user wrote it) is a Dutch word; false without a dictionary. */
    boolean isWord(String word) {
        return hunspell().map(h -> h.spell(word)).orElse(false);
    }

    /** Read on first use: most questions never need it. */
    private Optional<Hunspell> hunspell() {
        Optional<Hunspell> h = hunspell;
        if (h == null) {
            synchronized (this) {
                if (hunspell == null) {
                    hunspell = read(base);
                }
                h = hunspell;
            }
        }
        return h;
    }

    private static Optional<Hunspell> read(Path base) {
        Path aff = base.resolveSibling(base.getFileName() + ".aff");
        Path dic = base.resolveSibling(base.getFileName() + ".dic");
        if (!Files.isRegularFile(aff) || !Files.isRegularFile(dic)) {
            LOG.info("no Dutch Hunspell dictionary at {}.aff/.dic (apt-get install hunspell-nl): "
                    + "real Dutch words the documents lack may be read as misspellings", base);
            return Optional.empty();
        }
        try (InputStream a = Files.newInputStream(aff); InputStream d = Files.newInputStream(dic)) {
            return Optional.of(new Hunspell(new Dictionary(new ByteBuffersDirectory(), "hunspell", a, d)));
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            LOG.warn("the Dutch Hunspell dictionary at {} could not be read: {}", base, e.toString());
            return Optional.empty();
        }
    }
}

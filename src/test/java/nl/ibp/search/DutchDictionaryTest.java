package nl.ibp.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dutch Hunspell dictionary, where hunspell-nl is installed (CI installs it). */
class DutchDictionaryTest {

    @Test
    void knowsDutchWordsAndCompoundsButNotMisspellings() {
        DutchDictionary dutch = DutchDictionary.at(DutchDictionary.DEBIAN);
        assumeTrue(dutch.available(), "hunspell-nl is not installed");
        for (String w : new String[] {"verkiezing", "stadhuis", "openingstijden", "gemeentefonds", "financiële"}) {
            assertTrue(dutch.isWord(w), w);
        }
        for (String w : new String[] {"klimaatakoord", "financiele", "verantwoordleijk", "electrische"}) {
            assertFalse(dutch.isWord(w), w);
        }
    }

    @Test
    void withoutTheFilesNoWordIsKnown(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("nl.aff"), "SET UTF-8\n"); // a .dic is missing
        DutchDictionary dutch = DutchDictionary.at(dir.resolve("nl"));
        assertFalse(dutch.available());
        assertFalse(dutch.isWord("verkiezing"));
    }
}

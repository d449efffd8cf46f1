package nl.ibp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompoundDictionaryTest {

    @Test
    void buildKeepsContentWordsOnly() {
        CompoundDictionary dict = CompoundDictionary.build(List.of(
                "De schulden van de gemeente. Schulden! Gemeente 2018 en het gas, het gas.",
                "Wanneer moeten we? Hoeveel? Financiële middelen, financiële middelen."));
        assertTrue(dict.contains("schulden"));
        assertTrue(dict.contains("schuld"), "singular from plural");
        assertTrue(dict.contains("gemeente"));
        assertTrue(dict.contains("gas"), "short whitelisted word");
        assertTrue(dict.contains("financiele"), "folded");
        assertFalse(dict.contains("2018"));
        assertFalse(dict.contains("het"));
        assertFalse(dict.contains("wanneer"));
        assertFalse(dict.contains("hoeveel"));
        assertTrue(dict.contains("verlening"), "built-in extra part");
    }

    @Test
    void rareShortWordsAreLeftOut() {
        CompoundDictionary dict = CompoundDictionary.build(List.of("ring ring bos adaptatiestrategie"));
        assertTrue(dict.contains("ring"));
        assertTrue(dict.contains("adaptatiestrategie"));
        assertFalse(CompoundDictionary.build(List.of("ring")).contains("ring"));
    }

    @Test
    void wordsAreSortedUnmodifiableAndDeterministic() {
        CompoundDictionary a = CorpusFixture.dictionary();
        CompoundDictionary b = CompoundDictionary.build(CorpusFixture.texts());
        assertEquals(a, b);
        List<String> sorted = new ArrayList<>(a.words());
        sorted.sort(null);
        assertEquals(sorted, a.words());
        assertThrows(UnsupportedOperationException.class, () -> a.words().add("x"));
        assertTrue(a.contains("klimaat") && a.contains("adaptatie") && a.contains("aardgas"));
    }

    @Test
    void readRejectsBadLinesWithLineNumber(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dict.txt");
        Files.writeString(file, "# parts\nklimaat\ntwee woorden\n", StandardCharsets.UTF_8);
        AnalysisConfigException e = assertThrows(AnalysisConfigException.class, () -> CompoundDictionary.read(file));
        assertTrue(e.getMessage().contains(":3:"), e.getMessage());
    }

    @Test
    void emptyAndOf() {
        assertTrue(CompoundDictionary.empty().isEmpty());
        assertEquals(List.of("fonds", "gemeente"), CompoundDictionary.of(List.of("Gemeente", "fonds")).words());
        assertThrows(IllegalArgumentException.class, () -> CompoundDictionary.build(null));
    }

    @Test
    void splitGivesModifierAndHeadOfACompound() {
        CompoundDictionary dict = CompoundDictionary.of(List.of("ondermijning", "geld", "fonds", "klimaat", "kosten",
                "model", "deel", "boek", "kast", "binding", "wet", "inburgering", "gemeente"));
        assertEquals(List.of("ondermijning", "geld"), dict.split("ondermijningsgeld"), "linking s");
        assertEquals(List.of("klimaat", "kosten"), dict.split("klimaatkosten"));
        assertEquals(List.of("boek", "kast"), dict.split("boekenkast"), "linking en");
        assertEquals(List.of("inburgering", "wet"), dict.split("inburgeringswet"), "a short head the dictionary keeps");
        assertEquals(List.of("gemeente", "fonds"), dict.split("gemeentefonds"));
        assertEquals(List.of("model"), dict.split("verdeelmodel"), "the head alone when the modifier is no word; not 'deel'");
        assertEquals(List.of(), dict.split("verbinding"), "a prefix is no modifier");
        assertEquals(List.of(), dict.split("fonds"), "a dictionary word on its own is no compound");
        assertEquals(List.of(), dict.split("woningbouwimpuls"), "no head in the dictionary: no split");
        assertEquals(List.of(), CompoundDictionary.empty().split("ondermijningsgeld"));
    }
}

package nl.ibp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.analysis.Synonyms;
import org.junit.jupiter.api.Test;

class PhraseCompoundsTest {

    private static final Set<String> KNOWN = Set.of("inwerkingtreding", "werkgelegenheid", "gemeentefonds", "indien");

    private static List<String> of(String words) {
        return PhraseCompounds.of(List.of(words.split(" ")), KNOWN::contains);
    }

    @Test
    void aSeparableVerbPhraseMeetsItsCompoundNounWhereverTheVerbStands() {
        assertEquals(List.of("inwerkingtreding"), of("per wanneer treedt het nieuwe stelsel in werking"));
        assertEquals(List.of("inwerkingtreding"), of("wanneer kan de wet in werking treden"));
        assertEquals(List.of("inwerkingtreding"), of("wanneer is de wet in werking getreden"),
                "a participle loses its ge-");
    }

    @Test
    void neighbouringWordsJoinWithALinkingSound() {
        assertEquals(List.of("werkgelegenheid"), of("hoe groeit de werk gelegenheid"));
        assertEquals(List.of("gemeentefonds"), of("wat zit er in het gemeente fonds"), "with the linking s");
        assertEquals(List.of(), of("gemeente werk fonds"), "words that are not neighbours are not joined");
        assertEquals(List.of(), of("werkgelegenheid"), "a word the question has whole is no extra candidate");
        assertEquals(List.of(), of("in dien"), "too short to be more than an accident");
    }

    @Test
    void theNounOfAVerbLosesItsEndingAndWritesALongVowelSingle() {
        assertEquals(List.of("treeding", "treding"), PhraseCompounds.nouns("treedt"), "the long vowel both ways");
        assertEquals(List.of("treding"), PhraseCompounds.nouns("treden"));
        assertEquals(List.of("making"), PhraseCompounds.nouns("maken"));
        assertEquals(List.of("werking"), PhraseCompounds.nouns("werkt"));
        assertEquals(List.of(), PhraseCompounds.nouns("gaat"), "too short");
        assertTrue(PhraseCompounds.nouns("getreden").contains("treding"));
        assertEquals(List.of(), PhraseCompounds.nouns("fonds"), "no verb ending");
    }

    @Test
    void theCandidatesAreBounded() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            words.add("woord" + (char) ('a' + i % 26) + (char) ('a' + i / 26));
        }
        List<String> found = PhraseCompounds.of(words, w -> true);
        assertEquals(PhraseCompounds.MAX_CANDIDATES, found.size());
    }

    @Test
    void theQueryAlsoSearchesTheCompoundInThePassageText() {
        QueryFactory queries = new QueryFactory(Synonyms.none(),
                CompoundDictionary.of(List.of("inwerkingtreding", "stelsel")), Ranking.defaults());
        assertEquals(List.of("inwerkingtred"), queries.phraseCompounds("Per wanneer treedt het nieuwe stelsel in werking?"));
        String query = queries.build("Per wanneer treedt het nieuwe stelsel in werking?").toString();
        assertTrue(query.contains("body:inwerkingtred"), query);
        assertEquals(List.of(), queries.phraseCompounds("Wanneer start de inwerkingtreding?"), "already a term of the question");
    }
}

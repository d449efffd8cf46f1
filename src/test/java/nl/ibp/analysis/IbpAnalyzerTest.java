package nl.ibp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class IbpAnalyzerTest {

    private final Analyzer index = IbpAnalyzer.forIndex();
    private final Analyzer query = IbpAnalyzer.forQuery(Synonyms.none());

    private void assertSameTerm(Analyzer analyzer, String... words) {
        String first = Tokens.stem(analyzer, words[0]);
        for (String word : words) {
            assertEquals(first, Tokens.stem(analyzer, word), "'" + word + "' vs '" + words[0] + "'");
        }
    }

    @Test
    void foldsAccents() {
        assertSameTerm(index, "geïsoleerd", "geisoleerd");
        assertSameTerm(index, "ingrediënten", "ingredienten");
        assertSameTerm(index, "financiële", "financiele");
        assertEquals(List.of("financiel", "verhoud"), Tokens.of(index, "Financiële verhoudingen"));
    }

    @Test
    void stripsApostropheEndingsStraightAndCurly() {
        assertSameTerm(index, "programma's", "programma’s", "programma‘s", "programma");
        assertSameTerm(index, "euro's", "euro’s", "euro");
        assertSameTerm(index, "thema's", "thema’s", "Thema's", "thema");
        assertEquals(List.of("eu", "thema"), Tokens.of(query, "EU-thema’s"));
    }

    @Test
    void chatFillersAndParticlesAreNoQuestionTerms() {
        assertEquals(List.of(), Tokens.of(query, "uiteindelijk binnenkort straks mee"));
        assertEquals(Tokens.of(query, "Wie neemt de examens af?"), Tokens.of(query, "Wie neemt straks de examens af?"));
        assertEquals(1, Tokens.of(index, "straks").size(), "the documents' own words are all indexed");
    }

    @Test
    void hedgesAndBeingDoneAreNoQuestionTerms() {
        assertEquals(List.of(), Tokens.of(query, "misschien wellicht klaar"));
        assertEquals(List.of("uitvoeringsagenda"), Tokens.of(query, "Wanneer moet de uitvoeringsagenda klaar zijn?"));
    }

    @Test
    void aVoicedConsonantBeforeAnEndingMeetsTheWordWithout() {
        assertSameTerm(index, "daklozen", "dakloze", "dakloos");
        assertSameTerm(index, "huizen", "huis");
        assertSameTerm(index, "brieven", "brief");
        assertSameTerm(index, "reizen", "reis");
        assertSameTerm(index, "golven", "golf");
        assertSameTerm(index, "opgaves", "opgaven", "opgave"); // a stem override ("opgaves") is voiced alike
        assertSameTerm(query, "daklozen", "dakloos");
        assertEquals(List.of("jazz"), Tokens.of(index, "jazz"), "a doubled last letter is no voiced ending");
        assertEquals(List.of("ov"), Tokens.of(index, "OV"), "a two-letter word stays as it is");
    }

    @Test
    void indexDropsStopwordsButKeepsQuestionWords() {
        assertEquals(List.of("gemeent", "rijk"), Tokens.of(index, "De gemeenten en het Rijk"));
        assertEquals(1, Tokens.of(index, "wanneer").size());
        assertEquals(1, Tokens.of(index, "hoeveel").size());
    }

    @Test
    void queryDropsQuestionWords() {
        assertEquals(List.of(), Tokens.of(query, "Wanneer moeten we? Hoeveel? Welke, waar, waarom, wie, wat gaat er gebeuren"));
        assertEquals(List.of("gezamen", "deadlin", "crossover"),
                Tokens.of(query, "Is er een gezamenlijke deadline voor de crossovers?"));
        assertEquals(Tokens.of(index, "groeit gemeentefonds kabinetsperiode"),
                Tokens.of(query, "Hoeveel groeit het gemeentefonds deze kabinetsperiode?"));
    }

    @Test
    void stemOverridesJoinInflections() {
        assertSameTerm(index, "gemeentefonds", "gemeentefondsen");
        assertSameTerm(index, "groei", "groeit", "groeien");
        assertSameTerm(index, "gemeente", "gemeenten", "gemeentes");
        assertSameTerm(index, "provincie", "provincies");
        assertSameTerm(index, "strategie", "strategieën");
        assertSameTerm(index, "fonds", "fondsen");
        assertSameTerm(index, "opgave", "opgaven", "opgaves");
        assertSameTerm(index, "kans", "kansen");
        assertSameTerm(index, "werken", "werkt");
        assertEquals("gemeentefonds", Tokens.stem(index, "Gemeentefonds"));
    }

    @Test
    void decompoundsWithTheCorpusDictionary() {
        Analyzer parts = IbpAnalyzer.forIndexDecompounding(CorpusFixture.dictionary());
        assertContainsStems(parts, "schuldhulpverlening", "schulden", "hulp", "verlening");
        assertContainsStems(parts, "klimaatadaptatie", "klimaat", "adaptatie");
        assertContainsStems(parts, "aardgasvrije", "aardgas", "gas", "vrij");
        assertContainsStems(parts, "gemeentefonds", "gemeente", "fonds");
        assertContainsStems(parts, "gemeentefondsen", "gemeentefonds", "gemeente", "fonds");
        // the word itself is kept, all parts at its position, no duplicates
        List<String> graph = Tokens.graph(parts, "het aardgasvrije huis");
        assertTrue(graph.contains("aardgasvrij@1"), graph.toString());
        assertTrue(graph.stream().filter(t -> !t.startsWith("huis")).allMatch(t -> t.endsWith("@1")), graph.toString());
        assertEquals(graph.size(), graph.stream().distinct().count(), graph.toString());
        // short words are left alone
        assertEquals(List.of("gas"), Tokens.of(parts, "gas"));
    }

    @Test
    void decompoundingAlsoAppliesToQueries() {
        Analyzer parts = IbpAnalyzer.forQueryDecompounding(Synonyms.none(), CorpusFixture.dictionary());
        assertContainsStems(parts, "Wat zijn de afspraken over schuldhulpverlening?", "schulden", "hulp");
        assertFalse(Tokens.of(parts, "Wat zijn de afspraken").contains("wat"));
    }

    @Test
    void emptyDictionaryDecompoundsNothing() {
        Analyzer parts = IbpAnalyzer.forIndexDecompounding(CompoundDictionary.empty());
        assertEquals(Tokens.of(index, "schuldhulpverlening klimaatadaptatie"),
                Tokens.of(parts, "schuldhulpverlening klimaatadaptatie"));
    }

    @Test
    void rejectsNullArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IbpAnalyzer.forQuery(null));
        assertTrue(e.getMessage().contains("synonyms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IbpAnalyzer.forIndexDecompounding(null));
        assertThrows(IllegalArgumentException.class,
                () -> IbpAnalyzer.forQueryDecompounding(Synonyms.none(), null));
    }

    @Test
    void normalizeFoldsLikeTheChain() {
        assertEquals("financiele", index.normalize("body", "Financiële").utf8ToString());
    }

    private static void assertContainsStems(Analyzer parts, String text, String... words) {
        List<String> terms = Tokens.of(parts, text);
        Analyzer plain = IbpAnalyzer.forIndex();
        for (String word : words) {
            String stem = Tokens.stem(plain, word);
            assertTrue(terms.contains(stem), "'" + text + "' should contain '" + stem + "' (" + word + "): " + terms);
        }
    }

    @Test
    void finiteFormsOfVerbsInErenMeetTheirInfinitive() {
        IbpAnalyzer index = IbpAnalyzer.forIndex();
        assertSameTerm(index, "coördineren", "coördineert", "gecoördineerd", "coördinerend");
        assertSameTerm(index, "evalueren", "geëvalueerd", "evalueert");
        assertSameTerm(index, "investeren", "investeert");
        assertEquals(List.of("concert"), Tokens.of(index, "concert"), "a word in -ert that is no -eren verb stays");
    }

    @Test
    void theParticipleOfASeparableVerbMeetsItsInfinitive() {
        IbpAnalyzer index = IbpAnalyzer.forIndex();
        assertSameTerm(index, "indienen", "ingediend", "indiening");
        assertSameTerm(index, "vaststellen", "vastgesteld");
        assertSameTerm(index, "vastleggen", "vastgelegd");
        assertSameTerm(index, "aankondigen", "aangekondigd");
        assertSameTerm(index, "vrijmaken", "vrijgemaakt");
        assertEquals(List.of("ingenieur"), Tokens.of(index, "ingenieur"), "no participle: no ending in -d or -t");
        assertEquals(List.of("omgef"), Tokens.of(index, "omgeving"), "no participle; its stem is voiced as \"omgeef\" is");
    }
}

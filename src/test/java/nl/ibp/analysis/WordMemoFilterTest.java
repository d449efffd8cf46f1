package nl.ibp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.Attribute;
import org.junit.jupiter.api.Test;

/** The memoising chains give exactly the tokens of the plain chains, attribute for attribute. */
class WordMemoFilterTest {

    /** Compounds, accents, apostrophes (straight and typographic), verb forms, numbers, repeats, stopwords at both ends. */
    private static final String TEXT = """
            De gemeenten en het Rijk coördineren de aardgasvrije wijken; het Rijk coördineert, de gemeenten \
            hebben gecoördineerd. Gemeentefonds en gemeentefondsen: de financiële verhoudingen van de \
            programma's en programma’s, thema’s als klimaatadaptatie, schuldhulpverlening en de \
            energietransitie. CO₂-reductie van 49% in 2030, 1.200 woningen per jaar, m² en m2. \
            Ingrediënten, geïsoleerd, geisoleerd, ’s avonds, 's Rijks beleid. De aardgasvrije wijken \
            en de aardgasvrije wijken, de gemeenten en de GEMEENTEN. Wanneer moeten we van het gas af? \
            Klimaatadaptatie! Schuldhulpverlening? Energietransitie... en het de van""";

    private static List<IbpAnalyzer> chains() {
        return List.of(IbpAnalyzer.forIndex(), IbpAnalyzer.forQuery(Synonyms.none()),
                IbpAnalyzer.forIndexDecompounding(CorpusFixture.dictionary()));
    }

    @Test
    void givesTheTokensOfThePlainChain() throws IOException {
        for (IbpAnalyzer memoised : chains()) {
            try (Analyzer plain = memoised.withMemo(0); Analyzer small = memoised.withMemo(3)) {
                List<String> expected = tokens(plain, TEXT);
                assertTrue(expected.size() > 40, memoised + ": " + expected.size());
                // the first time fills the memo, the second replays it; a memo of 3 words is emptied often
                assertSameTokens(expected, tokens(memoised, TEXT), memoised.toString());
                assertSameTokens(expected, tokens(memoised, TEXT), memoised + ", replayed");
                assertSameTokens(expected, tokens(small, TEXT), memoised + ", memo of 3 words");
                assertEquals(attributes(plain), attributes(memoised), memoised.toString());
            }
        }
    }

    @Test
    void givesTheTokensOfThePlainChainOnTheCorpus() throws IOException {
        for (IbpAnalyzer memoised : chains()) {
            try (Analyzer plain = memoised.withMemo(0)) {
                for (String text : CorpusFixture.texts()) {
                    assertSameTokens(tokens(plain, text), tokens(memoised, text), memoised.toString());
                }
            }
        }
    }

    @Test
    void endsAsThePlainChainOnTextsWithoutWordsKept() throws IOException {
        for (IbpAnalyzer memoised : chains()) {
            try (Analyzer plain = memoised.withMemo(0)) {
                for (String text : List.of("", " ", "de het een", "...", "gemeenten", "de gemeenten", "gemeenten de", "'s")) {
                    assertSameTokens(tokens(plain, text), tokens(memoised, text), memoised + " on \"" + text + "\"");
                }
            }
        }
    }

    @Test
    void trailingStopwordsGiveTheEndTheirPositions() throws IOException {
        IbpAnalyzer index = IbpAnalyzer.forIndex();
        List<String> tokens = tokens(index, "gemeenten en het de");
        assertEquals(tokens(index.withMemo(0), "gemeenten en het de"), tokens);
        assertTrue(tokens.getLast().contains("positionIncrement=3"), tokens.getLast());
    }

    /** Equal lists, told apart at the first token that differs. */
    private static void assertSameTokens(List<String> expected, List<String> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), what + ", token " + i);
        }
        assertEquals(expected.size(), actual.size(), what + ": number of tokens");
    }

    /** Every attribute of every token, then of the end state, as Lucene reflects them. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(stream.reflectAsString(false));
            }
            stream.end();
            tokens.add("end: " + stream.reflectAsString(false));
        }
        return tokens;
    }

    private static TreeSet<String> attributes(Analyzer analyzer) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (TokenStream stream = analyzer.tokenStream("body", "x")) {
            Iterator<Class<? extends Attribute>> it = stream.getAttributeClassesIterator();
            it.forEachRemaining(c -> names.add(c.getName()));
        }
        return names;
    }
}

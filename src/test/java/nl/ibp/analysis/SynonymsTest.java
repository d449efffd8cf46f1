package nl.ibp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsTest {

    private static final Synonyms SHIPPED = Synonyms.load(CorpusFixture.CORPUS.resolve("_synoniemen.txt"));

    private static Set<String> queryTerms(Analyzer analyzer, String question) {
        Query query = new QueryBuilder(analyzer).createBooleanQuery("body", question);
        Set<String> terms = new HashSet<>();
        if (query != null) {
            query.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query q, Term... ts) {
                    for (Term t : ts) {
                        terms.add(t.text());
                    }
                }

                @Override
                public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                    return this;
                }
            });
        }
        return terms;
    }

    private static String stem(String word) {
        return Tokens.stem(IbpAnalyzer.forIndex(), word);
    }

    @Test
    void shippedFileLoads() {
        assertFalse(SHIPPED.isEmpty());
        assertTrue(SHIPPED.ruleCount() > 30, SHIPPED.toString());
    }

    @Test
    void multiWordSynonymBeforeStopwordsGivesASaneQuery() {
        Analyzer analyzer = IbpAnalyzer.forQuery(SHIPPED);
        Query query = new QueryBuilder(analyzer).createBooleanQuery("body", "wanneer moeten we van het gas af?");
        Set<String> terms = queryTerms(analyzer, "wanneer moeten we van het gas af?");
        assertTrue(terms.contains(stem("aardgasvrij")), terms + " / " + query);
        Set<String> withContext = queryTerms(analyzer, "Wanneer moeten gemeenten van het gas af?");
        assertTrue(withContext.containsAll(Set.of(stem("gemeenten"), stem("aardgasvrij"))), withContext.toString());
        assertFalse(terms.contains("wanner") || terms.contains("van") || terms.contains("het"), terms.toString());
    }

    @Test
    void singleWordSynonyms() {
        Analyzer analyzer = IbpAnalyzer.forQuery(SHIPPED);
        assertTrue(queryTerms(analyzer, "Wat doen we voor statushouders?").contains(stem("vergunninghouders")));
        assertTrue(queryTerms(analyzer, "Wat gaan we doen aan de woningnood?").contains(stem("woningtekort")));
        assertTrue(queryTerms(analyzer, "Hoeveel geld krijgt de gemeente?").contains(stem("middelen")));
    }

    @Test
    void abbreviationsBothWays() {
        Analyzer analyzer = IbpAnalyzer.forQuery(SHIPPED);
        Set<String> fromAbbreviation = queryTerms(analyzer, "Wat doet EZK?");
        assertTrue(fromAbbreviation.containsAll(Set.of(stem("economische"), stem("zaken"), stem("klimaat"), "ezk")),
                fromAbbreviation.toString());
        Set<String> fromName = queryTerms(analyzer, "Wat doet de minister van Economische Zaken en Klimaat?");
        assertTrue(fromName.contains("ezk"), fromName.toString());
        assertTrue(queryTerms(analyzer, "Welke onderdelen van de IUSD gaan over?").contains(stem("integratie")));
        assertTrue(queryTerms(analyzer, "Hoe lang lopen de LVV’s?").contains(stem("vreemdelingenvoorzieningen")));
    }

    @Test
    void synonymGraphKeepsPositionsConsistent() {
        Synonyms synonyms = Synonyms.parse("aardgasvrij, van het gas af", "test");
        Analyzer analyzer = IbpAnalyzer.forQuery(synonyms);
        // outputs lose their stopwords, so the stop filter leaves no holes in the graph
        assertEquals(java.util.List.of("aardgasvrij@0", "gas@0"), Tokens.graph(analyzer, "van het gas af"));
        assertEquals(java.util.List.of("gemeent@0", "aardgasvrij@1", "gas@1", "planning@2"),
                Tokens.graph(analyzer, "gemeenten aardgasvrij planning"));
    }

    @Test
    void singleWordWithMultiWordSynonymKeepsTheRestOfTheQuestion() {
        Analyzer analyzer = IbpAnalyzer.forQuery(SHIPPED);
        String question = "Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?";
        Set<String> terms = queryTerms(analyzer, question);
        assertTrue(terms.containsAll(Set.of(stem("gemeenten"), stem("planning"), stem("aardgasvrij"), stem("vaststellen"))),
                terms.toString());
        Analyzer parts = IbpAnalyzer.forQueryDecompounding(SHIPPED, CorpusFixture.dictionary());
        Set<String> partTerms = queryTerms(parts, question);
        assertTrue(partTerms.containsAll(Set.of(stem("gemeenten"), stem("planning"), stem("aardgasvrij"))),
                partTerms.toString());
    }

    @Test
    void indexAnalyzerIgnoresSynonyms() {
        assertEquals(java.util.List.of("vng"), Tokens.of(IbpAnalyzer.forIndex(), "VNG"));
    }

    @Test
    void malformedLineNamesFileAndLine() {
        AnalysisConfigException e = assertThrows(AnalysisConfigException.class,
                () -> Synonyms.parse("# comment\nvng, vereniging van nederlandse gemeenten\na => b => c\n", "syn.txt"));
        assertTrue(e.getMessage().startsWith("syn.txt:3:"), e.getMessage());
        assertThrows(AnalysisConfigException.class, () -> Synonyms.parse("a, , b", "x"));
        assertThrows(AnalysisConfigException.class, () -> Synonyms.parse(" => b", "x"));
        assertThrows(AnalysisConfigException.class, () -> Synonyms.parse("alleen", "x"));
    }

    @Test
    void loadReportsFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("syn.txt");
        Files.writeString(file, "ezk, economische zaken en klimaat\n\nfoo =>\n", StandardCharsets.UTF_8);
        AnalysisConfigException e = assertThrows(AnalysisConfigException.class, () -> Synonyms.load(file));
        assertTrue(e.getMessage().contains(file.toString() + ":3:"), e.getMessage());
    }

    @Test
    void missingFileIsNone(@TempDir Path dir) {
        assertTrue(Synonyms.load(dir.resolve("nope.txt")).isEmpty());
        assertTrue(Synonyms.none().synonymMap().isEmpty());
        assertTrue(Synonyms.parse("# only comments\n\n", "x").isEmpty());
    }

    @Test
    void theWordsOfTheRulesAreKnownAsWritten() {
        Synonyms s = Synonyms.parse("getekend, ondertekend\nVNG => vng, Vereniging van Nederlandse Gemeenten\n", "s.txt");
        assertTrue(s.names("getekend"));
        assertTrue(s.names("vereniging"));
        assertTrue(s.names("nederlandse"));
        assertFalse(s.names("tekenen"));
        assertFalse(Synonyms.none().names("getekend"));
    }
}

package nl.ibp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index a few passages the way the indexer will (body + parts) and query them. */
class EndToEndTest {

    private static final Map<String, String> PASSAGES = Map.of(
            "schuld", "Gemeenten versterken de schuldhulpverlening en werken samen met grote uitvoerders.",
            "klimaat", "Klimaatadaptatie krijgt een plek in de regionale aanpak.",
            "gas", "In 2050 zijn alle woningen aardgasvrij; gemeenten maken een planning.",
            "vng", "De Vereniging van Nederlandse Gemeenten ondertekent de programmastart.",
            "fonds", "Het accres van het gemeentefonds groeit met de rijksuitgaven.");

    private static ByteBuffersDirectory directory;
    private static CompoundDictionary dictionary;

    @BeforeAll
    static void index() throws Exception {
        dictionary = CorpusFixture.dictionary();
        directory = new ByteBuffersDirectory();
        Analyzer analyzer = new PerFieldAnalyzerWrapper(IbpAnalyzer.forIndex(),
                Map.of("parts", IbpAnalyzer.forIndexDecompounding(dictionary)));
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Map.Entry<String, String> passage : PASSAGES.entrySet()) {
                Document doc = new Document();
                doc.add(new StringField("id", passage.getKey(), Field.Store.YES));
                doc.add(new TextField("body", passage.getValue(), Field.Store.NO));
                doc.add(new TextField("parts", passage.getValue(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
    }

    private static Set<String> search(String field, Analyzer analyzer, String question) throws Exception {
        Query query = new QueryBuilder(analyzer).createBooleanQuery(field, question);
        Set<String> ids = new TreeSet<>();
        if (query == null) {
            return ids;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get("id"));
            }
        }
        return ids;
    }

    @Test
    void partsFieldFindsCompounds() throws Exception {
        Analyzer parts = IbpAnalyzer.forQueryDecompounding(Synonyms.none(), dictionary);
        assertEquals(Set.of("schuld"), search("parts", parts, "schulden"));
        assertEquals(Set.of("klimaat"), search("parts", parts, "klimaat"));
        assertTrue(search("parts", parts, "Wat gebeurt er met gas?").contains("gas"));
        // the body field alone does not decompound
        assertEquals(Set.of(), search("body", IbpAnalyzer.forQuery(Synonyms.none()), "schulden"));
    }

    @Test
    void bodyFieldWithSynonymsAndInflections() throws Exception {
        Synonyms synonyms = Synonyms.load(CorpusFixture.CORPUS.resolve("_synoniemen.txt"));
        Analyzer query = IbpAnalyzer.forQuery(synonyms);
        assertTrue(search("body", query, "wanneer moeten we van het gas af?").contains("gas"));
        assertTrue(search("body", query, "Wat doet de VNG?").contains("vng"));
        assertTrue(search("body", query, "Hoeveel groeien de gemeentefondsen?").contains("fonds"));
    }

    @Test
    void dictionaryRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("compounds.txt");
        dictionary.write(file);
        CompoundDictionary read = CompoundDictionary.read(file);
        assertEquals(dictionary, read);
        assertEquals(dictionary.words(), read.words());
    }
}

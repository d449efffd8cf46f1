package nl.ibp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.index.IndexFields;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void aWordTheSynonymsFileNamesIsNoMisspellingOfAWordOfTheDocuments() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(IbpAnalyzer.forWords()))) {
                Document d = new Document();
                d.add(new TextField(IndexFields.WORDS, "De deals worden in het voorjaar ondertekend en gerekend tot de regio.",
                        Field.Store.NO));
                w.addDocument(d);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir);
                 Spelling plain = new Spelling(reader);
                 Spelling withSynonyms = new Spelling(reader, Synonyms.parse("getekend, ondertekend", "s.txt")::names)) {
                assertEquals(Optional.of("gerekend"), plain.suggest("getekend"), "one letter from a word of the documents");
                assertEquals(Optional.empty(), withSynonyms.suggest("getekend"), "a word the synonyms file names stays");
                assertEquals(Optional.of("voorjaar"), withSynonyms.suggest("voorjar"));
            }
        }
    }
}

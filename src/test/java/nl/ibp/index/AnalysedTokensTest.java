package nl.ibp.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.analysis.IbpAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Tokens written to a file and read back index as the analyzer's own tokens do. */
class AnalysedTokensTest {

    private static List<String> paragraphs() throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : List.of("corpus/lbr-18-004-stand-van-zaken-ibp.txt", "corpus/programmastart-ibp.txt")) {
            for (String p : Files.readString(Path.of(f)).split("\n\\s*\n")) {
                if (!p.isBlank()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Postings with positions and the norms of the field "f" of an index of the texts, each a document. */
    private static List<String> index(List<String> texts, Analyzer analyzer, Function<String, TextField> field) throws IOException {
        List<String> out = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (String t : texts) {
                    Document d = new Document();
                    d.add(field.apply(t));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                TermsEnum te = MultiTerms.getTerms(r, "f").iterator();
                BytesRef term;
                while ((term = te.next()) != null) {
                    StringBuilder sb = new StringBuilder(term.utf8ToString());
                    PostingsEnum p = te.postings(null, PostingsEnum.POSITIONS);
                    while (p.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                        sb.append(' ').append(p.docID()).append('x').append(p.freq()).append('@');
                        for (int i = 0; i < p.freq(); i++) {
                            sb.append(p.nextPosition()).append(',');
                        }
                    }
                    out.add(sb.toString());
                }
                NumericDocValues norms = MultiDocValues.getNormValues(r, "f");
                StringBuilder sb = new StringBuilder("norms");
                while (norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                    sb.append(' ').append(norms.longValue());
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void tokensReadBackFromAFileIndexAsTheAnalyzersOwn() throws IOException {
        List<String> texts = paragraphs();
        assertTrue(texts.size() > 100, "paragraphs: " + texts.size());
        CompoundDictionary dictionary = CompoundDictionary.build(texts);
        try (Analyzer analyzer = IbpAnalyzer.forIndexDecompounding(dictionary)) {
            List<String> direct = index(texts, analyzer, t -> new TextField("f", t, TextField.Store.NO));
            List<String> replayed = index(texts, analyzer, t -> {
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    AnalysedTokens.of(analyzer, "f", t).write(new DataOutputStream(bytes));
                    AnalysedTokens back = AnalysedTokens.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                    return new TextField("f", back.stream());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(direct.size() > 1000, "terms: " + direct.size());
            assertEquals(direct, replayed);
        }
    }
}

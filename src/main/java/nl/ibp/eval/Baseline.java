package nl.ibp.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.ibp.ingest.Block;
import nl.ibp.ingest.SourceDocument;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The naive baseline the assistant must beat: Lucene's StandardAnalyzer over blank-line
 * paragraphs, in memory, built in the same run as the evaluation.
 */
public final class Baseline implements Metrics.Ranker, AutoCloseable {

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public Baseline(List<SourceDocument> documents) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (SourceDocument d : documents) {
                for (String paragraph : paragraphs(d)) {
                    Document doc = new Document();
                    doc.add(new TextField("body", paragraph, Field.Store.YES));
                    writer.addDocument(doc);
                }
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    /** Blank-line paragraphs: list items and table rows stay together, as their lines do in the text. */
    static List<String> paragraphs(SourceDocument d) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean previousWasLine = false;
        for (Block b : d.blocks()) {
            boolean line = b.type() == Block.Type.LIST_ITEM || b.type() == Block.Type.TABLE_ROW;
            if (!(line && previousWasLine) && !run.isEmpty()) {
                paragraphs.add(run.toString());
                run.setLength(0);
            }
            run.append(run.isEmpty() ? "" : "\n").append(b.text());
            previousWasLine = line;
        }
        if (!run.isEmpty()) {
            paragraphs.add(run.toString());
        }
        return paragraphs;
    }

    @Override
    public List<String> rank(String question, int k) throws IOException {
        var query = new QueryBuilder(analyzer).createBooleanQuery("body", question);
        if (query == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, k).scoreDocs) {
            texts.add(searcher.storedFields().document(sd.doc).get("body"));
        }
        return texts;
    }

    @Override
    public void close() throws IOException {
        try (directory; analyzer) {
            reader.close();
        }
    }
}

package nl.ibp.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.ibp.TestCorpus;
import nl.ibp.ingest.ExtractionLimits;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel index run: the same index as a sequential one, and a re-index reads only what changed. */
class IndexPipelineTest {

    @TempDir
    Path tmp;

    private static final Clock CLOCK = Clock.systemUTC();

    private static Indexer indexer(Path corpus, Path index, int threads) {
        return new Indexer(corpus, new IndexLayout(index), Indexer.Progress.NONE, CLOCK, List.of(),
                ExtractionLimits.defaults(), threads);
    }

    /** A corpus of the shipped documents and a few more files, so that several files are read at once. */
    private Path corpus() throws IOException {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        String text = Files.readString(corpus.resolve("lbr-18-004-stand-van-zaken-ibp.txt"));
        for (int i = 1; i <= 3; i++) { // other files, other passages: the same text cut at other places
            Files.writeString(corpus.resolve("kopie-" + i + ".txt"), text.substring(text.length() * i / 5));
        }
        return corpus;
    }

    @Test
    void theParallelRunWritesTheSameIndexAsTheSequentialOne() throws IOException {
        Path corpus = corpus();
        Path sequential = tmp.resolve("seq");
        Path parallel = tmp.resolve("par");
        try (Indexer one = indexer(corpus, sequential, 1); Indexer three = indexer(corpus, parallel, 3)) {
            IndexReport a = one.run(true);
            IndexReport b = three.run(true);
            assertEquals(a.passages(), b.passages());
            assertTrue(a.passages() > 300, "passages: " + a.passages());
            assertEquals(a.added(), b.added());
        }
        Path genA = new IndexLayout(sequential).current().orElseThrow();
        Path genB = new IndexLayout(parallel).current().orElseThrow();
        assertEquals(Files.readString(genA.resolve(IndexLayout.COMPOUNDS)), Files.readString(genB.resolve(IndexLayout.COMPOUNDS)));
        assertEquals(dump(genA), dump(genB));
    }

    @Test
    void aReindexAfterAddingOneDocumentExtractsOnlyThatDocument() throws IOException {
        Path corpus = corpus();
        Path index = tmp.resolve("index");
        try (Indexer indexer = indexer(corpus, index, 2)) {
            indexer.run(false);
            assertEquals(5, indexer.extractions());
            Files.writeString(corpus.resolve("nieuw.txt"), "Zonnepanelen\n\nGemeenten plaatsen uiterlijk in 2020 zonnepanelen.\n");
            IndexReport second = indexer.run(false);
            assertEquals(List.of("nieuw.txt"), second.added());
            assertEquals(6, indexer.extractions(), "only the new file is given to Tika");
            assertEquals(6, second.documents());
        }
    }

    @Test
    void aReindexCopiesUnchangedFilesAndGivesTheIndexOfAFullRun() throws IOException {
        Path corpus = corpus();
        Path index = tmp.resolve("incremental");
        try (Indexer indexer = indexer(corpus, index, 2)) {
            indexer.run(false);
            assertEquals(0, indexer.copiedPassages());
            // a new file sorted between the others, one changed, one removed
            Files.writeString(corpus.resolve("kopie-15.txt"), "Zonnepanelen\n\nGemeenten leggen uiterlijk in 2020 zonnepanelen aan.\n");
            String two = Files.readString(corpus.resolve("kopie-2.txt"));
            Files.writeString(corpus.resolve("kopie-2.txt"), two.substring(two.length() / 2));
            Files.delete(corpus.resolve("kopie-3.txt"));
            IndexReport second = indexer.run(false);
            assertEquals(List.of("kopie-15.txt"), second.added());
            assertTrue(indexer.copiedPassages() > 200, "copied: " + indexer.copiedPassages());
            assertTrue(indexer.copiedPassages() < second.passages(), "the new and changed files are analysed");
        }
        Path full = tmp.resolve("full");
        try (Indexer indexer = indexer(corpus, full, 2)) {
            indexer.run(true);
            assertEquals(0, indexer.copiedPassages());
        }
        List<String> copied = logicalDump(new IndexLayout(index).current().orElseThrow());
        assertEquals(logicalDump(new IndexLayout(full).current().orElseThrow()), copied);
        assertTrue(copied.size() > 1000, "dump lines: " + copied.size());
    }

    @Test
    void passagesComeFromTheCacheOnlyForTheSameBuildConfigurationAndFile() throws IOException {
        Path corpus = corpus();
        Path index = tmp.resolve("index");
        try (Indexer indexer = indexer(corpus, index, 2)) {
            indexer.run(false);
            List<String> first = dump(new IndexLayout(index).current().orElseThrow());
            try (var files = Files.list(new IndexLayout(index).cache())) {
                assertEquals(5, files.filter(f -> f.toString().endsWith(".passages.json")).count());
            }
            // a new configuration file: a new key, so every file is cut again, with the same result
            Files.writeString(corpus.resolve("_leeg.txt"), "# niets\n");
            indexer.run(false);
            assertEquals(first, dump(new IndexLayout(index).current().orElseThrow()));
            // the same bytes under another name are cut again, with their own id
            Files.copy(corpus.resolve("kopie-1.txt"), corpus.resolve("kopie-9.txt"));
            indexer.run(false);
        }
        Path full = tmp.resolve("full");
        try (Indexer indexer = indexer(corpus, full, 1)) {
            indexer.run(true);
        }
        assertEquals(logicalDump(new IndexLayout(full).current().orElseThrow()),
                logicalDump(new IndexLayout(index).current().orElseThrow()));
    }

    @Test
    void aFileHoldingAWordTheDictionaryGainedIsAnalysedAgainTheOthersAreCopied() throws IOException {
        Path corpus = corpus();
        Files.writeString(corpus.resolve("ander.txt"), "Aanpak\n\nDe gemeenten werken aan kwakzalverijbestrijding.\n");
        Path index = tmp.resolve("index");
        int before;
        try (Indexer indexer = indexer(corpus, index, 2)) {
            before = indexer.run(false).passages();
            // a long word counts as a compound part even when seen once: "kwakzalverij" joins the
            // dictionary, and "kwakzalverijbestrijding" in ander.txt now splits into it
            Files.writeString(corpus.resolve("nieuw.txt"), "Kwakzalverij\n\nHet Rijk bestrijdt kwakzalverij vanaf 2021.\n");
            indexer.run(false);
            int copied = indexer.copiedPassages();
            assertTrue(copied > 300 && copied < before, "copied " + copied + " of " + before);
        }
        Path full = tmp.resolve("full");
        try (Indexer indexer = indexer(corpus, full, 1)) {
            indexer.run(true);
        }
        List<String> expected = logicalDump(new IndexLayout(full).current().orElseThrow());
        assertTrue(expected.stream().anyMatch(l -> l.startsWith("parts:kwakzalverij ")), "the new part is indexed");
        assertEquals(expected, logicalDump(new IndexLayout(index).current().orElseThrow()));
    }

    /**
     * What a searcher sees of an index however it is cut into segments: the stored fields of every
     * document in order, and per field (by name) each term with its statistics and postings (global
     * document numbers, frequencies, positions) and the norms.
     */
    private static List<String> logicalDump(Path generation) throws IOException {
        List<String> out = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
            out.add("docs " + reader.maxDoc() + " live " + reader.numDocs());
            StoredFields stored = reader.storedFields();
            for (int d = 0; d < reader.maxDoc(); d++) {
                StringBuilder sb = new StringBuilder("doc " + d);
                for (IndexableField f : stored.document(d).getFields()) {
                    sb.append(" | ").append(f.name()).append('=').append(f.stringValue() != null ? f.stringValue() : f.numericValue());
                }
                out.add(sb.toString());
            }
            List<FieldInfo> fields = new ArrayList<>();
            FieldInfos.getMergedFieldInfos(reader).forEach(fields::add);
            fields.sort(java.util.Comparator.comparing(fi -> fi.name));
            for (FieldInfo fi : fields) {
                out.add("field " + fi.name + " " + fi.getIndexOptions() + " norms=" + fi.hasNorms()
                        + " points=" + fi.getPointDimensionCount() + " dv=" + fi.getDocValuesType());
                Terms terms = MultiTerms.getTerms(reader, fi.name);
                if (terms != null) {
                    out.add("stats " + fi.name + " docs=" + terms.getDocCount() + " sumTtf=" + terms.getSumTotalTermFreq()
                            + " sumDf=" + terms.getSumDocFreq());
                    TermsEnum te = terms.iterator();
                    BytesRef term;
                    while ((term = te.next()) != null) {
                        StringBuilder sb = new StringBuilder(fi.name + ":" + term.utf8ToString() + " df=" + te.docFreq()
                                + " ttf=" + te.totalTermFreq());
                        PostingsEnum p = te.postings(null, PostingsEnum.POSITIONS);
                        while (p.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                            sb.append(' ').append(p.docID()).append('x').append(p.freq()).append('@');
                            for (int i = 0; i < p.freq(); i++) {
                                sb.append(p.nextPosition()).append(',');
                            }
                        }
                        out.add(sb.toString());
                    }
                }
                if (fi.hasNorms()) {
                    NumericDocValues norms = MultiDocValues.getNormValues(reader, fi.name);
                    StringBuilder sb = new StringBuilder("norms " + fi.name);
                    while (norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                        sb.append(' ').append(norms.docID()).append(':').append(norms.longValue());
                    }
                    out.add(sb.toString());
                }
                if (fi.getPointDimensionCount() > 0) {
                    out.add("points " + fi.name + " " + org.apache.lucene.index.PointValues.size(reader, fi.name));
                }
            }
        }
        return out;
    }

    /**
     * Everything a searcher can see of an index, in document order: stored fields, and per field
     * each term with its postings (documents, frequencies, positions) and the norms.
     */
    private static List<String> dump(Path generation) throws IOException {
        List<String> out = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
            out.add("docs " + reader.maxDoc());
            StoredFields stored = reader.storedFields();
            for (int d = 0; d < reader.maxDoc(); d++) {
                Document doc = stored.document(d);
                StringBuilder sb = new StringBuilder("doc " + d);
                for (IndexableField f : doc.getFields()) {
                    sb.append(" | ").append(f.name()).append('=').append(f.stringValue() != null ? f.stringValue() : f.numericValue());
                }
                out.add(sb.toString());
            }
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                out.add("leaf " + leaf.docBase + " " + r.maxDoc());
                for (FieldInfo fi : r.getFieldInfos()) {
                    out.add("field " + fi.name + " " + fi.getIndexOptions() + " norms=" + fi.hasNorms()
                            + " points=" + fi.getPointDimensionCount() + " dv=" + fi.getDocValuesType());
                    Terms terms = r.terms(fi.name);
                    if (terms != null) {
                        TermsEnum te = terms.iterator();
                        BytesRef term;
                        while ((term = te.next()) != null) {
                            StringBuilder sb = new StringBuilder(fi.name + ":" + term.utf8ToString() + " df=" + te.docFreq()
                                    + " ttf=" + te.totalTermFreq());
                            PostingsEnum p = te.postings(null, PostingsEnum.POSITIONS);
                            while (p.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                                sb.append(' ').append(leaf.docBase + p.docID()).append('x').append(p.freq()).append('@');
                                for (int i = 0; i < p.freq(); i++) {
                                    sb.append(p.nextPosition()).append(',');
                                }
                            }
                            out.add(sb.toString());
                        }
                    }
                    if (fi.hasNorms()) {
                        NumericDocValues norms = r.getNormValues(fi.name);
                        StringBuilder sb = new StringBuilder("norms " + fi.name);
                        while (norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                            sb.append(' ').append(norms.longValue());
                        }
                        out.add(sb.toString());
                    }
                }
            }
        }
        return out;
    }
}

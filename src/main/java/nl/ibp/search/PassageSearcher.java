package nl.ibp.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.analysis.Synonyms;
import nl.ibp.index.IndexException;
import nl.ibp.index.IndexFields;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.Manifest;
import nl.ibp.passage.ActorData;
import nl.ibp.passage.DataFileException;
import nl.ibp.passage.LetterParts;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Passage;
import nl.ibp.passage.PassageKind;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/** Finds passages for questions in one index generation. Thread-safe; close it when done. */
public final class PassageSearcher implements AutoCloseable {

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final QueryFactory queries;
    private final Manifest manifest;
    private final Spelling spelling;
    private final LetterParts letterParts;

    private PassageSearcher(Path generation, Ranking ranking) throws IOException {
        this.manifest = Manifest.read(generation)
                .orElseThrow(() -> new IndexException("indexgeneratie " + generation + " heeft geen manifest; draai 'ibp index --full'"));
        try { // the opgaven this generation was built with: questions name them as its passages do
            Opgaven.use(Opgaven.load(generation.resolve(IndexLayout.OPGAVEN)));
            ActorData.use(ActorData.load(generation.resolve(IndexLayout.ACTORS))); // the koepels its actor cues name
            this.letterParts = LetterParts.load(generation.resolve(IndexLayout.LETTER_PARTS));
        } catch (DataFileException e) {
            throw new IndexException(e.getMessage() + "; draai 'ibp index --full'");
        }
        Synonyms synonyms = Synonyms.load(generation.resolve(IndexLayout.SYNONYMS));
        this.queries = new QueryFactory(synonyms, CompoundDictionary.read(generation.resolve(IndexLayout.COMPOUNDS)), ranking);
        this.directory = FSDirectory.open(generation);
        try {
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            directory.close();
            // A file of the generation is missing or damaged: say how to repair, not which segment failed.
            throw new IndexException("de index in " + generation.getParent() + " is beschadigd (een bestand ontbreekt of is"
                    + " onleesbaar); draai 'ibp index' om hem te herstellen, of 'ibp check' om te zien wat er mis is", e);
        }
        this.searcher = new IndexSearcher(reader);
        this.spelling = new Spelling(reader, synonyms::names, DutchDictionary.shared(System.getenv()));
        this.searcher.setSimilarity(ranking.similarity());
    }

    /** Opens the generation the index directory serves now. */
    public static PassageSearcher open(IndexLayout layout, Ranking ranking) throws IOException {
        Path generation = layout.current().orElseThrow(() -> new IndexException(
                "geen index in " + layout.root() + "; draai eerst 'ibp index'"));
        return new PassageSearcher(generation, ranking);
    }

    public static PassageSearcher open(IndexLayout layout) throws IOException {
        return open(layout, Ranking.defaults());
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The best {@code k} passages for a question, best first; empty when nothing matches. */
    public List<Hit> search(String question, int k) throws IOException {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        TopDocs top = searcher.search(queries.build(question), k + Rerank.WINDOW);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            hits.add(toHit(stored.document(sd.doc), sd.score));
        }
        List<Hit> ranked = Rerank.apply(question, queries.terms(question), this::idfOrZero, hits, letterParts);
        return List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
    }

    /**
     * The best {@code k} passages for a question read in a conversation's context: the question's
     * own words count fully, those of the context (the turn it follows up) at {@code contextWeight},
     * so the context narrows the search without outvoting what is asked now.
     */
    public List<Hit> search(String question, String context, float contextWeight, int k) throws IOException {
        if (context.isBlank() || contextWeight <= 0) {
            return search(question, k);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Query query = new BooleanQuery.Builder()
                .add(queries.build(question), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(queries.build(context), contextWeight), BooleanClause.Occur.SHOULD)
                .build();
        TopDocs top = searcher.search(query, k);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            hits.add(toHit(stored.document(sd.doc), sd.score));
        }
        return hits;
    }

    /** The stemmed terms of a question with the parts of its compounds, by the dictionary this index was built with. */
    public List<String> partTerms(String question) {
        return queries.partTerms(question);
    }

    /** In how many passages a stemmed term (as {@link #questionTerms} gives them) occurs. */
    public int documentFrequency(String term) throws IOException {
        return reader.docFreq(new Term(IndexFields.BODY, term));
    }

    /** Whether any passage of the document holds the stemmed term (as {@link #questionTerms} gives them). */
    public boolean documentHas(String documentId, String term) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.DOCUMENT, documentId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.BODY, term)), BooleanClause.Occur.FILTER)
                .build();
        return searcher.count(q) > 0;
    }

    /** How rare a stemmed term is in this index: Lucene's BM25 idf, 0 for a term in every passage. */
    public double idf(String term) throws IOException {
        int n = Math.max(1, reader.numDocs());
        int df = documentFrequency(term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private double idfOrZero(String term) {
        try {
            return idf(term);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Why a passage scores what it does for a question, clause by clause (Lucene's explanation of
     * the query {@link #search} runs, before the re-ranking); empty when the index has no such passage.
     * For developers finding out why a passage wins or loses.
     */
    public Optional<String> explain(String question, String passageId) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, passageId)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(searcher.explain(queries.build(question), top.scoreDocs[0].doc).toString());
    }

    /** Spelling suggestions from the words of this index. */
    public Spelling spelling() {
        return spelling;
    }

    /** The passage with this id, if the index has it. */
    public Optional<Hit> byId(String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(toHit(searcher.storedFields().document(top.scoreDocs[0].doc), 0f));
    }

    /** The stemmed terms of a question with its domain synonyms, as the search uses them. */
    public List<String> questionTerms(String question) {
        return queries.expandedTerms(question);
    }

    /** All passages of an opgave, in document order. */
    public List<Hit> passagesOf(int opgave) throws IOException {
        TopDocs top = searcher.search(IntField.newExactQuery(IndexFields.OPGAVE, opgave), Math.max(1, reader.maxDoc()),
                new Sort(SortField.FIELD_DOC));
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            hits.add(toHit(stored.document(sd.doc), 0f));
        }
        return hits;
    }

    /** The passages of one kind (the signature blocks of every letter, say), in index order. */
    public List<Hit> passagesOfKind(PassageKind kind) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.KIND, kind.name())), Math.max(1, reader.maxDoc()),
                new Sort(SortField.FIELD_DOC));
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            hits.add(toHit(stored.document(sd.doc), 0f));
        }
        return hits;
    }

    /** Number of passages in the index. */
    public int size() {
        return reader.numDocs();
    }

    private static Hit toHit(Document doc, float score) {
        String section = doc.get(IndexFields.HEADING);
        List<String> path = section.isEmpty() ? List.of() : List.of(section.split(Passage.PATH_SEPARATOR));
        IndexableField opgave = doc.getField(IndexFields.OPGAVE);
        IndexableField page = doc.getField(IndexFields.PAGE);
        String kind = doc.get(IndexFields.KIND);
        Passage passage = new Passage(doc.get(IndexFields.ID), doc.get(IndexFields.DOCUMENT), path,
                opgave == null ? OptionalInt.empty() : OptionalInt.of(opgave.numericValue().intValue()),
                doc.get(IndexFields.BODY), doc.getField(IndexFields.ORDINAL).numericValue().intValue(),
                kind == null ? PassageKind.BODY : PassageKind.valueOf(kind),
                page == null ? OptionalInt.empty() : OptionalInt.of(page.numericValue().intValue()));
        String date = doc.get(IndexFields.DATE);
        DocumentInfo info = new DocumentInfo(doc.get(IndexFields.DOCUMENT), doc.get(IndexFields.TITLE),
                date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date)),
                doc.get(IndexFields.KENMERK), doc.get(IndexFields.TYPE));
        String sentences = doc.get(IndexFields.SENTENCE_TERMS);
        List<List<String>> sentenceTerms = sentences == null ? List.of()
                : sentences.lines().map(l -> l.isEmpty() ? List.<String>of() : List.of(l.split(" "))).toList();
        return new Hit(passage, info, score, sentenceTerms);
    }

    @Override
    public void close() throws IOException {
        try (directory; spelling) {
            reader.close();
        }
    }
}

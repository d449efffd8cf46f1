package nl.ibp.agreements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.Arrays;
import java.util.stream.Stream;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.index.Derivation;
import nl.ibp.index.AnalysedTokens;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Passage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.MMapDirectory;

/**
 * Gives a passage its opgave when its headings do not: first by the names it or its headings use
 * (an opgave's title or alias, see {@link Opgaven}), then by its content, learnt from the corpus.
 *
 * <p>Learning is a k-nearest-neighbour vote, as in Lucene's classification module: every passage
 * the corpus attributes to an opgave by heading or name (and each opgave's title and aliases) is a
 * document of a small in-memory Lucene index, analysed with the corpus' own compound dictionary
 * so that "inburgeringsexamens" meets "inburgering". A text is a BM25 query of its terms; its
 * {@link #K} nearest neighbours vote with their scores. A statement's opgave weighs its own votes,
 * its passage's and, since a letter is mostly about one thing, its document's (the votes of all
 * its passages). The best opgave wins when it holds a majority ({@link #MIN_SHARE}) of the votes; otherwise
 * the statement stays without opgave, which is right for text about the programme as a whole.
 * Deterministic; thread-safe once built; close it when done.
 */
final class OpgaveAssigner implements AutoCloseable {

    /** Neighbours that vote. */
    static final int K = 7;
    /** Weight of a statement's own votes. */
    static final double STATEMENT_WEIGHT = 1.0;
    /** Weight of the votes of the statement's passage. */
    static final double PASSAGE_WEIGHT = 0.5;
    /** Weight of the votes of the statement's document. */
    static final double DOCUMENT_WEIGHT = 0.5;
    /** Share of all votes (the statement's, its passage's and its document's) the winner must hold. */
    static final double MIN_SHARE = 0.5;
    /** Training passages per opgave at most (a deterministic sample beyond): profiles need no more. */
    static final int MAX_PER_OPGAVE = 1500;
    /** Longer passages are judged by their first terms; the query needs no more. */
    private static final int MAX_QUERY_TERMS = 300;
    static final String TEXT = "text";
    /** Training texts analysed at once. */
    private static final int BATCH = 256;

    /** Where the neighbours' index lies: a temporary folder removed on close, or a kept one ({@link #open}). */
    private final MMapDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    /** Opgave index (into {@link #opgaven}) of each training document. */
    private final int[] labelOf;
    private final List<Opgave> opgaven;

    private OpgaveAssigner(MMapDirectory directory, DirectoryReader reader, Analyzer analyzer, int[] labelOf,
                           List<Opgave> opgaven) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.analyzer = analyzer;
        this.labelOf = labelOf;
        this.opgaven = opgaven;
    }

    /** Builds the neighbours from the passages the corpus attributes to an opgave by heading or by name. */
    static OpgaveAssigner build(List<Derivation.CutDocument> documents) {
        return build(documents, CompoundDictionary.build(() -> documents.stream()
                .flatMap(c -> c.passages().stream()).map(Passage::text).iterator()));
    }

    /** As {@link #build(List)}, with the compound dictionary of all the documents' passages built already. */
    static OpgaveAssigner build(List<Derivation.CutDocument> documents, CompoundDictionary dictionary) {
        return build(training(documents), dictionary);
    }

    /**
     * What the neighbours are: each opgave's title and aliases, then a sample of the passages the
     * corpus attributes to it, in that order, with the opgave (index into {@link Opgaven#ALL}) of each.
     */
    record Training(List<String> texts, List<Integer> labels) {
        Training {
            texts = List.copyOf(texts);
            labels = List.copyOf(labels);
        }

        /**
         * The share of training texts (each with its label) that one set has and the other lacks, of
         * the larger set: 0 for the same set, 1 for sets with nothing in common.
         */
        double driftFrom(Training other) {
            Map<String, Integer> counts = new java.util.HashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                counts.merge(labels.get(i) + "\0" + texts.get(i), 1, Integer::sum);
            }
            for (int i = 0; i < other.texts.size(); i++) {
                counts.merge(other.labels.get(i) + "\0" + other.texts.get(i), -1, Integer::sum);
            }
            long differ = counts.values().stream().mapToLong(n -> Math.abs((long) n)).sum();
            return differ == 0 ? 0 : (double) differ / Math.max(texts.size(), other.texts.size());
        }

        /**
         * SHA-256 over all that the votes of a text depend on besides the text: the training texts
         * and their labels, the compound dictionary both are analysed with, and the settings.
         */
        String fingerprint(CompoundDictionary dictionary) {
            try {
                java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
                d.update(("K=" + K + " terms=" + MAX_QUERY_TERMS + " max=" + MAX_PER_OPGAVE + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (String w : dictionary.words()) {
                    d.update(w.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    d.update((byte) '\n');
                }
                for (int i = 0; i < texts.size(); i++) {
                    d.update((byte) 0);
                    d.update(Integer.toString(labels.get(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    d.update((byte) 0);
                    d.update(texts.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                return java.util.HexFormat.of().formatHex(d.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    /** The training texts of the documents: the passages attributed to an opgave by heading or by name. */
    static Training training(List<Derivation.CutDocument> documents) {
        return training(documents, OpgaveAssigner::byNames);
    }

    /** As {@link #training(List)}, with each passage's {@link #byNames} opgave from {@code names}. */
    static Training training(List<Derivation.CutDocument> documents, java.util.function.Function<Passage, OptionalInt> names) {
        List<Opgave> opgaven = List.copyOf(Opgaven.ALL);
        Map<Integer, Integer> slot = new LinkedHashMap<>();
        for (int i = 0; i < opgaven.size(); i++) {
            slot.put(opgaven.get(i).number(), i);
        }
        List<List<Passage>> labelled = new ArrayList<>();
        opgaven.forEach(o -> labelled.add(new ArrayList<>()));
        for (Derivation.CutDocument c : documents) {
            for (Passage p : c.passages()) {
                OptionalInt named = names.apply(p);
                Integer i = named.isPresent() ? slot.get(named.getAsInt()) : null;
                if (i != null) {
                    labelled.get(i).add(p);
                }
            }
        }
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < opgaven.size(); i++) {
            Opgave o = opgaven.get(i);
            texts.add(o.title() + ". " + String.join(", ", o.aliases()));
            labels.add(i);
            List<Passage> mine = labelled.get(i);
            if (mine.size() > MAX_PER_OPGAVE) { // a sample that does not depend on corpus order
                mine = mine.stream().sorted(java.util.Comparator.comparing(Passage::id)).limit(MAX_PER_OPGAVE).toList();
            }
            for (Passage p : mine) {
                texts.add(p.text());
                labels.add(i);
            }
        }
        return new Training(texts, labels);
    }

    /** The neighbours of a training set, analysed with the corpus' compound dictionary. */
    static OpgaveAssigner build(Training training, CompoundDictionary dictionary) {
        return build(training, dictionary, (analyzer, text) -> {
            try {
                return AnalysedTokens.of(analyzer, TEXT, text);
            } catch (IOException e) {
                throw new UncheckedIOException("analysing a string in memory cannot fail", e);
            }
        });
    }

    /** How a training text's tokens are had: analysed with the given analyzer, or as they were before. */
    @FunctionalInterface
    interface Tokens {
        AnalysedTokens of(Analyzer analyzer, String text);
    }

    /** As {@link #build(Training, CompoundDictionary)}, taking each training text's tokens from {@code tokens}. */
    static OpgaveAssigner build(Training training, CompoundDictionary dictionary, Tokens tokens) {
        List<Opgave> opgaven = List.copyOf(Opgaven.ALL);
        Analyzer analyzer = IbpAnalyzer.forIndexDecompounding(dictionary);
        List<String> texts = training.texts();
        Neighbours dir = Neighbours.create();
        try {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
                // Analysed on all cores a batch at a time, added in order: doc ids follow the labels.
                for (int from = 0; from < texts.size(); from += BATCH) {
                    List<AnalysedTokens> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).parallelStream()
                            .map(t -> tokens.of(analyzer, t)).toList();
                    for (AnalysedTokens analysed : batch) {
                        Document d = new Document();
                        d.add(new TextField(TEXT, analysed.stream()));
                        writer.addDocument(d);
                    }
                }
                writer.forceMerge(1); // one segment: doc ids stay in insertion order
            }
            return new OpgaveAssigner(dir, DirectoryReader.open(dir), analyzer,
                    training.labels().stream().mapToInt(Integer::intValue).toArray(), opgaven);
        } catch (IOException | RuntimeException e) {
            try {
                dir.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof IOException io
                    ? new UncheckedIOException("writing the opgave neighbours to " + dir.path + " failed", io)
                    : (RuntimeException) e;
        }
    }

    /**
     * The neighbours of a training set as an earlier run built them into {@code folder} (see
     * {@link #copyTo}); empty when the folder does not hold one document per training text.
     */
    static Optional<OpgaveAssigner> open(Path folder, Training training, CompoundDictionary dictionary) {
        try {
            MMapDirectory dir = new MMapDirectory(folder);
            try {
                DirectoryReader reader = DirectoryReader.open(dir);
                if (reader.maxDoc() != training.texts().size() || reader.leaves().size() != 1 || reader.hasDeletions()) {
                    reader.close();
                    dir.close();
                    return Optional.empty();
                }
                return Optional.of(new OpgaveAssigner(dir, reader, IbpAnalyzer.forIndexDecompounding(dictionary),
                        training.labels().stream().mapToInt(Integer::intValue).toArray(), List.copyOf(Opgaven.ALL)));
            } catch (IOException | RuntimeException e) {
                dir.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Copies the neighbours' index into an empty {@code folder}, for {@link #open} in a later run. */
    void copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String file : directory.listAll()) {
            Files.copy(directory.getDirectory().resolve(file), folder.resolve(file));
        }
    }

    /**
     * The opgave of a passage by names only: its own (from the heading that opens its opgave
     * chapter), else the one its nearest heading names ("1. Sociaal domein: …"), else the one
     * its text names often enough ({@link Opgaven#about}).
     */
    static OptionalInt byNames(Passage p) {
        if (p.opgave().isPresent()) {
            return p.opgave();
        }
        List<String> path = p.headingPath();
        for (int i = path.size() - 1; i >= 0; i--) {
            Optional<Opgave> o = Opgaven.mentionedIn(path.get(i));
            if (o.isPresent()) {
                return OptionalInt.of(o.get().number());
            }
        }
        return Opgaven.about(p.text()).map(o -> OptionalInt.of(o.number())).orElse(OptionalInt.empty());
    }

    /** The votes of a text's nearest neighbours per opgave (in {@link Opgaven#ALL} order), summing to 1 or all 0. */
    double[] votes(String text) {
        double[] votes = new double[opgaven.size()];
        Set<String> terms = new LinkedHashSet<>(AnalyzedTerms.of(analyzer, text));
        if (terms.isEmpty()) {
            return votes;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int n = 0;
        for (String t : terms) {
            if (n++ == MAX_QUERY_TERMS) {
                break;
            }
            q.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
        }
        try {
            double sum = 0;
            // Counting hits beyond the K best is not needed: the scorer may skip what cannot enter them (same K).
            for (ScoreDoc sd : searcher.search(q.build(), new TopScoreDocCollectorManager(K, null, K)).scoreDocs) {
                votes[labelOf[sd.doc]] += sd.score;
                sum += sd.score;
            }
            for (int i = 0; sum > 0 && i < votes.length; i++) {
                votes[i] /= sum;
            }
            return votes;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the opgave neighbours failed", e);
        }
    }

    /**
     * The opgave of a statement from its own votes, its passage's and its document's (the sum of
     * its passages' votes), when the winner holds enough of them all: a sentence about the
     * programme as a whole in a passage about one opgave stays without opgave.
     */
    OptionalInt decide(double[] statement, double[] passage, double[] document) {
        return decide(opgaven, statement, passage, document);
    }

    /** As {@link #decide(double[], double[], double[])}, for votes in the order of {@code opgaven}. */
    static OptionalInt decide(List<Opgave> opgaven, double[] statement, double[] passage, double[] document) {
        double[] combined = new double[passage.length];
        add(combined, statement, STATEMENT_WEIGHT);
        add(combined, passage, PASSAGE_WEIGHT);
        add(combined, document, DOCUMENT_WEIGHT);
        double total = Arrays.stream(combined).sum();
        int best = 0;
        for (int i = 1; i < combined.length; i++) {
            if (combined[i] > combined[best]) {
                best = i;
            }
        }
        return total > 0 && combined[best] / total >= MIN_SHARE ? OptionalInt.of(opgaven.get(best).number()) : OptionalInt.empty();
    }

    /** Adds {@code votes}, scaled to sum to {@code weight}, to {@code into}. */
    private static void add(double[] into, double[] votes, double weight) {
        double sum = Arrays.stream(votes).sum();
        for (int i = 0; sum > 0 && i < into.length; i++) {
            into[i] += weight * votes[i] / sum;
        }
    }

    /** Where the neighbours' index lies while this is open (for tests: it is gone after {@link #close}). */
    Path folder() {
        return directory.getDirectory();
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        }
    }

    /**
     * The neighbours' index: memory-mapped files in a temporary folder, removed on close. Each vote
     * reads the norms and postings of thousands of training texts; from a {@code ByteBuffersDirectory}
     * every byte went through a bounds-checked buffer read (a quarter of the votes' time in profiles),
     * from a mapped file it is one memory access, and the page cache holds the few megabytes anyway.
     * (A process killed while indexing leaves the folder to the system's cleaning of temporary files.)
     */
    private static final class Neighbours extends MMapDirectory {
        private final Path path;

        private Neighbours(Path path) throws IOException {
            super(path);
            this.path = path;
        }

        static Neighbours create() {
            try {
                return new Neighbours(Files.createTempDirectory("ibp-opgave-neighbours-"));
            } catch (IOException e) {
                throw new UncheckedIOException("no temporary folder for the opgave neighbours", e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            super.close();
            try (Stream<Path> files = Files.list(path)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(path);
        }
    }
}

package nl.ibp.agreements;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.config.Build;
import nl.ibp.index.Derivation;
import nl.ibp.index.Finding;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.passage.ActorData;
import nl.ibp.passage.DataFileException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.OptionalInt;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Passage;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the agreements tracker on every index run that changed something: extracts the
 * agreements of all documents (on all cores, reading again only passages whose text is new, see
 * {@link StatementCache}), with the actors of the corpus' {@code _actoren.txt} and opgaven from
 * headings or content ({@link OpgaveAssigner}), applies the curated overlay, and replaces the
 * derived rows.
 */
public final class Tracker implements Derivation {

    private static final Logger LOG = LoggerFactory.getLogger(Tracker.class);
    /** The content terms {@link Supersession} compares agreements by, kept beside the other caches. */
    static final String SUPERSESSION_TERMS_FILE = "supersession-terms-cache.bin.gz";

    private final Path corpus;
    private final Clock clock;
    private final List<String> notes = new ArrayList<>();

    public Tracker(Path corpus, Clock clock) {
        this.corpus = corpus;
        this.clock = clock;
        initialiseLucene();
    }

    /**
     * Lucene's IndexWriter and IndexWriterConfig initialise each other (through its TestSecrets);
     * initialised from two threads at once, as the index run's writer and this tracker's opgave
     * profiles would be, the two class initialisations deadlock. Initialised here, on the thread
     * that makes the tracker, before any run starts.
     */
    private static void initialiseLucene() {
        new IndexWriterConfig(); // initialises its merge scheduler, Lucene's TestSecrets and through it IndexWriter
        try {
            Class.forName(IndexWriter.class.getName(), true, IndexWriter.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Lucene is on the class path", e);
        }
    }

    /**
     * How the last rebuild read the passages: how many, how many of them came from the cache, and
     * how many texts' opgave votes came from the cache or were computed, how many training
     * texts of the opgave neighbours came analysed from the cache, and whether the neighbours were
     * those of an earlier run ({@link KeptNeighbours}).
     */
    public record Reading(int passages, int fromCache, int votesFromCache, int votesComputed, int trainingTokensFromCache,
                          boolean neighboursKept) {
    }

    private volatile Reading lastReading = new Reading(0, 0, 0, 0, 0, false);

    /** How the last rebuild read the passages. */
    public Reading lastReading() {
        return lastReading;
    }

    /** Problems with the overlay found by the last rebuild, each with its line. */
    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void rebuild(Run run) throws IOException {
        Path generation = run.generation();
        List<CutDocument> documents = run.documents();
        notes.clear();
        LocalDate today = LocalDate.now(clock);
        ActorData actors;
        try {
            actors = ActorData.load(corpus.resolve(ActorData.FILE));
            Elections.use(Elections.load(corpus.resolve(Elections.FILE)));
        } catch (DataFileException e) {
            throw new TrackerException(e.getMessage());
        }
        List<AgreementStore.DocumentRow> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CutDocument c : documents) {
            SourceDocument d = c.document();
            rows.add(new AgreementStore.DocumentRow(d.id(), d.title(), d.date(), d.kenmerk(), d.type()));
            ids.add(d.id());
        }
        // The statement cache is kept beside the generations (in the index directory), not in one.
        List<Agreement> extracted = extract(generation.toAbsolutePath().getParent(), documents, new ActorLexicon(actors),
                actors.fingerprint() + "\n" + Elections.current().fingerprint(), today, run.dictionary(), run.full());
        Overlay.Applied applied = Overlay.load(corpus.resolve(Overlay.FILE)).apply(extracted, ids, Overlay.FILE);
        notes.addAll(applied.problems());
        try (AgreementStore store = AgreementStore.create(generation.resolve(AgreementStore.GENERATION_FILE))) {
            RunCache<List<String>> terms = Supersession.termsCache(
                    generation.toAbsolutePath().getParent().resolve(SUPERSESSION_TERMS_FILE), Build.current().id());
            store.replaceDerived(rows, Supersession.mark(applied.agreements(), terms::get));
            terms.save();
            for (Overlay.Status s : applied.statuses()) {
                store.setStatus(s.id(), s.status(), s.reason(), clock.instant());
            }
        } catch (SQLException e) {
            throw new IOException("writing the agreements database in " + generation + ": " + e.getMessage(), e);
        }
    }

    /** One passage to read, with the date its relative dates resolve against. */
    private record Task(SourceDocument document, Passage passage, LocalDate date) {
    }

    /**
     * What reading a passage gave: its statements, the opgave its names give, and, when it has
     * statements but no named opgave, its neighbours' votes.
     */
    private record Read(Task task, List<AgreementExtractor.Statement> statements, OptionalInt named, double[] votes,
                        List<double[]> statementVotes) {
    }

    /**
     * Reads every passage, on all cores: statements come from the cache when the passage's text
     * was read before; a passage with statements gets its opgave from its headings or names, else
     * from its content and its document's ({@link OpgaveAssigner}). Then, per document in order, a
     * lead-in repeated in several passages counts once.
     */
    private List<Agreement> extract(Path indexDir, List<CutDocument> documents, ActorLexicon lexicon,
                                    String lexiconFingerprint, LocalDate today, CompoundDictionary dictionary,
                                    boolean full) throws IOException {
        Instant start = clock.instant();
        StatementCache cache = StatementCache.open(indexDir.resolve(StatementCache.FILE),
                Build.current().id() + "\n" + lexiconFingerprint);
        List<Task> tasks = new ArrayList<>();
        for (CutDocument c : documents) {
            LocalDate date = c.document().date().orElse(today);
            // Boilerplate (letter headers, signatures) is never an agreement.
            c.passages().stream().filter(p -> !p.isBoilerplate()).forEach(p -> tasks.add(new Task(c.document(), p, date)));
        }
        List<Agreement> out = new ArrayList<>();
        // Each passage's opgave by its names, once: the training set and the reading below both need it.
        Map<Passage, OptionalInt> names = onAllCores(() -> documents.parallelStream().flatMap(c -> c.passages().stream())
                .collect(java.util.stream.Collectors.toConcurrentMap(p -> p, OpgaveAssigner::byNames, (a, b) -> a)));
        // The neighbours of an earlier run while the corpus' training set has barely changed (see KeptNeighbours).
        Path keptDir = indexDir.resolve(KeptNeighbours.DIR);
        KeptNeighbours.Choice neighbours = KeptNeighbours.choose(keptDir, Build.current().id(),
                OpgaveAssigner.training(documents, names::get), dictionary, full);
        OpgaveAssigner.Training training = neighbours.training();
        CompoundDictionary words = neighbours.dictionary();
        VoteCache voteCache = VoteCache.open(indexDir.resolve(VoteCache.FILE),
                Build.current().id() + "\n" + training.fingerprint(words));
        // First the statements and names; then the votes of the passages that need them, from the
        // cache when the neighbours are the ones of an earlier run (then they need not be built).
        List<Read> named = onAllCores(() -> tasks.parallelStream().map(t -> {
            List<AgreementExtractor.Statement> statements = cache.statements(lexicon, t.passage().text(), t.date());
            return new Read(t, statements, names.get(t.passage()), null, List.of());
        }).toList());
        boolean ask = named.stream().filter(Tracker::learns).anyMatch(r -> !voteCache.knows(r.task().passage().text())
                || r.statements().stream().anyMatch(st -> !voteCache.knows(st.text())));
        List<Opgave> catalogue = List.copyOf(Opgaven.ALL);
        // The training texts' tokens depend on the build and the dictionary only: kept for the next run.
        TokenCache tokenCache = TokenCache.open(indexDir.resolve(TokenCache.FILE),
                Build.current().id() + "\n" + String.join("\n", words.words()));
        // Kept neighbours come as they were built; others are built from the training texts' (cached) tokens.
        Optional<OpgaveAssigner> opened = ask ? neighbours.index().flatMap(dir -> OpgaveAssigner.open(dir, training, words))
                : Optional.empty();
        try (OpgaveAssigner opgaven = !ask ? null : opened.orElseGet(() -> OpgaveAssigner.build(training, words,
                (analyzer, text) -> tokenCache.tokens(analyzer, OpgaveAssigner.TEXT, text)))) {
            java.util.function.Function<String, double[]> vote = text -> opgaven.votes(text);
            List<Read> read = onAllCores(() -> named.parallelStream().map(r -> {
                if (!learns(r)) {
                    return r;
                }
                double[] votes = voteCache.votes(r.task().passage().text(), vote);
                List<double[]> each = r.statements().stream().map(st -> voteCache.votes(st.text(), vote)).toList();
                return new Read(r.task(), r.statements(), r.named(), votes, each);
            }).toList());
            Map<SourceDocument, double[]> byDocument = new IdentityHashMap<>();
            int slots = Opgaven.ALL.size();
            for (Read r : read) { // the document's prior: its passages' named opgaven and votes
                double[] sum = byDocument.computeIfAbsent(r.task().document(), d -> new double[slots]);
                if (r.named().isPresent()) {
                    int i = slot(r.named().getAsInt());
                    if (i >= 0) {
                        sum[i] += 1;
                    }
                } else if (r.votes() != null) {
                    for (int i = 0; i < slots; i++) {
                        sum[i] += r.votes()[i];
                    }
                }
            }
            SourceDocument current = null;
            Set<String> seen = new HashSet<>();
            for (Read r : read) {
                if (r.statements().isEmpty()) {
                    continue;
                }
                Task t = r.task();
                if (t.document() != current) {
                    current = t.document();
                    seen.clear();
                }
                List<Agreement> agreements = new ArrayList<>();
                for (int k = 0; k < r.statements().size(); k++) {
                    AgreementExtractor.Statement st = r.statements().get(k);
                    OptionalInt opgave = r.named().isPresent() ? r.named()
                            : OpgaveAssigner.decide(catalogue, r.statementVotes().get(k), r.votes(), byDocument.get(t.document()));
                    agreements.addAll(AgreementExtractor.agreements(t.document(), t.passage(), opgave, List.of(st)));
                }
                for (Agreement a : agreements) {
                    if (seen.add(a.text())) { // a list's lead-in repeats in each of its passages: once is enough
                        out.add(a);
                    }
                }
            }
            KeptNeighbours.save(keptDir, Build.current().id(), neighbours,
                    opened.isPresent() ? Optional.empty() : Optional.ofNullable(opgaven));
        }
        cache.save();
        voteCache.save();
        tokenCache.save();
        lastReading = new Reading(tasks.size(), cache.hits(), voteCache.hits(), voteCache.misses(), tokenCache.hits(),
                neighbours.kept());
        LOG.info("read {} passages ({} from the agreements cache) into {} agreements in {} ms; opgave votes of {} texts"
                        + " from the cache, {} asked of the neighbours (needed: {}, {} training texts analysed before; {})", tasks.size(),
                cache.hits(), out.size(), Duration.between(start, clock.instant()).toMillis(), voteCache.hits(), voteCache.misses(),
                ask, tokenCache.hits(), neighbours.kept()
                        ? String.format(java.util.Locale.ROOT, "neighbours of an earlier run kept%s, training set %.1f %% different",
                                opened.isPresent() ? " with their index" : "", 100 * neighbours.drift())
                        : "neighbours of this corpus");
        return out;
    }

    /** Whether a passage's opgave is learnt from its content: it has statements but its names give no opgave. */
    private static boolean learns(Read r) {
        return !r.statements().isEmpty() && r.named().isEmpty();
    }

    private static int slot(int opgave) {
        for (int i = 0; i < Opgaven.ALL.size(); i++) {
            if (Opgaven.ALL.get(i).number() == opgave) {
                return i;
            }
        }
        return -1;
    }

    /** Runs a parallel stream's work on a pool as wide as the machine (not the shared common pool). */
    private static <T> T onAllCores(java.util.concurrent.Callable<T> work) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading agreements", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public Optional<Finding> check(Path generation) {
        return AgreementStore.check(generation).map(problem -> new Finding("afspraken", problem));
    }
}

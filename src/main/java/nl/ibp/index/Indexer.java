package nl.ibp.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.config.Build;
import nl.ibp.ingest.CorpusFiles;
import nl.ibp.ingest.Extraction;
import nl.ibp.ingest.ExtractionLimits;
import nl.ibp.ingest.Extractor;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.passage.ActorData;
import nl.ibp.passage.Cue;
import nl.ibp.passage.DataFileException;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Passage;
import nl.ibp.passage.PassageCutter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the corpus directory into a new index generation.
 *
 * <p>Incremental by fingerprint (the SHA-256 of a file and its sidecar): new and changed files
 * are extracted with Tika, unchanged ones come from the document cache, removed ones drop out.
 * When nothing changed the served generation stays as it is. Otherwise all passages are
 * written into a fresh generation directory, which is published only once it is complete:
 * a failure at any point leaves the previous generation serving. Skipped files are counted and
 * reported with their reason, never dropped silently (as in Anserini's indexer).
 */
public final class Indexer implements AutoCloseable {

    /**
     * Bump when a change to extraction makes cached documents stale. Generations are rebuilt
     * (from the cache) whenever the build differs, so cutting and analysis changes need no bump.
     */
    public static final int FORMAT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    /** The domain synonyms maintainers edit, applied to questions; copied into each generation. */
    public static final String SYNONYMS_FILE = "_synoniemen.txt";
    /** The actors the tracker recognises (read by the agreements tracker); copied into each generation. */

    /** Receives progress while files are extracted; the CLI draws a bar with it. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, file) -> { };

        void update(int done, int total, String file);
    }

    private final Path corpus;
    private final IndexLayout layout;
    private final ExtractionLimits limits;
    /** Made on first use: Tika's start-up is the costliest part of a run in which nothing changed. */
    private Extractor extractor;
    private final PassageCutter cutter;
    private final Progress progress;
    private final Clock clock;
    private final List<Derivation> derivations;
    /** Threads that read, cut and analyse at once. */
    private final int threads;
    /** Files given to Tika by this indexer (not served from the document cache), for tests and logs. */
    private final java.util.concurrent.atomic.AtomicInteger extractions = new java.util.concurrent.atomic.AtomicInteger();
    /** Passages this indexer copied from a previous generation instead of analysing them, for tests and logs. */
    private final java.util.concurrent.atomic.AtomicInteger copied = new java.util.concurrent.atomic.AtomicInteger();

    /** One thread per core ({@code -Dibp.index.threads=N} to choose). */
    static final int DEFAULT_THREADS = Math.max(1, Integer.getInteger("ibp.index.threads",
            Runtime.getRuntime().availableProcessors()));
    /** From this many files to give to Tika on, they are parsed in more than one worker process. */
    private static final int MANY_FILES = 64;
    /** Files the current run may give to Tika (new, changed, or all on a full run). */
    private volatile int toExtract;
    /** Passages analysed ahead of the one being written: bounds the memory the pipeline holds. */
    private static final int WINDOW = 256;

    public Indexer(Path corpus, IndexLayout layout, Progress progress, Clock clock) {
        this(corpus, layout, progress, clock, List.of());
    }

    public Indexer(Path corpus, IndexLayout layout, Progress progress, Clock clock, List<Derivation> derivations) {
        this(corpus, layout, progress, clock, derivations, ExtractionLimits.defaults());
    }

    public Indexer(Path corpus, IndexLayout layout, Progress progress, Clock clock, List<Derivation> derivations,
                   ExtractionLimits limits) {
        this(corpus, layout, progress, clock, derivations, limits, DEFAULT_THREADS);
    }

    /**
     * @param threads how many files are read and cut, and how many passages analysed, at once; 1
     *                does everything on the thread of the run (the index is the same either way)
     */
    Indexer(Path corpus, IndexLayout layout, Progress progress, Clock clock, List<Derivation> derivations,
            ExtractionLimits limits, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.corpus = corpus.toAbsolutePath().normalize();
        this.layout = layout;
        this.limits = limits;
        this.cutter = new PassageCutter(PassageCutter.Settings.defaults());
        this.progress = progress;
        this.clock = clock;
        this.derivations = List.copyOf(derivations);
    }

    /**
     * Brings the index up to date with the corpus.
     *
     * @param full re-extract every file and rebuild, ignoring the cache
     * @throws IndexException when the corpus cannot be read or the index not written; the
     *                        previous generation is then still the one served
     */
    @SuppressWarnings("try") // the lock is held by the try block, not used in it
    public IndexReport run(boolean full) throws IOException {
        Instant start = clock.instant();
        if (!Files.isDirectory(corpus)) {
            throw new IndexException("de corpusmap " + corpus + " bestaat niet");
        }
        FileChannel channel;
        try {
            Files.createDirectories(layout.root());
            channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (AccessDeniedException | ReadOnlyFileSystemException e) {
            throw readOnly();
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("read-only")) {
                throw readOnly();
            }
            throw e;
        }
        try (channel; FileLock lock = tryLock(channel)) {
            return runLocked(full, start);
        }
    }

    private IndexException readOnly() {
        return new IndexException("de indexmap " + layout.root() + " is alleen-lezen: de index kan niet worden bijgewerkt"
                + " (vragen, afspraken en deadlines werken wel met de index zoals hij is)");
    }

    /** The index directory's lock, or an IndexException when another run (process or thread) holds it. */
    private FileLock tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // held by another thread of this process, e.g. a re-index the bot started
        }
        throw new IndexBusyException("er loopt al een indexering in " + layout.root());
    }

    private IndexReport runLocked(boolean full, Instant start) throws IOException {
        for (Path leftover : layout.leftovers()) {
            LOG.info("removing {}, left by a run that did not finish", leftover.getFileName());
            deleteTree(leftover);
        }
        GenerationCheck.Health health = GenerationCheck.check(layout, derivations);
        health.findings().forEach(f -> LOG.warn("index check: {}", f));
        Optional<Path> served = health.served();
        Optional<Manifest> previous = served.isPresent() ? Manifest.read(served.get()) : Optional.empty();
        Map<String, Manifest.FileEntry> before = previous.map(Manifest::byId).orElse(Map.of());
        String config = fingerprintConfig();
        Synonyms.load(corpus.resolve(SYNONYMS_FILE)); // validate before any work: a bad line fails the run
        try { // the opgaven the passages are cut by; a bad line fails the run before any work
            Opgaven.use(Opgaven.load(corpus.resolve(Opgaven.FILE)));
            nl.ibp.passage.SectionNames.use(nl.ibp.passage.SectionNames.load(corpus.resolve(nl.ibp.passage.SectionNames.FILE)));
            nl.ibp.passage.LetterParts.use(nl.ibp.passage.LetterParts.load(corpus.resolve(nl.ibp.passage.LetterParts.FILE)));
            ActorData.use(ActorData.load(corpus.resolve(ActorData.FILE))); // the koepels of the actor cue
        } catch (DataFileException e) {
            throw new IndexException(e.getMessage());
        }

        CorpusFiles.Listing listing = CorpusFiles.scan(corpus);
        List<Path> files = listing.files();
        List<IndexReport.Skip> unlisted = listing.unlisted().stream().map(u -> new IndexReport.Skip(u.id(), u.reason())).toList();
        String salt = Extractor.fingerprintSalt(corpus);
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (Path file : files) {
            fingerprints.put(CorpusFiles.id(corpus, file), fingerprint(file, salt));
        }
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (var e : fingerprints.entrySet()) {
            Manifest.FileEntry old = before.get(e.getKey());
            (old == null ? added : old.fingerprint().equals(e.getValue()) ? unchanged : updated).add(e.getKey());
        }
        List<String> removed = before.keySet().stream().filter(id -> !fingerprints.containsKey(id)).sorted().toList();

        boolean changed = full || previous.isEmpty() || previous.get().format() != FORMAT
                || !Build.current().id().equals(previous.get().build()) || !config.equals(previous.get().config())
                || !health.sound() || !added.isEmpty() || !updated.isEmpty() || !removed.isEmpty();
        if (!changed) {
            Manifest kept = previous.get();
            List<IndexReport.Skip> skipped = Stream.concat(kept.files().stream().filter(f -> !f.indexed())
                    .map(f -> new IndexReport.Skip(f.id(), f.reason())), unlisted.stream()).toList();
            return new IndexReport(List.of(), List.of(), without(unchanged, skipped), List.of(), skipped,
                    (int) kept.files().stream().filter(Manifest.FileEntry::indexed).count(), kept.passages(), false,
                    Duration.between(start, clock.instant()));
        }

        DocumentCache cache = new DocumentCache(layout.cache());
        Extractions extracted;
        int extractedBefore = extractions.get();
        toExtract = full ? files.size() : added.size() + updated.size();
        try {
            // Passages cut by this build with these configuration files can be taken as they were cut.
            extracted = extractAll(files, fingerprints, before, full, cache, Build.current().id() + "\n" + config);
        } catch (IOException | RuntimeException e) {
            if (DiskSpace.isFull(e)) {
                throw DiskSpace.full(layout.root(), served, 0, e);
            }
            throw e;
        }
        LOG.info("extracted and cut {} files ({} read by Tika, the others from the document cache) in {} ms", files.size(),
                extractions.get() - extractedBefore, Duration.between(start, clock.instant()).toMillis());
        List<Derivation.CutDocument> cut = extracted.documents();
        List<SourceDocument> documents = cut.stream().map(Derivation.CutDocument::document).toList();
        List<IndexReport.Skip> skipped = Stream.concat(extracted.skipped().stream(), unlisted.stream()).toList();
        List<Manifest.FileEntry> entries = extracted.entries();

        long number = layout.nextNumber();
        Path generation = layout.generation(number);
        Path tmp = IndexLayout.temporary(generation);
        int passages;
        try {
            Files.createDirectories(tmp);
            // Same build, same configuration files: the served generation's passages of unchanged files are good to copy.
            Optional<Reusable> reusable = !full && health.sound() && previous.isPresent() && previous.get().format() == FORMAT
                    && Build.current().id().equals(previous.get().build()) && config.equals(previous.get().config())
                    ? served.map(g -> new Reusable(g, Set.copyOf(unchanged))) : Optional.empty();
            passages = writeWithDerivations(tmp, cut, reusable, full);
            new Manifest(FORMAT, Build.current().id(), number, config, clock.instant().toString(), entries, passages)
                    .write(tmp);
            syncTree(tmp);
            Files.move(tmp, generation, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            long written = DiskSpace.size(tmp);
            deleteQuietly(tmp, e);
            deleteQuietly(generation, e);
            if (DiskSpace.isFull(e)) {
                throw DiskSpace.full(layout.root(), served, written, e);
            }
            throw e;
        }
        // Passages and everything derived from the same corpus become visible in this one rename.
        layout.publish(generation);
        removeOldGenerations(generation, served);
        cache.retainOnly(new HashSet<>(fingerprints.values()));
        Set<String> fresh = new HashSet<>(added);
        fresh.addAll(updated);
        List<IndexReport.Found> found = documents.stream().filter(d -> fresh.contains(d.id()))
                .map(d -> new IndexReport.Found(d.id(), d.title(), d.details().titleSource(),
                        d.date().map(LocalDate::toString).orElse(""), d.details().dateSource(), d.type(), d.kenmerk(),
                        d.details().kamerstuk(), d.details().sender()))
                .toList();
        found.forEach(f -> LOG.info("found {}", f.describe()));
        return new IndexReport(without(added, skipped), without(updated, skipped), without(unchanged, skipped), removed,
                skipped, documents.size(), passages, true, Duration.between(start, clock.instant()), found, health.findings(),
                derivations.stream().flatMap(d -> d.notes().stream()).toList());
    }

    private static void deleteQuietly(Path dir, Throwable failure) {
        try {
            deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Flushes every file of a finished generation, and the directory, to disk before it is published. */
    private static void syncTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                IOUtils.fsync(f, false);
            }
        }
        IOUtils.fsync(dir, true);
    }

    /** What extraction gave: the documents cut into passages, the skipped files, and the manifest entry of every file. */
    private record Extractions(List<Derivation.CutDocument> documents, List<IndexReport.Skip> skipped,
                               List<Manifest.FileEntry> entries) {
    }

    /** What one file gave: its manifest entry, and its passages or the reason it was skipped. */
    private record FileResult(Manifest.FileEntry entry, Optional<Derivation.CutDocument> document,
                              Optional<IndexReport.Skip> skip) {
    }

    /**
     * Extracts the new and changed files with Tika and takes the unchanged ones from the cache;
     * an unchanged file that was skipped before is skipped again without another try. Each
     * document is cut into passages as soon as it is read. Files are read on {@link #threads}
     * threads at once (Tika's in as many worker processes); the results keep the order of the files.
     */
    private Extractions extractAll(List<Path> files, Map<String, String> fingerprints,
                                   Map<String, Manifest.FileEntry> before, boolean full, DocumentCache cache, String cutKey)
            throws IOException {
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<FileResult> results = inParallel(files, file -> {
            String id = CorpusFiles.id(corpus, file);
            synchronized (progress) {
                progress.update(done.getAndIncrement(), files.size(), id);
            }
            return extractOne(file, id, fingerprints.get(id), before.get(id), full, cache, cutKey);
        });
        progress.update(files.size(), files.size(), "");
        List<Derivation.CutDocument> documents = new ArrayList<>();
        List<IndexReport.Skip> skipped = new ArrayList<>();
        List<Manifest.FileEntry> entries = new ArrayList<>();
        for (FileResult r : results) {
            entries.add(r.entry());
            r.document().ifPresent(documents::add);
            r.skip().ifPresent(skipped::add);
        }
        return new Extractions(documents, skipped, entries);
    }

    private FileResult extractOne(Path file, String id, String fingerprint, Manifest.FileEntry old, boolean full,
                                  DocumentCache cache, String cutKey) throws IOException {
        boolean same = !full && old != null && old.fingerprint().equals(fingerprint);
        if (same && !old.indexed()) {
            return new FileResult(old, Optional.empty(), Optional.of(new IndexReport.Skip(id, old.reason())));
        }
        // The cache is keyed by fingerprint, so it serves a file whatever the manifest says (say, after a repair).
        // Passages carry their file's id: the same bytes under another name are cut again.
        Optional<Derivation.CutDocument> cutBefore = full ? Optional.empty() : cache.passages(fingerprint, cutKey + "\n" + id);
        if (cutBefore.isPresent()) {
            SourceDocument d = cutBefore.get().document();
            return new FileResult(new Manifest.FileEntry(id, fingerprint, d.title(), d.date().map(LocalDate::toString).orElse(""), ""),
                    cutBefore, Optional.empty());
        }
        // The same bytes under two names share a fingerprint: an entry made for the other name is not this file.
        Optional<SourceDocument> cached = full ? Optional.empty() : cache.get(fingerprint).filter(d -> d.id().equals(id));
        Extraction extraction;
        if (cached.isPresent()) {
            extraction = new Extraction.Extracted(cached.get());
        } else {
            extraction = extractor().extract(corpus, file);
            extractions.incrementAndGet();
        }
        return switch (extraction) {
            case Extraction.Extracted x -> {
                SourceDocument d = x.document();
                if (cached.isEmpty()) {
                    cache.put(fingerprint, d);
                }
                List<Passage> passages = cutter.cut(d);
                // The text lives on in the passages: the run holds it once, not also as the document's blocks.
                SourceDocument metadata = new SourceDocument(d.id(), d.contentHash(), d.mediaType(), d.title(), d.date(),
                        d.kenmerk(), d.type(), List.of(), d.details());
                Derivation.CutDocument document = new Derivation.CutDocument(metadata, passages);
                cache.putPassages(fingerprint, cutKey + "\n" + id, document);
                yield new FileResult(new Manifest.FileEntry(id, fingerprint, d.title(),
                        d.date().map(LocalDate::toString).orElse(""), ""), Optional.of(document), Optional.empty());
            }
            case Extraction.Skipped sk -> new FileResult(new Manifest.FileEntry(id, fingerprint, "", "", sk.reason()),
                    Optional.empty(), Optional.of(new IndexReport.Skip(id, sk.reason())));
        };
    }

    /** One step of {@link #inParallel}. */
    @FunctionalInterface
    private interface Step<T, R> {
        R apply(T item) throws IOException;
    }

    /**
     * Applies {@code step} to every item on {@link #threads} threads; the results are in the order of
     * the items. The first failure is thrown once all steps have ended.
     */
    private <T, R> List<R> inParallel(List<T> items, Step<T, R> step) throws IOException {
        if (threads <= 1 || items.size() <= 1) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(step.apply(item));
            }
            return out;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), named("ibp-extract"))) {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> step.apply(item)));
            }
            List<R> out = new ArrayList<>(items.size());
            Throwable failure = null;
            for (Future<R> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                        futures.forEach(other -> other.cancel(false)); // the steps not yet started need not run
                    }
                } catch (java.util.concurrent.CancellationException e) {
                    // cancelled after an earlier failure
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading the corpus", e);
                }
            }
            if (failure != null) {
                switch (failure) {
                    case IOException io -> throw io;
                    case RuntimeException re -> throw re;
                    case Error err -> throw err;
                    default -> throw new IOException(failure);
                }
            }
            return out;
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static List<String> without(List<String> ids, List<IndexReport.Skip> skipped) {
        Set<String> skippedIds = new HashSet<>();
        skipped.forEach(s -> skippedIds.add(s.id()));
        return ids.stream().filter(id -> !skippedIds.contains(id)).toList();
    }

    /**
     * Writes the Lucene generation while the derivations (the agreements tracker) rebuild on a
     * second thread: the two are independent, and a machine with two cores does both at once.
     * Both finish before anything is published; the first failure is thrown.
     */
    private int writeWithDerivations(Path generation, List<Derivation.CutDocument> cut, Optional<Reusable> reusable,
                                     boolean full) throws IOException {
        Instant built = clock.instant();
        // The compound dictionary is the vocabulary of this very corpus, so index and queries split alike.
        List<String> texts = cut.stream().flatMap(c -> c.passages().stream()).map(Passage::text).toList();
        CompoundDictionary dictionary = threads > 1 ? CompoundDictionary.buildInParallel(texts) : CompoundDictionary.build(texts);
        LOG.info("built the compound dictionary ({} words) in {} ms", dictionary.words().size(),
                Duration.between(built, clock.instant()).toMillis());
        try (ExecutorService second = Executors.newSingleThreadExecutor()) {
            Future<?> derived = second.submit(() -> {
                for (Derivation derivation : derivations) {
                    Instant start = clock.instant();
                    derivation.rebuild(new Derivation.Run(generation, cut, dictionary, full));
                    LOG.info("rebuilt {} in {} ms", derivation.getClass().getSimpleName(),
                            Duration.between(start, clock.instant()).toMillis());
                }
                return null;
            });
            Instant start = clock.instant();
            int passages;
            try {
                passages = writeGeneration(generation, cut, dictionary, reusable);
            } finally {
                awaitQuietly(derived);
            }
            LOG.info("wrote {} passages to Lucene in {} ms", passages, Duration.between(start, clock.instant()).toMillis());
            try {
                derived.get();
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case RuntimeException re -> throw re;
                    case Error err -> throw err;
                    default -> throw new IOException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while rebuilding derived state", e);
            }
            return passages;
        }
    }

    /** Waits for a task without letting its failure replace the one being thrown. */
    private static void awaitQuietly(Future<?> task) {
        try {
            task.get();
        } catch (ExecutionException e) {
            // reported by the caller when the Lucene write succeeded
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the passages into the directory of a generation being built; returns the number of
     * passages. With a previous generation of the same build, configuration and compound
     * dictionary, the passages of unchanged files are copied from it ({@link #writeReusing}).
     */
    private int writeGeneration(Path tmp, List<Derivation.CutDocument> cut, CompoundDictionary dictionary,
                                Optional<Reusable> reusable) throws IOException {
        dictionary.write(tmp.resolve(IndexLayout.COMPOUNDS));
        Path synonyms = corpus.resolve(SYNONYMS_FILE);
        if (Files.isRegularFile(synonyms)) {
            Files.copy(synonyms, tmp.resolve(IndexLayout.SYNONYMS));
        }
        for (String[] data : new String[][] {{Opgaven.FILE, IndexLayout.OPGAVEN}, {ActorData.FILE, IndexLayout.ACTORS},
                {"_briefopmaak.txt", IndexLayout.LETTER_PARTS}}) {
            Path file = corpus.resolve(data[0]);
            if (Files.isRegularFile(file)) {
                Files.copy(file, tmp.resolve(data[1]));
            }
        }
        Analyzer analyzer = indexAnalyzer(dictionary);
        try {
            if (reusable.isPresent()) {
                Optional<PreviousPassages> previous = PreviousPassages.open(reusable.get().generation(), dictionary);
                if (previous.isEmpty()) {
                    LOG.info("the previous generation cannot be read: every passage is analysed again");
                }
                if (previous.isPresent()) {
                    try (PreviousPassages p = previous.get()) {
                        LOG.info("the compound dictionary changed by {} words since the previous generation",
                                p.changedWords().size());
                        OptionalInt written = writeReusing(tmp, cut, analyzer, p, reusable.get().unchanged());
                        if (written.isPresent()) {
                            return written.getAsInt();
                        }
                    }
                }
            }
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            try (FSDirectory dir = FSDirectory.open(tmp); IndexWriter writer = new IndexWriter(dir, config)) {
                int count = addPassages(writer, cut, analyzer);
                writer.commit();
                return count;
            }
        } finally {
            analyzer.close();
        }
    }

    /** The generation served before, and the files whose bytes have not changed since (its passages may be copied). */
    private record Reusable(Path generation, Set<String> unchanged) {
    }

    /** Above this many blocks to copy (files changed here and there), one plain write is simpler than stitching. */
    private static final int MAX_PIECES = 64;

    /**
     * Writes the generation from the previous one's documents for the unchanged files and newly
     * analysed ones for the others, in corpus order (the order a full write adds them in): the
     * new files' passages are analysed into a segment in memory, then every block is added with one
     * {@code addIndexes}, which merges them, in the order given, into one segment. Term statistics
     * and norms are those of the documents present (a copied document is the same bytes), so a
     * search gives what it gives on a full write. Empty when most passages are new anyway or the
     * changes are scattered into too many blocks: then the caller writes everything.
     */
    private OptionalInt writeReusing(Path tmp, List<Derivation.CutDocument> cut, Analyzer analyzer,
                                     PreviousPassages previous, Set<String> unchanged) throws IOException {
        Instant start = clock.instant();
        // Per file: its block of the previous generation, if it can be copied (on all cores: checking
        // a file against a changed dictionary reads its words).
        List<Optional<List<PreviousPassages.Slice>>> found = inParallel(cut, c -> {
            if (!unchanged.contains(c.document().id())) {
                return Optional.empty();
            }
            List<Passage> searchable = c.passages().stream().filter(p -> p.kind().searchable()).toList();
            for (Passage p : searchable) {
                if (previous.touched(p)) {
                    return Optional.empty();
                }
            }
            return previous.find(c.document().id(), searchable.stream().map(Passage::id).toList());
        });
        List<Derivation.CutDocument> fresh = new ArrayList<>();
        List<PreviousPassages.Slice> plan = new ArrayList<>(); // in corpus order; a null segment means "analysed now"
        int total = 0;
        int freshPassages = 0;
        for (int i = 0; i < cut.size(); i++) {
            Derivation.CutDocument c = cut.get(i);
            int n = (int) c.passages().stream().filter(p -> p.kind().searchable()).count();
            total += n;
            if (found.get(i).isPresent()) {
                plan.addAll(found.get(i).get());
            } else {
                plan.add(new PreviousPassages.Slice(null, freshPassages, freshPassages + n));
                freshPassages += n;
                if (n > 0) {
                    fresh.add(c);
                }
            }
        }
        List<PreviousPassages.Slice> pieces = coalesce(plan);
        if (freshPassages * 2 > total || pieces.size() > MAX_PIECES) {
            LOG.info("{} of {} passages new or changed, in {} blocks: every passage is analysed again", freshPassages, total,
                    pieces.size());
            return OptionalInt.empty();
        }
        try (ByteBuffersDirectory memory = new ByteBuffersDirectory()) {
            CodecReader freshSegment = null;
            DirectoryReader freshReader = null;
            try {
                if (!fresh.isEmpty()) {
                    try (IndexWriter writer = new IndexWriter(memory, new IndexWriterConfig(analyzer)
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
                        addPassages(writer, fresh, analyzer);
                        writer.forceMerge(1); // one segment, documents in the order added
                        writer.commit();
                    }
                    freshReader = DirectoryReader.open(memory);
                    freshSegment = (CodecReader) freshReader.leaves().getFirst().reader();
                }
                List<CodecReader> views = new ArrayList<>();
                for (PreviousPassages.Slice piece : pieces) {
                    views.add(PreviousPassages.view(piece.segment() == null
                            ? new PreviousPassages.Slice(freshSegment, piece.from(), piece.to()) : piece));
                }
                IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
                try (FSDirectory dir = FSDirectory.open(tmp); IndexWriter writer = new IndexWriter(dir, config)) {
                    if (!views.isEmpty()) {
                        writer.addIndexes(views.toArray(CodecReader[]::new));
                    }
                    writer.commit();
                }
            } finally {
                if (freshReader != null) {
                    freshReader.close();
                }
            }
        }
        LOG.info("copied {} passages of unchanged files from the previous generation and analysed {} of {} files ({} passages)"
                        + " in {} ms", total - freshPassages, fresh.size(), cut.size(), freshPassages,
                Duration.between(start, clock.instant()).toMillis());
        copied.addAndGet(total - freshPassages);
        return OptionalInt.of(total);
    }

    /** Joins neighbouring blocks of the same segment; drops empty ones. */
    private static List<PreviousPassages.Slice> coalesce(List<PreviousPassages.Slice> plan) {
        List<PreviousPassages.Slice> out = new ArrayList<>();
        for (PreviousPassages.Slice s : plan) {
            if (s.size() == 0) {
                continue;
            }
            PreviousPassages.Slice last = out.isEmpty() ? null : out.getLast();
            if (last != null && last.segment() == s.segment() && last.to() == s.from()) {
                out.set(out.size() - 1, new PreviousPassages.Slice(s.segment(), last.from(), s.to()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Adds the searchable passages of the documents to a writer, in order; returns how many.
     * Passages are analysed on {@link #threads} threads ({@link RecordedTokens}), a bounded window
     * ahead of the writer, and added in order on this thread: the index is the same as a sequential one.
     */
    private int addPassages(IndexWriter writer, List<Derivation.CutDocument> cut, Analyzer analyzer) throws IOException {
        int count = 0;
        try (Analyzer sentenceAnalyzer = IbpAnalyzer.forQuery(Synonyms.none());
             ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, named("ibp-analyse")) : null) {
            java.util.ArrayDeque<Future<Document>> window = new java.util.ArrayDeque<>();
            for (Derivation.CutDocument c : cut) {
                for (Passage p : c.passages()) {
                    if (!p.kind().searchable()) {
                        continue; // a letter's header block, salutation, signature: never an answer
                    }
                    if (pool == null) {
                        writer.addDocument(toLucene(c.document(), p, AnalyzedTerms.perSentence(sentenceAnalyzer, p.text()), null));
                    } else {
                        window.add(pool.submit(() -> toLucene(c.document(), p,
                                AnalyzedTerms.perSentence(sentenceAnalyzer, p.text()), analyzer)));
                        if (window.size() >= WINDOW) {
                            writer.addDocument(next(window));
                        }
                    }
                    count++;
                }
            }
            while (!window.isEmpty()) {
                writer.addDocument(next(window));
            }
        }
        return count;
    }

    /** The oldest document of the window, once it is analysed. */
    private static Document next(java.util.ArrayDeque<Future<Document>> window) throws IOException {
        Future<Document> f = window.poll();
        try {
            return f.get();
        } catch (ExecutionException e) {
            window.forEach(other -> other.cancel(false));
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            window.forEach(other -> other.cancel(false));
            throw new IOException("interrupted while analysing passages", e);
        }
    }

    static Analyzer indexAnalyzer(CompoundDictionary dictionary) {
        return new PerFieldAnalyzerWrapper(IbpAnalyzer.forIndex(),
                Map.of(IndexFields.PARTS, IbpAnalyzer.forIndexDecompounding(dictionary),
                        IndexFields.WORDS, IbpAnalyzer.forWords()));
    }

    /**
     * The Lucene document of a passage. With an analyzer its text fields come analysed already
     * ({@link RecordedTokens}), so that this can run on any thread; without one the writer analyses them.
     */
    private static Document toLucene(SourceDocument d, Passage p, String sentenceTerms, Analyzer analyzer) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, p.id(), Field.Store.YES));
        doc.add(new StringField(IndexFields.DOCUMENT, d.id(), Field.Store.YES));
        doc.add(new StringField(IndexFields.KIND, p.kind().name(), Field.Store.YES));
        p.page().ifPresent(n -> doc.add(new StoredField(IndexFields.PAGE, n)));
        text(doc, analyzer, IndexFields.BODY, p.text(), true);
        text(doc, analyzer, IndexFields.PARTS, p.section() + "\n" + p.text(), false);
        text(doc, analyzer, IndexFields.HEADING, p.section(), true);
        text(doc, analyzer, IndexFields.SUBJECT, d.title(), false);
        text(doc, analyzer, IndexFields.WORDS, p.section() + "\n" + p.text(), false);
        p.opgave().ifPresent(n -> doc.add(new IntField(IndexFields.OPGAVE, n, Field.Store.YES)));
        for (Cue cue : Cue.of(p.text(), p.headingPath())) {
            doc.add(new StringField(IndexFields.CUES, cue.name(), Field.Store.NO));
        }
        doc.add(new StoredField(IndexFields.ORDINAL, p.ordinal()));
        doc.add(new StoredField(IndexFields.SENTENCE_TERMS, sentenceTerms));
        doc.add(new StoredField(IndexFields.TITLE, d.title()));
        doc.add(new StoredField(IndexFields.DATE, d.date().map(LocalDate::toString).orElse("")));
        doc.add(new StoredField(IndexFields.KENMERK, d.kenmerk()));
        doc.add(new StoredField(IndexFields.TYPE, d.type()));
        doc.add(new StoredField(IndexFields.KAMERSTUK, d.details().kamerstuk()));
        doc.add(new StoredField(IndexFields.SENDER, d.details().sender()));
        return doc;
    }

    /** An analysed text field: as text for the writer to analyse, or analysed here; stored first when asked. */
    private static void text(Document doc, Analyzer analyzer, String field, String text, boolean stored) throws IOException {
        if (analyzer == null) {
            doc.add(new TextField(field, text, stored ? Field.Store.YES : Field.Store.NO));
            return;
        }
        if (stored) {
            doc.add(new StoredField(field, text));
        }
        doc.add(new TextField(field, RecordedTokens.record(analyzer, field, text)));
    }

    /** Keeps the new generation and the one before it (a searcher may still have it open). */
    private void removeOldGenerations(Path keep, Optional<Path> previous) throws IOException {
        try (Stream<Path> children = Files.list(layout.root())) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                String name = child.getFileName().toString();
                boolean generation = name.startsWith("gen-");
                if (generation && !child.equals(keep) && !previous.map(child::equals).orElse(false)) {
                    deleteTree(child);
                }
            }
        }
    }

    /**
     * SHA-256 over a file and, when present, its metadata sidecar. A file that cannot be read gets
     * a fingerprint saying so: the extractor skips it with the reason, and it is tried again once
     * it can be read.
     */
    private String fingerprint(Path file, String salt) throws IOException {
        MessageDigest digest = sha256();
        digest.update((byte) FORMAT); // a new extraction format invalidates the cache
        digest.update(salt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            digestFile(digest, file);
        } catch (IOException e) {
            return "unreadable";
        }
        Path sidecar = file.resolveSibling(file.getFileName() + ".meta.properties");
        if (Files.isRegularFile(sidecar)) {
            digest.update((byte) 0);
            digestFile(digest, sidecar);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 over the corpus' configuration files ({@code _synoniemen.txt}, {@code _afspraken.yaml}, …). */
    private String fingerprintConfig() throws IOException {
        MessageDigest digest = sha256();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("_") && Files.isRegularFile(f))
                    .sorted().toList()) {
                digest.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digestFile(digest, f);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void digestFile(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private synchronized Extractor extractor() {
        if (extractor == null) {
            // A second Tika worker is a second JVM to start: worth it only when there is much to read.
            int workers = toExtract >= MANY_FILES ? Math.min(threads, Extractor.DEFAULT_PARALLELISM) : 1;
            extractor = new Extractor(limits, workers);
        }
        return extractor;
    }

    /** How many files this indexer has given to Tika so far (the others came from the document cache). */
    public int extractions() {
        return extractions.get();
    }

    /** How many passages this indexer has copied from a previous generation instead of analysing them. */
    public int copiedPassages() {
        return copied.get();
    }

    @Override
    public void close() {
        if (extractor != null) {
            extractor.close();
        }
    }
}

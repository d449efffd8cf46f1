package nl.ibp.agreements;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.ibp.analysis.CompoundDictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which training set and compound dictionary the opgave neighbours ({@link OpgaveAssigner}) are built
 * from in a run: the corpus' own, or the ones of an earlier run, kept in the index directory.
 *
 * <p>The neighbours learn from every passage the corpus attributes to an opgave by heading or name.
 * A new letter adds a few such passages, and exact neighbours would then differ from the ones before
 * in every vote: each passage that learns its opgave would be asked again, a re-index after one letter
 * costing about as much as a full one. So an incremental run keeps the neighbours it built before
 * (and with them every vote cached for them, see {@link VoteCache}) while the corpus' training set
 * and dictionary differ from theirs by at most {@link #MAX_DRIFT} of their texts and words, the way
 * a model is retrained when its data has drifted rather than on every new example. Beyond that, on
 * a full run ({@code ibp index --full}), for another build, or when the kept files cannot be read,
 * the neighbours are built from the corpus as it is, and kept for the runs after.
 *
 * <p>Kept in a folder of the index directory: {@code training.bin.gz} (the build's id, the
 * dictionary's words, then the training texts with their labels) and {@code lucene/}, the
 * neighbours' index as it was built, so that a run that keeps them need not even build them again
 * (with thousands of training texts that is seconds). Written to a temporary folder, then renamed.
 */
final class KeptNeighbours {

    static final String DIR = "opgave-neighbours";
    private static final String TRAINING = "training.bin.gz";
    private static final String LUCENE = "lucene";
    /** The share of training texts, or of dictionary words, that may differ before the neighbours are built anew. */
    static final double MAX_DRIFT = 0.02;
    private static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(KeptNeighbours.class);

    /**
     * What the neighbours of a run are built from, and how it was chosen; {@code index} is the folder
     * of the kept neighbours' index, when they are kept and it was saved with them.
     */
    record Choice(OpgaveAssigner.Training training, CompoundDictionary dictionary, boolean kept, double drift,
                  Optional<Path> index) {
    }

    private KeptNeighbours() {
    }

    /**
     * The training set and dictionary to build this run's neighbours from: the kept ones when they
     * are of this build and the corpus' ones have drifted from them by at most {@link #MAX_DRIFT}
     * (never on a full run), else the corpus' ones.
     */
    static Choice choose(Path dir, String build, OpgaveAssigner.Training now, CompoundDictionary words, boolean full) {
        Optional<Choice> before = full ? Optional.empty() : read(dir, build);
        if (before.isPresent()) {
            double drift = Math.max(now.driftFrom(before.get().training()), drift(words, before.get().dictionary()));
            if (drift <= MAX_DRIFT) {
                return new Choice(before.get().training(), before.get().dictionary(), true, drift, before.get().index());
            }
            return new Choice(now, words, false, drift, Optional.empty());
        }
        return new Choice(now, words, false, 1.0, Optional.empty());
    }

    /** The share of words one dictionary has and the other lacks, of the larger one. */
    static double drift(CompoundDictionary a, CompoundDictionary b) {
        Set<String> only = new HashSet<>(a.words());
        Set<String> other = new HashSet<>(b.words());
        int larger = Math.max(only.size(), other.size());
        Set<String> common = new HashSet<>(only);
        common.retainAll(other);
        only.removeAll(common);
        other.removeAll(common);
        return larger == 0 ? 0 : (double) (only.size() + other.size()) / larger;
    }

    /**
     * Keeps what this run's neighbours were built from, and their index when they were built in this
     * run, for the runs after; nothing when they were kept with their index.
     */
    static void save(Path dir, String build, Choice choice, Optional<OpgaveAssigner> built) throws IOException {
        if (choice.kept() && (choice.index().isPresent() || built.isEmpty())) {
            return;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(tmp.resolve(TRAINING)), 1 << 16)))) {
                out.writeInt(VERSION);
                RunCache.writeText(out, build);
                List<String> words = choice.dictionary().words();
                out.writeInt(words.size());
                for (String w : words) {
                    RunCache.writeText(out, w);
                }
                List<String> texts = choice.training().texts();
                out.writeInt(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    out.writeInt(choice.training().labels().get(i));
                    RunCache.writeText(out, texts.get(i));
                }
            }
            if (built.isPresent()) {
                built.get().copyTo(tmp.resolve(LUCENE));
            }
            deleteTree(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try { // a full disk must leave no half-written folder behind
                deleteTree(tmp);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** What an earlier run of this build kept; empty when there is none or it cannot be read. */
    private static Optional<Choice> read(Path dir, String build) {
        Path file = dir.resolve(TRAINING);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
            if (in.readInt() != VERSION || !RunCache.readText(in).equals(build)) {
                return Optional.empty();
            }
            int n = RunCache.readCount(in);
            List<String> words = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                words.add(RunCache.readText(in));
            }
            int m = RunCache.readCount(in);
            List<String> texts = new ArrayList<>(m);
            List<Integer> labels = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                labels.add(in.readInt());
                texts.add(RunCache.readText(in));
            }
            Path index = dir.resolve(LUCENE);
            return Optional.of(new Choice(new OpgaveAssigner.Training(texts, labels), CompoundDictionary.of(words), true, 0,
                    Files.isDirectory(index) ? Optional.of(index) : Optional.empty()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the unreadable kept opgave neighbours {}: {}", file, e.toString());
            return Optional.empty();
        }
    }
}

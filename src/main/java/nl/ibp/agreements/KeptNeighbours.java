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
 * a full run ({@code ibp index --full}), for another build, or when the kept file cannot be read,
 * the neighbours are built from the corpus as it is, and kept for the runs after.
 *
 * <p>The file: the build's id, the dictionary's words, then the training texts with their labels
 * (gzipped, written to a temporary file and renamed).
 */
final class KeptNeighbours {

    static final String FILE = "opgave-neighbours.bin.gz";
    /** The share of training texts, or of dictionary words, that may differ before the neighbours are built anew. */
    static final double MAX_DRIFT = 0.02;
    private static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(KeptNeighbours.class);

    /** What the neighbours of a run are built from, and how it was chosen. */
    record Choice(OpgaveAssigner.Training training, CompoundDictionary dictionary, boolean kept, double drift) {
    }

    private KeptNeighbours() {
    }

    /**
     * The training set and dictionary to build this run's neighbours from: the kept ones when they
     * are of this build and the corpus' ones have drifted from them by at most {@link #MAX_DRIFT}
     * (never on a full run), else the corpus' ones.
     */
    static Choice choose(Path file, String build, OpgaveAssigner.Training now, CompoundDictionary words, boolean full) {
        Optional<Choice> before = full ? Optional.empty() : read(file, build);
        if (before.isPresent()) {
            double drift = Math.max(now.driftFrom(before.get().training()), drift(words, before.get().dictionary()));
            if (drift <= MAX_DRIFT) {
                return new Choice(before.get().training(), before.get().dictionary(), true, drift);
            }
            return new Choice(now, words, false, drift);
        }
        return new Choice(now, words, false, 1.0);
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

    /** Keeps what this run's neighbours were built from, for the runs after (unchanged when they were kept). */
    static void save(Path file, String build, Choice choice) throws IOException {
        if (choice.kept() && Files.isRegularFile(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)))) {
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
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try { // a full disk must leave no half-written file behind
                Files.deleteIfExists(tmp);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** What an earlier run of this build kept; empty when there is none or it cannot be read. */
    private static Optional<Choice> read(Path file, String build) {
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
            return Optional.of(new Choice(new OpgaveAssigner.Training(texts, labels), CompoundDictionary.of(words), true, 0));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the unreadable kept opgave neighbours {}: {}", file, e.toString());
            return Optional.empty();
        }
    }
}

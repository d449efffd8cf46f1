package nl.ibp.agreements;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opgave votes ({@link OpgaveAssigner#votes}) of every text the tracker asked about, by
 * text, for one set of neighbours: the file holds the fingerprint of the training set, compound
 * dictionary and build they were computed with ({@link OpgaveAssigner.Training#fingerprint}), and a
 * run with another fingerprint starts empty. So a run whose neighbours did not change (say, after
 * a curation in {@code _afspraken.yaml}, or a new file none of whose passages names an opgave)
 * asks the neighbours nothing it asked before, and need not even build them. Votes are kept as
 * the exact doubles. A {@link RunCache}, beside {@link StatementCache}'s file.
 */
final class VoteCache {

    static final String FILE = "opgave-votes-cache.bin.gz";
    private static final Logger LOG = LoggerFactory.getLogger(VoteCache.class);
    /** Version 2 keeps each text's number of votes with them (version 1 kept one width for all). */
    private static final int VERSION = 2;

    private final RunCache<double[]> cache;

    private VoteCache(RunCache<double[]> cache) {
        this.cache = cache;
    }

    /** @param fingerprint what the votes depend on besides the text (see the class comment) */
    static VoteCache open(Path file, String fingerprint) {
        return new VoteCache(RunCache.open(file, VERSION, fingerprint, VoteCache::write, VoteCache::read,
                LOG, "opgave votes cache"));
    }

    /** Whether the votes of this text are known (from an earlier run or this one). */
    boolean knows(String text) {
        return cache.knows(text);
    }

    /** The votes of a text: from the cache, or computed now and remembered. A caller must not change the array. */
    double[] votes(String text, Function<String, double[]> compute) {
        return cache.get(text, () -> compute.apply(text));
    }

    /** Texts whose votes came from an earlier run. */
    int hits() {
        return cache.hits();
    }

    /** Texts whose votes were computed in this run. */
    int misses() {
        return cache.misses();
    }

    /** Writes the entries this run used, replacing the file. */
    void save() throws IOException {
        cache.save();
    }

    private static void write(DataOutput out, double[] votes) throws IOException {
        out.writeInt(votes.length);
        for (double v : votes) {
            out.writeDouble(v);
        }
    }

    private static double[] read(DataInput in) throws IOException {
        double[] votes = new double[RunCache.readCount(in)];
        for (int k = 0; k < votes.length; k++) {
            votes[k] = in.readDouble();
        }
        return votes;
    }
}

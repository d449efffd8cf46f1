package nl.ibp.agreements;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ibp.agreements.AgreementExtractor.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements of every passage the tracker read, by passage content, so that an index run
 * reads again only the passages that are new or changed (as the document cache does for Tika).
 * An entry is keyed by the extraction's inputs: the passage text and the date its relative dates
 * resolve against; the file holds the fingerprint of the rest, the actor lexicon and the build
 * (new code may read text differently). A {@link RunCache}.
 */
final class StatementCache {

    static final String FILE = "agreements-cache.bin.gz";
    private static final Logger LOG = LoggerFactory.getLogger(StatementCache.class);
    /** Version 1 is binary; the JSON file before it had another name and is no longer read. */
    private static final int VERSION = 1;
    /** The JSON cache of earlier builds: removed when this one is saved, so no stale file stays behind. */
    private static final String OLD_FILE = "agreements-cache.json.gz";

    private final Path file;

    private final RunCache<List<Statement>> cache;

    private StatementCache(Path file, RunCache<List<Statement>> cache) {
        this.file = file;
        this.cache = cache;
    }

    /** @param salt what else the statements depend on: the build and the actor lexicon */
    static StatementCache open(Path file, String salt) {
        return new StatementCache(file, RunCache.open(file, VERSION, salt, StatementCache::write, StatementCache::read,
                LOG, "agreements cache"));
    }

    /** The statements of a passage: from the cache, or read now and remembered. */
    List<Statement> statements(ActorLexicon lexicon, String passageText, LocalDate date) {
        return cache.get(date + "\0" + passageText, () -> AgreementExtractor.statements(lexicon, passageText, date));
    }

    /** How many passages this run took from the cache. */
    int hits() {
        return cache.hits();
    }

    /** Writes the entries this run used, replacing the file. */
    void save() throws IOException {
        cache.save();
        java.nio.file.Files.deleteIfExists(file.resolveSibling(OLD_FILE));
    }

    private static void write(DataOutput out, List<Statement> statements) throws IOException {
        out.writeInt(statements.size());
        for (Statement s : statements) {
            RunCache.writeText(out, s.text());
            out.writeInt(s.deadlines().size());
            for (Deadline d : s.deadlines()) {
                RunCache.writeText(out, d.label());
                out.writeLong(d.start().toEpochDay());
                out.writeLong(d.end().toEpochDay());
                out.writeUTF(d.precision().name());
                out.writeUTF(d.kind().name());
            }
            out.writeInt(s.actors().size());
            for (Responsibility r : s.actors()) {
                RunCache.writeText(out, r.actor().name());
                out.writeUTF(r.actor().type().name());
                out.writeUTF(r.role().name());
            }
        }
    }

    private static List<Statement> read(DataInput in) throws IOException {
        int n = RunCache.readCount(in);
        List<Statement> statements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String text = RunCache.readText(in);
            int deadlineCount = RunCache.readCount(in);
            List<Deadline> deadlines = new ArrayList<>(deadlineCount);
            for (int k = 0; k < deadlineCount; k++) {
                deadlines.add(new Deadline(RunCache.readText(in), LocalDate.ofEpochDay(in.readLong()),
                        LocalDate.ofEpochDay(in.readLong()), Deadline.Precision.valueOf(in.readUTF()),
                        Deadline.Kind.valueOf(in.readUTF())));
            }
            int actorCount = RunCache.readCount(in);
            List<Responsibility> actors = new ArrayList<>(actorCount);
            for (int k = 0; k < actorCount; k++) {
                actors.add(new Responsibility(new Actor(RunCache.readText(in), Actor.Type.valueOf(in.readUTF())),
                        Responsibility.Role.valueOf(in.readUTF())));
            }
            statements.add(new Statement(text, deadlines, actors));
        }
        return List.copyOf(statements);
    }
}

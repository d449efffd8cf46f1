package nl.ibp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.ibp.Mounts;
import nl.ibp.TestCorpus;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.bot.BotStore;
import nl.ibp.index.IndexLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way an index directory breaks that the self-check knows: `ibp check` reports it without
 * changing anything, `ibp index` repairs it and says what it found, and no command shows a
 * stack trace on the way.
 */
class RepairTest {

    @TempDir
    static Path shared;
    static Path corpus;
    static Path pristine;

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(out),
                new PrintWriter(err), false), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void indexOnce() throws IOException {
        corpus = TestCorpus.copyTo(shared.resolve("corpus"));
        pristine = shared.resolve("index");
        Run r = run("index", "--corpus", corpus.toString(), "--index", pristine.toString());
        assertEquals(0, r.code(), r.all());
    }

    /** A fresh copy of the indexed directory for one test to break. */
    private Path index() throws IOException {
        Path copy = tmp.resolve("index");
        try (Stream<Path> walk = Files.walk(pristine)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(pristine.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }

    private static Run index(Path index, String... more) {
        String[] args = Stream.concat(Stream.of("index", "--corpus", corpus.toString(), "--index", index.toString()),
                Stream.of(more)).toArray(String[]::new);
        return run(args);
    }

    private static Run check(Path index) {
        return run("check", "--corpus", corpus.toString(), "--index", index.toString());
    }

    private static Run ask(Path index) {
        return run("ask", "Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?", "--index", index.toString());
    }

    private static Path served(Path index) throws IOException {
        return new IndexLayout(index).current().orElseThrow();
    }

    private static void noStackTrace(Run r) {
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), r.all());
    }

    /** After a repair: the check is clean, questions are answered, and nothing temporary is left. */
    private static void healthy(Path index) throws IOException {
        Run c = check(index);
        assertEquals(ExitCodes.OK, c.code(), c.all());
        Run a = ask(index);
        assertEquals(0, a.code(), a.all());
        assertTrue(a.out().contains("2021"), a.out());
        try (Stream<Path> children = Files.list(index)) {
            assertEquals(List.of(), children.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }

    @Test
    void aSoundIndexChecksCleanAndNoIndexHasItsOwnCode() throws IOException {
        Path index = index();
        Run c = check(index);
        assertEquals(ExitCodes.OK, c.code(), c.all());
        assertTrue(c.out().contains("in orde"), c.out());
        Run none = check(tmp.resolve("nowhere"));
        assertEquals(ExitCodes.NO_INDEX, none.code(), none.all());
        assertFalse(Files.exists(tmp.resolve("nowhere")), "checking creates nothing");
        Run again = index(index);
        assertTrue(again.out().contains("al actueel"), again.out());
    }

    @Test
    void currentHoldingInvalidBytesIsNamedAndRepaired() throws IOException {
        Path index = index();
        Files.write(index.resolve("CURRENT"), new byte[] {(byte) 0xff, (byte) 0xfe, 'g', 'e', 'n', '\n'});
        Run a = ask(index);
        assertEquals(1, a.code());
        assertTrue(a.err().contains("CURRENT") && a.err().contains("ibp index"), a.err());
        assertFalse(a.all().contains("Input length"), a.all());
        noStackTrace(a);

        Run c = check(index);
        assertEquals(ExitCodes.DAMAGED, c.code(), c.all());
        assertTrue(c.out().contains("ongeldige tekens"), c.out());

        Run r = index(index);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Controle van de index") && r.out().contains("CURRENT"), r.out());
        assertTrue(r.out().contains("Index hersteld"), r.out());
        healthy(index);
    }

    @Test
    void currentPointingOutsideTheIndexIsNotFollowed() throws IOException {
        Path index = index();
        Files.writeString(index.resolve("CURRENT"), "../../etc\n");
        Run c = check(index);
        assertEquals(ExitCodes.DAMAGED, c.code(), c.all());
        assertTrue(index(index).out().contains("Index hersteld"));
        healthy(index);
    }

    @Test
    void aDeletedLuceneSegmentIsDetectedAndRebuiltFromTheCache() throws IOException {
        Path index = index();
        Path generation = served(index);
        try (Stream<Path> files = Files.list(generation)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".cfs")).toList()) {
                Files.delete(f);
            }
        }
        Run c = check(index);
        assertEquals(ExitCodes.DAMAGED, c.code(), c.all());
        assertTrue(c.out().contains("Lucene-index") && c.out().contains("ontbreekt"), c.out());
        assertTrue(Files.isDirectory(generation), "check changes nothing");
        Run ask = run("ask", "--index", index.toString(), "klimaat");
        assertEquals(ExitCodes.FAILURE, ask.code(), ask.all());
        assertTrue(ask.err().contains("beschadigd") && ask.err().contains("ibp index"), "ask says how to repair: " + ask.err());
        assertFalse(ask.err().contains(".cfs"), ask.err());

        Run r = index(index);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Lucene-index"), r.out());
        assertFalse(r.out().contains("al actueel"), r.out());
        healthy(index);
    }

    @Test
    void aSegmentWithFlippedBytesFailsItsChecksumAndIsRebuilt() throws IOException {
        Path index = index();
        try (Stream<Path> files = Files.list(served(index))) {
            Path cfs = files.filter(f -> f.getFileName().toString().endsWith(".cfs")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(cfs);
            for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
                bytes[i] ^= 0x5a;
            }
            Files.write(cfs, bytes);
        }
        Run c = check(index);
        assertEquals(ExitCodes.DAMAGED, c.code(), c.all());
        assertTrue(c.out().contains("Lucene-index") && c.out().contains("beschadigd"), c.out());
        assertTrue(index(index).out().contains("Index hersteld"));
        healthy(index);
    }

    @Test
    void aTruncatedAgreementsDatabaseIsRebuilt() throws Exception {
        Path index = index();
        int before = count(run("afspraken", "--index", index.toString()));
        Path file = served(index).resolve(AgreementStore.GENERATION_FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 3));
        Run c = check(index);
        assertEquals(ExitCodes.DAMAGED, c.code(), c.all());
        assertTrue(c.out().contains("afspraken"), c.out());
        Run r = index(index);
        assertEquals(0, r.code(), r.all());
        assertFalse(r.out().contains("al actueel"), r.out());
        assertEquals(before, count(run("afspraken", "--index", index.toString())));
        healthy(index);
    }

    @Test
    void aTruncatedStateDatabaseBreaksNoQuestionAndIsSalvagedByIndex() throws Exception {
        Path index = index();
        try (BotStore store = BotStore.open(index)) {
            store.setLastUpdate(4321, Instant.parse("2026-01-01T00:00:00Z"));
            for (int i = 0; i < 1500; i++) {
                store.addFeedback("vraag " + i + " " + "z".repeat(120), "p" + i, 1, Instant.parse("2026-01-01T00:00:00Z"));
            }
        }
        Path state = index.resolve("state.db");
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, Arrays.copyOf(bytes, bytes.length / 2));

        Run a = ask(index);
        assertEquals(0, a.code(), "a question needs no state: " + a.all());
        Run f = run("feedback", "--index", index.toString());
        assertEquals(1, f.code(), f.all());
        assertTrue(f.err().contains("beschadigd") && f.err().contains("ibp index"), f.err());
        noStackTrace(f);
        Run c = check(index);
        assertEquals(ExitCodes.DAMAGED, c.code(), c.all());
        assertTrue(c.out().contains("statusdatabase"), c.out());

        Run r = index(index);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Statusdatabase: state.db was beschadigd") && r.out().contains("gered"), r.out());
        Run listed = run("feedback", "--index", index.toString());
        assertEquals(0, listed.code(), listed.all());
        assertTrue(listed.out().lines().count() > 100, "the readable feedback is saved");
        try (BotStore store = BotStore.open(index)) {
            assertEquals(4321, store.lastUpdateId().orElseThrow(), "the bot's offset survives");
        }
        healthy(index);
    }

    @Test
    void anUpgradeFromAnOldIbpDbLosesNothing() throws Exception {
        Path index = index();
        Files.delete(served(index).resolve(AgreementStore.GENERATION_FILE)); // a generation of the old layout
        Files.delete(index.resolve("state.db"));
        legacyIbpDb(index.resolve("ibp.db"), false);
        Run f = run("feedback", "--index", index.toString());
        assertEquals(0, f.code(), f.all());
        assertTrue(f.out().contains("oude vraag"), "readable before the upgrade too: " + f.out());
        Run c = check(index);
        assertEquals(ExitCodes.DAMAGED, c.code(), c.all());
        assertTrue(c.out().contains("ibp.db"), c.out());

        Run r = index(index);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("overgezet"), r.out());
        assertFalse(Files.exists(index.resolve("ibp.db")));
        Run after = run("feedback", "--index", index.toString());
        assertTrue(after.out().contains("oude vraag"), after.out());
        try (BotStore store = BotStore.open(index)) {
            assertEquals(987, store.lastUpdateId().orElseThrow());
        }
        healthy(index);
        assertTrue(index(index).out().contains("al actueel"), "imported once, and the next run has nothing to do");
    }

    @Test
    void aTruncatedOldIbpDbBreaksNoCommand() throws Exception {
        Path index = index();
        legacyIbpDb(index.resolve("ibp.db"), true);
        assertEquals(0, ask(index).code());
        Run afspraken = run("afspraken", "--index", index.toString());
        assertEquals(0, afspraken.code(), afspraken.all());
        Run r = index(index);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("overgezet") && r.out().contains("beschadigd"), r.out());
        Run full = index(index, "--full");
        assertEquals(0, full.code(), full.all());
        assertTrue(full.out().contains("Index bijgewerkt"), full.out());
        healthy(index);
    }

    @Test
    void aReadOnlyIndexStillAnswers() throws Exception {
        Path index = index();
        try (BotStore store = BotStore.open(index)) {
            store.addFeedback("Wie doet de RES?", "abc123", 1, Instant.parse("2026-01-01T00:00:00Z"));
        }
        int agreements = count(run("afspraken", "--index", index.toString()));
        Optional<Mounts.Undo> ro = Mounts.readOnly(index);
        assumeTrue(ro.isPresent(), "cannot make a read-only directory here");
        try (Mounts.Undo undo = ro.get()) {
            Run a = ask(index);
            assertEquals(0, a.code(), a.all());
            assertTrue(a.out().contains("2021"), a.out());
            Run afspraken = run("afspraken", "--index", index.toString());
            assertEquals(0, afspraken.code(), afspraken.all());
            assertEquals(agreements, count(afspraken));
            Run deadlines = run("deadlines", "--opgave", "1", "--index", index.toString());
            assertEquals(0, deadlines.code(), deadlines.all());
            Run feedback = run("feedback", "--index", index.toString());
            assertEquals(0, feedback.code(), feedback.all());
            assertTrue(feedback.out().contains("abc123"), feedback.out());
            Run c = check(index);
            assertEquals(ExitCodes.OK, c.code(), c.all());
            Run i = index(index);
            assertEquals(1, i.code(), i.all());
            assertTrue(i.err().contains("alleen-lezen"), i.err());
            noStackTrace(i);
        }
    }

    private static int count(Run afspraken) {
        assertEquals(0, afspraken.code(), afspraken.all());
        return (int) afspraken.out().lines().filter(l -> !l.isBlank()).count();
    }

    /** An index/ibp.db as the previous version left it, with feedback and the bot's offset. */
    static void legacyIbpDb(Path file, boolean truncate) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1), (2)");
            s.execute("CREATE TABLE statuses (agreement TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT NOT NULL, updated TEXT NOT NULL)");
            s.execute("CREATE TABLE bot_feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, question TEXT NOT NULL, "
                    + "passage TEXT NOT NULL, vote INTEGER NOT NULL, created TEXT NOT NULL)");
            s.execute("CREATE TABLE bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE bot_chats (chat INTEGER PRIMARY KEY, active INTEGER NOT NULL DEFAULT 1, updated TEXT NOT NULL)");
            s.execute("INSERT INTO bot_state VALUES ('last_update_id', '987')");
            for (int i = 0; i < (truncate ? 800 : 3); i++) {
                s.execute("INSERT INTO bot_feedback (question, passage, vote, created) VALUES ('oude vraag " + i + " "
                        + "q".repeat(100) + "', 'p" + i + "', 1, '2025-05-05T10:00:00Z')");
            }
        }
        if (truncate) {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

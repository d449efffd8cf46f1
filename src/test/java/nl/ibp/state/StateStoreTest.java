package nl.ibp.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.Mounts;
import nl.ibp.index.IndexException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theSchemaVersionConstantIsTheNewestMigration() throws SQLException {
        try (StateStore store = StateStore.open(dir)) {
            assertEquals(OptionalInt.of(StateStore.SCHEMA_VERSION), store.schemaVersion());
        }
        MigrationInfo[] all = Flyway.configure().dataSource("jdbc:sqlite:" + dir.resolve(StateStore.FILE), null, null)
                .locations(StateStore.MIGRATIONS).load().info().all();
        assertEquals(String.valueOf(StateStore.SCHEMA_VERSION), all[all.length - 1].getVersion().getVersion(),
                "bump StateStore.SCHEMA_VERSION with every new migration");
    }

    @Test
    void peoplesStateRoundTripsAndOutlivesTheConnection() throws SQLException {
        try (StateStore store = StateStore.open(dir)) {
            assertEquals(List.of(), store.notes());
            store.addFeedback("Wanneer van het gas af?", "p1", 1, T);
            store.setValue("last_update_id", "42");
            store.setActive(7, false, T);
            store.setStatus("a1", "afgerond", "klaar", T);
        }
        try (StateStore store = StateStore.open(dir)) {
            assertEquals("p1", store.feedback().getFirst().passage());
            assertEquals(Optional.of("42"), store.value("last_update_id"));
            assertFalse(store.isActive(7));
            assertTrue(store.isActive(8), "a chat never seen is active");
            assertEquals("afgerond", store.statuses().get("a1").status());
        }
    }

    @Test
    void unansweredQuestionsCountUpNewestFirstWithoutWhoAsked() throws SQLException {
        try (StateStore store = StateStore.open(dir)) {
            store.recordUnanswered("Wat kost een warmtepomp?", T);
            store.recordUnanswered("Hoe laat is het?", T.plusSeconds(60));
            store.recordUnanswered("  wat kost een   WARMTEPOMP ", T.plusSeconds(120));
            store.recordUnanswered("   ", T.plusSeconds(180));
            List<StateStore.Unanswered> all = store.unanswered(10);
            assertEquals(List.of(new StateStore.Unanswered("wat kost een WARMTEPOMP", T.plusSeconds(120), 2),
                    new StateStore.Unanswered("Hoe laat is het?", T.plusSeconds(60), 1)), all);
            assertEquals(1, store.unanswered(1).size());
            assertEquals(List.of(), store.unanswered(0));
        }
        assertEquals(List.of("last", "question", "question_key", "times"), columns(dir.resolve(StateStore.FILE), "unanswered"),
                "no chat id or name is stored");
    }

    @Test
    void anOldIbpDbIsImportedOnceAndKeptAside() throws Exception {
        Path legacy = dir.resolve(StateStore.LEGACY_FILE);
        legacyDatabase(legacy, 30);
        try (StateStore store = StateStore.open(dir)) {
            assertEquals(30, store.feedback().size());
            assertEquals(Optional.of("1234"), store.value("last_update_id"));
            assertEquals("afgerond", store.statuses().get("abc").status());
            assertFalse(store.isActive(99));
            assertEquals(1, store.notes().size());
            assertTrue(store.notes().getFirst().contains("overgezet") && store.notes().getFirst().contains("33 rijen"),
                    store.notes().toString());
        }
        assertFalse(Files.exists(legacy));
        assertTrue(Files.isRegularFile(dir.resolve("ibp.db.migrated")));
        try (StateStore store = StateStore.open(dir)) {
            assertEquals(List.of(), store.notes(), "imported once");
            assertEquals(30, store.feedback().size());
        }
    }

    @Test
    void anIbpDbOfTheDeliveryEraBringsItsQueueAndUnansweredQuestions() throws Exception {
        Path legacy = dir.resolve(StateStore.LEGACY_FILE);
        legacyDatabase(legacy, 3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + legacy); Statement s = c.createStatement()) {
            // The bot's ad-hoc table (no key) and its delivery tables, as main's BotStore made them.
            s.execute("CREATE TABLE unanswered (question TEXT PRIMARY KEY, times INTEGER NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL)");
            s.execute("INSERT INTO unanswered VALUES ('Wat kost   de fiets?', 3, '" + T + "', '" + T.plusSeconds(60) + "')");
            s.execute("INSERT INTO unanswered VALUES ('wat kost de fiets', 1, '" + T + "', '" + T + "')");
            s.execute("CREATE TABLE bot_intake (seq INTEGER PRIMARY KEY AUTOINCREMENT, update_id INTEGER NOT NULL, "
                    + "chat INTEGER NOT NULL, json TEXT NOT NULL, received TEXT NOT NULL)");
            s.execute("CREATE TABLE bot_outbox (seq INTEGER NOT NULL, position INTEGER NOT NULL, step TEXT NOT NULL, "
                    + "sent INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (seq, position))");
            s.execute("INSERT INTO bot_intake VALUES (7, 1235, 5, '{}', '" + T + "')");
            s.execute("INSERT INTO bot_outbox VALUES (7, 0, '{\"m\":1}', 1)");
        }
        try (StateStore store = StateStore.open(dir)) {
            List<StateStore.Unanswered> unanswered = store.unanswered(10);
            assertEquals(1, unanswered.size(), unanswered.toString());
            assertEquals(4, unanswered.getFirst().times(), "the two spellings count as one question");
            assertEquals(T.plusSeconds(60), unanswered.getFirst().when());
            assertEquals(List.of(7L, 1L), store.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT i.seq, o.sent FROM bot_intake i JOIN bot_outbox o ON o.seq = i.seq")) {
                    return rs.next() ? List.of(rs.getLong(1), rs.getLong(2)) : List.<Long>of();
                }
            }));
            assertTrue(store.notes().getFirst().contains("unanswered 2"), store.notes().toString());
        }
    }

    @Test
    void aTruncatedOldIbpDbGivesWhatCanBeReadAndNeverFails() throws Exception {
        Path legacy = dir.resolve(StateStore.LEGACY_FILE);
        legacyDatabase(legacy, 2000);
        truncate(legacy, 0.5);
        try (StateStore store = StateStore.open(dir)) {
            assertTrue(store.notes().getFirst().contains("beschadigd"), store.notes().toString());
            store.addFeedback("nog een", "p", 1, T); // and it works
        }
    }

    @Test
    void aTruncatedStateDbIsSetAsideAndWhatIsReadableSaved() throws Exception {
        try (StateStore store = StateStore.open(dir)) {
            store.setValue("last_update_id", "77");
            for (int i = 0; i < 2000; i++) {
                store.addFeedback("vraag " + i + " " + "x".repeat(100), "p" + i, 1, T);
            }
        }
        truncate(dir.resolve(StateStore.FILE), 0.6);
        assertTrue(StateStore.check(dir).orElseThrow().contains("beschadigd"));
        try (StateStore store = StateStore.open(dir)) {
            assertEquals(1, store.notes().size(), store.notes().toString());
            assertTrue(store.notes().getFirst().contains("beschadigd") && store.notes().getFirst().contains("gered"),
                    store.notes().getFirst());
            assertEquals(Optional.of("77"), store.value("last_update_id"), "the small table survives");
            store.addFeedback("na het herstel", "p", -1, T);
        }
        assertEquals(Optional.empty(), StateStore.check(dir));
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("state.db.beschadigd-")),
                    "the damaged file is kept");
        }
    }

    @Test
    void aDatabaseOfANewerBuildIsRefused() throws SQLException {
        StateStore.open(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StateStore.FILE));
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', '', 0, 1)");
        }
        IndexException e = assertThrows(IndexException.class, () -> StateStore.open(dir));
        assertTrue(e.getMessage().contains("schemaversie 99"), e.getMessage());
        assertTrue(StateStore.check(dir).orElseThrow().contains("nieuwer"));
    }

    @Test
    void aReadOnlyDirectoryIsReadAndNotWritten() throws Exception {
        try (StateStore store = StateStore.open(dir)) {
            store.addFeedback("vraag", "p1", 1, T);
        }
        Optional<Mounts.Undo> ro = Mounts.readOnly(dir);
        assumeTrue(ro.isPresent(), "cannot make a read-only directory here");
        try (Mounts.Undo undo = ro.get()) {
            try (StateStore store = StateStore.openReadOnly(dir).orElseThrow()) {
                assertEquals(1, store.feedback().size());
                assertThrows(IndexException.class, () -> store.addFeedback("x", "y", 1, T));
            }
            IndexException e = assertThrows(IndexException.class, () -> StateStore.open(dir));
            assertTrue(e.getMessage().contains("alleen-lezen") || e.getMessage().contains("kan niet"), e.getMessage());
            assertEquals(Optional.empty(), StateStore.check(dir));
        }
    }

    /** An ibp.db as the assistant wrote it before people's state had a database of its own. */
    static void legacyDatabase(Path file, int feedback) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1), (2)");
            s.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL)");
            s.execute("CREATE TABLE statuses (agreement TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT NOT NULL, updated TEXT NOT NULL)");
            s.execute("CREATE TABLE bot_feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, question TEXT NOT NULL, "
                    + "passage TEXT NOT NULL, vote INTEGER NOT NULL, created TEXT NOT NULL)");
            s.execute("CREATE TABLE bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE bot_chats (chat INTEGER PRIMARY KEY, active INTEGER NOT NULL DEFAULT 1, updated TEXT NOT NULL)");
            s.execute("INSERT INTO statuses VALUES ('abc', 'afgerond', 'klaar', '" + T + "')");
            s.execute("INSERT INTO bot_state VALUES ('last_update_id', '1234')");
            s.execute("INSERT INTO bot_chats VALUES (99, 0, '" + T + "')");
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("INSERT INTO bot_feedback (question, passage, vote, created) VALUES (?, ?, 1, ?)")) {
                for (int i = 0; i < feedback; i++) {
                    ps.setString(1, "vraag " + i + " " + "y".repeat(100));
                    ps.setString(2, "p" + i);
                    ps.setString(3, T.toString());
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    static void truncate(Path file, double keep) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * keep)));
    }

    private static List<String> columns(Path file, String table) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_info('" + table + "') ORDER BY name")) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}

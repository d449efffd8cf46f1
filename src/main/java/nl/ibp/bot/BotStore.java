package nl.ibp.bot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import nl.ibp.agreements.AgreementStore;

/**
 * The bot's own rows in the index's {@code ibp.db}: feedback, chats that blocked the bot, and the
 * delivery state (updates taken in, the replies planned for them, which were sent). The first
 * tables come from {@link AgreementStore}'s migrations; the delivery tables from this class's own
 * step ({@link #DELIVERY_SCHEMA}); a re-index touches neither. Thread-safe: every method holds the
 * one connection's lock.
 */
public final class BotStore implements AutoCloseable {

    private static final String LAST_UPDATE = "last_update_id";
    private static final String LAST_UPDATE_AT = "last_update_at";
    private static final String DELIVERY_VERSION = "delivery_schema";

    private final Connection connection;

    private BotStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens the database of an index directory, running the migrations first. */
    public static BotStore open(Path indexDir) throws SQLException {
        AgreementStore.open(indexDir).close();
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + indexDir.resolve(AgreementStore.FILE).toAbsolutePath());
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
                // WAL (set by AgreementStore): a commit survives a crash or kill of the process at
                // once; only enqueue waits for the disk too (see there), the rest does not (~10x faster).
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS unanswered (question TEXT PRIMARY KEY, times INTEGER NOT NULL, "
                        + "first TEXT NOT NULL, last TEXT NOT NULL)");
            }
            migrateDelivery(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return new BotStore(c);
    }

    /** One 👍 or 👎: the question, the passage shown, the vote; no names. */
    public record Feedback(long id, String question, String passage, int vote, Instant created) {
    }

    public synchronized void addFeedback(String question, String passage, int vote, Instant when) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bot_feedback (question, passage, vote, created) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, question);
            ps.setString(2, passage);
            ps.setInt(3, vote > 0 ? 1 : -1);
            ps.setString(4, when.toString());
            ps.executeUpdate();
        }
    }

    public synchronized List<Feedback> feedback() throws SQLException {
        List<Feedback> result = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, question, passage, vote, created FROM bot_feedback ORDER BY id")) {
            while (rs.next()) {
                result.add(new Feedback(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Instant.parse(rs.getString(5))));
            }
        }
        return result;
    }

    /** Marks a chat active or not (403: the user blocked the bot). */
    public synchronized void setActive(long chat, boolean active, Instant when) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bot_chats (chat, active, updated) VALUES (?, ?, ?) "
                        + "ON CONFLICT(chat) DO UPDATE SET active = excluded.active, updated = excluded.updated")) {
            ps.setLong(1, chat);
            ps.setInt(2, active ? 1 : 0);
            ps.setString(3, when.toString());
            ps.executeUpdate();
        }
    }

    public synchronized boolean isActive(long chat) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT active FROM bot_chats WHERE chat = ?")) {
            ps.setLong(1, chat);
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() || rs.getInt(1) == 1;
            }
        }
    }

    // --- delivery: intake, planned replies, answers ------------------------------------------
    //
    // Self-contained (one schema step of its own, recorded in bot_state), so it can move to the
    // state database as one migration. An update is taken in (enqueue) in the same transaction
    // that records the last update id; only then is it confirmed to Telegram. Its replies are
    // planned (stored as steps) before the first is sent, each step is marked when sent, and the
    // update is marked answered at the end: a restart resumes after the last step sent.

    /** The delivery tables; version 1 of the step recorded under {@code delivery_schema} in bot_state. */
    static final String DELIVERY_SCHEMA = """
            CREATE TABLE IF NOT EXISTS bot_intake (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              update_id INTEGER NOT NULL,
              chat INTEGER NOT NULL,
              json TEXT NOT NULL,
              received TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS bot_intake_update ON bot_intake(update_id);
            CREATE TABLE IF NOT EXISTS bot_outbox (
              seq INTEGER NOT NULL REFERENCES bot_intake(seq) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              step TEXT NOT NULL,
              sent INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (seq, position)
            );
            CREATE TABLE IF NOT EXISTS bot_answered (
              seq INTEGER PRIMARY KEY REFERENCES bot_intake(seq) ON DELETE CASCADE,
              update_id INTEGER NOT NULL,
              outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'no_reply', 'apologised', 'undelivered')),
              answered TEXT NOT NULL
            );
            """;

    private static void migrateDelivery(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM bot_state WHERE key = ?")) {
            ps.setString(1, DELIVERY_VERSION);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    int version = Integer.parseInt(rs.getString(1));
                    if (version > 1) {
                        throw new SQLException("the bot's delivery tables have version " + version
                                + ", newer than this code knows (1)");
                    }
                    return;
                }
            }
        }
        write(c, () -> {
            try (Statement s = c.createStatement()) {
                for (String sql : DELIVERY_SCHEMA.split(";\\s*\\n")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bot_state (key, value) VALUES (?, '1')")) {
                ps.setString(1, DELIVERY_VERSION);
                ps.executeUpdate();
            }
        });
    }

    /** An update as it came from {@code getUpdates}: its id, its chat and its JSON. */
    public record Received(long updateId, long chat, String json) {
    }

    /** An update taken in: {@code seq} orders the intake (update ids may restart lower). */
    public record Intake(long seq, long updateId, long chat, String json) {
    }

    /** How an update ended. */
    public enum Outcome {
        /** Every reply sent. */
        ANSWERED,
        /** Nothing to send (a group message not meant for the bot, an unsupported kind). */
        NO_REPLY,
        /** Answering failed; the user got an apology instead. */
        APOLOGISED,
        /** Nothing could be delivered (the chat blocked the bot, Telegram kept failing). */
        UNDELIVERED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One planned Bot API call of an update's reply, as stored JSON, and whether it was sent. */
    public record Planned(int position, String step, boolean sent) {
    }

    /**
     * Takes in one batch of updates in a single transaction: each new update is stored, an update
     * already taken in (same id, same content: Telegram sent it again) is not, and the last update
     * id and time are recorded. Returns what was newly taken in, in order. The commit waits until
     * the disk has it (synchronous FULL), since Telegram forgets the updates once confirmed; the
     * progress of answers is only as durable as the process (a power cut may repeat an answer,
     * never lose one).
     */
    public synchronized List<Intake> enqueue(List<Received> batch, long lastUpdateId, Instant when) throws SQLException {
        List<Intake> taken = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous=FULL");
        }
        try {
            enqueueInTransaction(batch, lastUpdateId, when, taken);
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA synchronous=NORMAL");
            }
        }
        return List.copyOf(taken);
    }

    private void enqueueInTransaction(List<Received> batch, long lastUpdateId, Instant when, List<Intake> taken)
            throws SQLException {
        write(connection, () -> {
            taken.clear();
            for (Received r : batch) {
                if (alreadyTakenIn(r)) {
                    continue;
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO bot_intake (update_id, chat, json, received) VALUES (?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setLong(1, r.updateId());
                    ps.setLong(2, r.chat());
                    ps.setString(3, r.json());
                    ps.setString(4, when.toString());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        taken.add(new Intake(keys.getLong(1), r.updateId(), r.chat(), r.json()));
                    }
                }
            }
            putState(LAST_UPDATE, Long.toString(lastUpdateId));
            putState(LAST_UPDATE_AT, when.toString());
        });
    }

    /** Same id and the same JSON (compared as trees): Telegram resent it. A reused id after a reset has other content. */
    private boolean alreadyTakenIn(Received r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT json FROM bot_intake WHERE update_id = ?")) {
            ps.setLong(1, r.updateId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (sameJson(rs.getString(1), r.json())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean sameJson(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return TREES.readTree(a).equals(TREES.readTree(b));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper TREES = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Updates taken in and not yet answered, in the order they came. */
    public synchronized List<Intake> pending() throws SQLException {
        List<Intake> result = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT i.seq, i.update_id, i.chat, i.json FROM bot_intake i "
                        + "WHERE NOT EXISTS (SELECT 1 FROM bot_answered a WHERE a.seq = i.seq) ORDER BY i.seq")) {
            while (rs.next()) {
                result.add(new Intake(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return result;
    }

    /**
     * Stores the planned replies of an update (JSON steps, in order) and returns them; when a plan
     * was stored already, that one is kept and returned.
     */
    public synchronized List<Planned> plan(long seq, List<String> steps) throws SQLException {
        List<Planned> result = new ArrayList<>();
        write(connection, () -> {
            result.clear();
            result.addAll(plannedSteps(seq));
            if (!result.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO bot_outbox (seq, position, step) VALUES (?, ?, ?)")) {
                for (int i = 0; i < steps.size(); i++) {
                    ps.setLong(1, seq);
                    ps.setInt(2, i);
                    ps.setString(3, steps.get(i));
                    ps.addBatch();
                    result.add(new Planned(i, steps.get(i), false));
                }
                ps.executeBatch();
            }
        });
        return List.copyOf(result);
    }

    /** The planned replies of an update, in order; empty when none were planned yet. */
    public synchronized List<Planned> planned(long seq) throws SQLException {
        return plannedSteps(seq);
    }

    private List<Planned> plannedSteps(long seq) throws SQLException {
        List<Planned> result = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT position, step, sent FROM bot_outbox WHERE seq = ? ORDER BY position")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Planned(rs.getInt(1), rs.getString(2), rs.getInt(3) == 1));
                }
            }
        }
        return result;
    }

    /** Marks one planned reply as sent. */
    public synchronized void markSent(long seq, int position) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE bot_outbox SET sent = 1 WHERE seq = ? AND position = ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, position);
            ps.executeUpdate();
        }
    }

    /** Marks the last step made as sent and records how the update ended, in one transaction. */
    public synchronized void finish(Intake intake, int sentPosition, Outcome outcome, Instant when) throws SQLException {
        write(connection, () -> {
            markSent(intake.seq(), sentPosition);
            markAnswered(intake, outcome, when);
        });
    }

    /** Records how an update ended; it is no longer pending. Recording it twice keeps the first. */
    public synchronized void markAnswered(Intake intake, Outcome outcome, Instant when) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bot_answered (seq, update_id, outcome, answered) VALUES (?, ?, ?, ?) ON CONFLICT(seq) DO NOTHING")) {
            ps.setLong(1, intake.seq());
            ps.setLong(2, intake.updateId());
            ps.setString(3, outcome.column());
            ps.setString(4, when.toString());
            ps.executeUpdate();
        }
    }

    /** How an update ended, by its intake sequence number; empty while it is pending. */
    public synchronized Optional<Outcome> outcome(long seq) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT outcome FROM bot_answered WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Outcome.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)))
                        : Optional.empty();
            }
        }
    }

    /** The outcomes of the updates with this id (more than one after Telegram reused an id), oldest first. */
    public synchronized List<Outcome> outcomes(long updateId) throws SQLException {
        List<Outcome> result = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT a.outcome FROM bot_answered a WHERE a.update_id = ? ORDER BY a.seq")) {
            ps.setLong(1, updateId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(Outcome.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)));
                }
            }
        }
        return result;
    }

    /** Forgets updates answered before {@code before} (their plans go with them); returns how many. */
    public synchronized int pruneAnswered(Instant before) throws SQLException {
        int[] n = {0};
        write(connection, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM bot_intake WHERE seq IN (SELECT seq FROM bot_answered WHERE answered < ?)")) {
                ps.setString(1, before.toString());
                n[0] = ps.executeUpdate();
            }
        });
        return n[0];
    }

    /** A question without a good answer, as a maintainer sees it: the question only, how often, and when last. */
    public record Unanswered(String question, Instant when, int times) {
    }

    /** Records a question without a good answer (no names, no chat ids); asking it again counts it again. */
    public synchronized void recordUnanswered(String question, Instant when) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO unanswered (question, times, first, last) VALUES (?, 1, ?, ?) "
                        + "ON CONFLICT(question) DO UPDATE SET times = times + 1, last = excluded.last")) {
            ps.setString(1, question.strip());
            ps.setString(2, when.toString());
            ps.setString(3, when.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            // the answer matters more than the log: a full or locked database must not cost the user a reply
            org.slf4j.LoggerFactory.getLogger(BotStore.class).warn("recording an unanswered question failed: {}", e.getMessage());
        }
    }

    /** The questions without a good answer, newest first. */
    public synchronized List<Unanswered> unanswered(int limit) throws SQLException {
        List<Unanswered> result = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT question, last, times FROM unanswered ORDER BY last DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Unanswered(rs.getString(1), Instant.parse(rs.getString(2)), rs.getInt(3)));
                }
            }
        }
        return result;
    }

    /** The id of the last update taken in (and so confirmed to Telegram by the next poll), when there is one. */
    public synchronized OptionalLong lastUpdateId() throws SQLException {
        Optional<String> v = state(LAST_UPDATE);
        return v.isPresent() ? OptionalLong.of(Long.parseLong(v.get())) : OptionalLong.empty();
    }

    /** When the last update was taken in, when there is one. */
    public synchronized Optional<Instant> lastUpdateAt() throws SQLException {
        return state(LAST_UPDATE_AT).map(Instant::parse);
    }

    /** Records the last update taken in (tests; {@link #enqueue} records it with every batch). */
    public synchronized void setLastUpdate(long id, Instant when) throws SQLException {
        write(connection, () -> {
            putState(LAST_UPDATE, Long.toString(id));
            putState(LAST_UPDATE_AT, when.toString());
        });
    }

    private Optional<String> state(String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM bot_state WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private void putState(String key, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    /** Runs writes in one BEGIN IMMEDIATE transaction: all or nothing. */
    private static void write(Connection c, Work work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        try {
            work.run();
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
        } catch (SQLException | RuntimeException e) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    // --- end of delivery -------------------------------------------------------------------

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}

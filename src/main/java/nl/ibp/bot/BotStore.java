package nl.ibp.bot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import nl.ibp.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own rows in the state database ({@code state.db} in the index directory, see
 * {@link StateStore}): feedback, chats that blocked the bot, the questions left unanswered, and
 * the delivery state (updates taken in, the replies planned for them, which were sent). All
 * tables come from the state database's migrations (delivery: {@code V3__bot_delivery.sql}); a
 * re-index touches none of them. Thread-safe: the state store holds its one connection's lock.
 */
public final class BotStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotStore.class);
    private static final String LAST_UPDATE = "last_update_id";
    private static final String LAST_UPDATE_AT = "last_update_at";

    private final StateStore state;

    private BotStore(StateStore state) {
        this.state = state;
    }

    /** Opens (creating, migrating, importing or repairing when needed) the state database of an index directory. */
    public static BotStore open(Path indexDir) throws SQLException {
        return new BotStore(StateStore.open(indexDir));
    }

    /** The state database underneath, for what the bot shares with the rest. */
    public StateStore state() {
        return state;
    }

    /** One 👍 or 👎: the question, the passage shown, the vote; no names. */
    public record Feedback(long id, String question, String passage, int vote, Instant created) {
    }

    public void addFeedback(String question, String passage, int vote, Instant when) throws SQLException {
        state.addFeedback(question, passage, vote, when);
    }

    public List<Feedback> feedback() throws SQLException {
        return state.feedback().stream()
                .map(f -> new Feedback(f.id(), f.question(), f.passage(), f.vote(), f.created())).toList();
    }

    /** Marks a chat active or not (403: the user blocked the bot). */
    public void setActive(long chat, boolean active, Instant when) throws SQLException {
        state.setActive(chat, active, when);
    }

    /**
     * A chat no message reaches any more (Telegram's 403 or 400 "chat not found": blocked, kicked,
     * gone): marked inactive and everything it followed forgotten, in one transaction. Returns how
     * many followed opgaven were forgotten.
     */
    public int chatGone(long chat, Instant when) throws SQLException {
        return state.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bot_chats (chat, active, updated) VALUES (?, 0, ?) "
                            + "ON CONFLICT(chat) DO UPDATE SET active = 0, updated = excluded.updated")) {
                ps.setLong(1, chat);
                ps.setString(2, when.toString());
                ps.executeUpdate();
            }
            return nl.ibp.follow.FollowStore.forget(c, chat);
        });
    }

    public boolean isActive(long chat) throws SQLException {
        return state.isActive(chat);
    }

    // --- delivery: intake, planned replies, answers ------------------------------------------
    //
    // An update is taken in (enqueue) in the same transaction that records the last update id;
    // only then is it confirmed to Telegram. Its replies are planned (stored as steps) before the
    // first is sent, each step is marked when sent, and the update is marked answered at the end:
    // a restart resumes after the last step sent.

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
     * the disk has it (the state database runs with synchronous FULL), since Telegram forgets the
     * updates once confirmed.
     */
    public List<Intake> enqueue(List<Received> batch, long lastUpdateId, Instant when) throws SQLException {
        return state.inTransaction(c -> {
            List<Intake> taken = new ArrayList<>();
            for (Received r : batch) {
                if (alreadyTakenIn(c, r)) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(
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
            putState(c, LAST_UPDATE, Long.toString(lastUpdateId));
            putState(c, LAST_UPDATE_AT, when.toString());
            return List.copyOf(taken);
        });
    }

    /** Same id and the same JSON (compared as trees): Telegram resent it. A reused id after a reset has other content. */
    private static boolean alreadyTakenIn(Connection c, Received r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM bot_intake WHERE update_id = ?")) {
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
    public List<Intake> pending() throws SQLException {
        return state.read(c -> {
            List<Intake> result = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT i.seq, i.update_id, i.chat, i.json FROM bot_intake i "
                            + "WHERE NOT EXISTS (SELECT 1 FROM bot_answered a WHERE a.seq = i.seq) ORDER BY i.seq")) {
                while (rs.next()) {
                    result.add(new Intake(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return result;
        });
    }

    /**
     * Stores the planned replies of an update (JSON steps, in order) and returns them; when a plan
     * was stored already, that one is kept and returned.
     */
    public List<Planned> plan(long seq, List<String> steps) throws SQLException {
        return state.inTransaction(c -> {
            List<Planned> result = new ArrayList<>(plannedSteps(c, seq));
            if (!result.isEmpty()) {
                return List.copyOf(result);
            }
            try (PreparedStatement ps = c.prepareStatement(
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
            return List.copyOf(result);
        });
    }

    /** The planned replies of an update, in order; empty when none were planned yet. */
    public List<Planned> planned(long seq) throws SQLException {
        return state.read(c -> plannedSteps(c, seq));
    }

    private static List<Planned> plannedSteps(Connection c, long seq) throws SQLException {
        List<Planned> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
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
    public void markSent(long seq, int position) throws SQLException {
        state.inTransaction(c -> {
            markSent(c, seq, position);
            return null;
        });
    }

    private static void markSent(Connection c, long seq, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE bot_outbox SET sent = 1 WHERE seq = ? AND position = ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, position);
            ps.executeUpdate();
        }
    }

    /** Marks the last step made as sent and records how the update ended, in one transaction. */
    public void finish(Intake intake, int sentPosition, Outcome outcome, Instant when) throws SQLException {
        state.inTransaction(c -> {
            markSent(c, intake.seq(), sentPosition);
            markAnswered(c, intake, outcome, when);
            return null;
        });
    }

    /** Records how an update ended; it is no longer pending. Recording it twice keeps the first. */
    public void markAnswered(Intake intake, Outcome outcome, Instant when) throws SQLException {
        state.inTransaction(c -> {
            markAnswered(c, intake, outcome, when);
            return null;
        });
    }

    private static void markAnswered(Connection c, Intake intake, Outcome outcome, Instant when) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bot_answered (seq, update_id, outcome, answered) VALUES (?, ?, ?, ?) ON CONFLICT(seq) DO NOTHING")) {
            ps.setLong(1, intake.seq());
            ps.setLong(2, intake.updateId());
            ps.setString(3, outcome.column());
            ps.setString(4, when.toString());
            ps.executeUpdate();
        }
    }

    /** How an update ended, by its intake sequence number; empty while it is pending. */
    public Optional<Outcome> outcome(long seq) throws SQLException {
        return state.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT outcome FROM bot_answered WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Outcome.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)))
                            : Optional.<Outcome>empty();
                }
            }
        });
    }

    /** The outcomes of the updates with this id (more than one after Telegram reused an id), oldest first. */
    public List<Outcome> outcomes(long updateId) throws SQLException {
        return state.read(c -> {
            List<Outcome> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT a.outcome FROM bot_answered a WHERE a.update_id = ? ORDER BY a.seq")) {
                ps.setLong(1, updateId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(Outcome.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)));
                    }
                }
            }
            return result;
        });
    }

    /**
     * Forgets updates answered before {@code before} (their plans go with them); returns how many.
     * The rows are deleted explicitly: the state database's connection does not enforce foreign
     * keys, so {@code ON DELETE CASCADE} does not run.
     */
    public int pruneAnswered(Instant before) throws SQLException {
        return state.inTransaction(c -> {
            String old = "(SELECT seq FROM bot_answered WHERE answered < ?)";
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bot_outbox WHERE seq IN " + old)) {
                ps.setString(1, before.toString());
                ps.executeUpdate();
            }
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bot_intake WHERE seq IN " + old)) {
                ps.setString(1, before.toString());
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bot_answered WHERE answered < ?")) {
                ps.setString(1, before.toString());
                ps.executeUpdate();
            }
            return n;
        });
    }

    // --- unanswered questions: kept in the state database ------------------------------------

    /** A question without a good answer, as a maintainer sees it: the question only, how often, and when last. */
    public record Unanswered(String question, Instant when, int times) {
    }

    /**
     * Records a question without a good answer (no names, no chat ids); asking it again counts it
     * again. A failure is logged, not thrown: the answer matters more than the log.
     */
    public void recordUnanswered(String question, Instant when) {
        try {
            state.recordUnanswered(question, when);
        } catch (SQLException | RuntimeException e) {
            // a full or locked database must not cost the user a reply
            LOG.warn("recording an unanswered question failed: {}", e.getMessage());
        }
    }

    /** The questions without a good answer, newest first. */
    public List<Unanswered> unanswered(int limit) throws SQLException {
        return state.unanswered(limit).stream().map(u -> new Unanswered(u.question(), u.when(), u.times())).toList();
    }

    // --- the last update taken in ---------------------------------------------------------------

    /** The id of the last update taken in (and so confirmed to Telegram by the next poll), when there is one. */
    public OptionalLong lastUpdateId() throws SQLException {
        Optional<String> v = state.value(LAST_UPDATE);
        return v.isPresent() ? OptionalLong.of(Long.parseLong(v.get())) : OptionalLong.empty();
    }

    /** When the last update was taken in, when there is one. */
    public Optional<Instant> lastUpdateAt() throws SQLException {
        return state.value(LAST_UPDATE_AT).map(Instant::parse);
    }

    /** Records the last update taken in (tests; {@link #enqueue} records it with every batch). */
    public void setLastUpdate(long id, Instant when) throws SQLException {
        state.inTransaction(c -> {
            putState(c, LAST_UPDATE, Long.toString(id));
            putState(c, LAST_UPDATE_AT, when.toString());
            return null;
        });
    }

    private static void putState(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    // --- end of delivery -------------------------------------------------------------------

    @Override
    public void close() throws SQLException {
        state.close();
    }
}

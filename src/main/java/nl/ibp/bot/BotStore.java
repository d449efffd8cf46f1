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
import java.util.OptionalLong;
import nl.ibp.agreements.AgreementStore;

/**
 * The bot's own rows in the index's {@code ibp.db}: feedback, the last processed update id, and
 * chats that blocked the bot. The tables come from {@link AgreementStore}'s migrations; a
 * re-index never touches them. Thread-safe: every method holds the one connection's lock.
 */
public final class BotStore implements AutoCloseable {

    private static final String LAST_UPDATE = "last_update_id";

    private final Connection connection;

    private BotStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens the database of an index directory, running the migrations first. */
    public static BotStore open(Path indexDir) throws SQLException {
        AgreementStore.open(indexDir).close();
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + indexDir.resolve(AgreementStore.FILE).toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("CREATE TABLE IF NOT EXISTS unanswered (question TEXT PRIMARY KEY, times INTEGER NOT NULL, "
                    + "first TEXT NOT NULL, last TEXT NOT NULL)");
        } catch (SQLException e) {
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

    /** The id of the last update fully handled, when there is one. */
    public synchronized OptionalLong lastUpdateId() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM bot_state WHERE key = ?")) {
            ps.setString(1, LAST_UPDATE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(Long.parseLong(rs.getString(1))) : OptionalLong.empty();
            }
        }
    }

    public synchronized void setLastUpdateId(long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, LAST_UPDATE);
            ps.setString(2, Long.toString(id));
            ps.executeUpdate();
        }
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

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}

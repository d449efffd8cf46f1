package nl.ibp.bot;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import nl.ibp.state.StateStore;

/**
 * The bot's own rows in the state database ({@code state.db} in the index directory, see
 * {@link StateStore}): feedback, the last processed update id, and chats that blocked the bot.
 * A re-index never touches them. Thread-safe: the state store holds its one connection's lock.
 */
public final class BotStore implements AutoCloseable {

    private static final String LAST_UPDATE = "last_update_id";

    private final StateStore state;

    private BotStore(StateStore state) {
        this.state = state;
    }

    /** Opens (creating, migrating or repairing when needed) the state database of an index directory. */
    public static BotStore open(Path indexDir) throws SQLException {
        return new BotStore(StateStore.open(indexDir));
    }

    /** The state database underneath, for what the bot shares with the rest (unanswered questions). */
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

    /** The id of the last update fully handled, when there is one. */
    public OptionalLong lastUpdateId() throws SQLException {
        return state.value(LAST_UPDATE).map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    public void setLastUpdateId(long id) throws SQLException {
        state.setValue(LAST_UPDATE, Long.toString(id));
    }

    /** Marks a chat active or not (403: the user blocked the bot). */
    public void setActive(long chat, boolean active, Instant when) throws SQLException {
        state.setActive(chat, active, when);
    }

    public boolean isActive(long chat) throws SQLException {
        return state.isActive(chat);
    }

    @Override
    public void close() throws SQLException {
        state.close();
    }
}

package nl.ibp.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.index.IndexException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's state: what users and maintainers made, which nothing in the corpus can rebuild —
 * agreement statuses, the bot's feedback, its offsets and other state, chats that blocked it,
 * and the questions left unanswered. It lives in {@code state.db} in the index directory, apart
 * from the generations that every re-index replaces, and no index run touches it.
 *
 * <p>The schema is versioned with Flyway (SQL migrations in {@code nl/ibp/state/migrations});
 * a database newer than this code is refused. Opening it read-write also repairs it: a damaged
 * file is set aside and whatever rows can still be read are copied into a fresh one; and an
 * {@code ibp.db} of an older version is imported once. Thread-safe: every method holds the one
 * connection's lock.
 */
public final class StateStore implements AutoCloseable {

    public static final String FILE = "state.db";
    /** Where people's state lived before it had a database of its own (with the agreements). */
    public static final String LEGACY_FILE = "ibp.db";
    /** The highest migration in {@code nl/ibp/state/migrations}; a test keeps the two in step. */
    public static final int SCHEMA_VERSION = 4;
    static final String MIGRATIONS = "classpath:nl/ibp/state/migrations";
    /** Unanswered questions kept, newest first; older ones are dropped. */
    static final int MAX_UNANSWERED = 5000;
    private static final int MAX_QUESTION = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Connection connection;
    private final boolean writable;
    private final List<String> notes;

    private StateStore(Connection connection, boolean writable, List<String> notes) {
        this.connection = connection;
        this.writable = writable;
        this.notes = List.copyOf(notes);
    }

    /**
     * Opens the state database of an index directory for reading and writing: creates it when
     * missing, repairs it when damaged, brings its schema up to date, and imports an old
     * {@code ibp.db} once. What it had to do is in {@link #notes()}.
     *
     * @throws IndexException when the directory cannot be written or the database is from a newer build
     */
    public static StateStore open(Path indexDir) throws SQLException {
        Path file = indexDir.resolve(FILE);
        List<String> notes = new ArrayList<>();
        try {
            Files.createDirectories(indexDir);
            if (Files.exists(file)) {
                Optional<String> damage = damage(file);
                if (damage.isPresent()) {
                    notes.add(salvage(file, damage.get()));
                }
            }
            migrate(file);
            Path legacy = indexDir.resolve(LEGACY_FILE);
            if (Files.isRegularFile(legacy)) {
                notes.add(importLegacy(legacy, file));
            }
        } catch (IOException e) {
            throw new IndexException("de statusdatabase " + file + " kan niet worden geschreven: " + e.getMessage());
        } catch (SQLException e) {
            if (readOnly(e)) {
                throw new IndexException("de statusdatabase " + file + " kan niet worden geschreven (alleen-lezen)");
            }
            throw e;
        }
        Connection c = Sqlite.openReadWrite(file);
        try {
            configure(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        notes.forEach(n -> LOG.warn("state: {}", n));
        return new StateStore(c, true, notes);
    }

    /**
     * The state database for reading only, as it is; empty when there is none. Works in a
     * read-only directory. Before an upgrade has imported it, an old {@code ibp.db} is read.
     */
    public static Optional<StateStore> openReadOnly(Path indexDir) throws SQLException {
        Path file = indexDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            Path legacy = indexDir.resolve(LEGACY_FILE);
            if (!Files.isRegularFile(legacy)) {
                return Optional.empty();
            }
            file = legacy;
        }
        Connection c;
        try {
            c = Sqlite.openReadOnly(file);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            if (Sqlite.isCorrupt(e)) {
                throw e;
            }
            // A WAL database in a directory we cannot write: read the file as it stands.
            c = Sqlite.openImmutable(file);
        }
        return Optional.of(new StateStore(c, false, List.of()));
    }

    /** Checks the state database without changing anything: empty when sound or absent, else the problem in Dutch. */
    public static Optional<String> check(Path indexDir) {
        Path file = indexDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            Path legacy = indexDir.resolve(LEGACY_FILE);
            return Files.isRegularFile(legacy)
                    ? Optional.of("de gegevens staan nog in het oude " + LEGACY_FILE + "; 'ibp index' zet ze over naar " + FILE)
                    : Optional.empty();
        }
        try (Connection c = Sqlite.openImmutable(file)) {
            Optional<String> damage = Sqlite.quickCheck(c);
            if (damage.isPresent()) {
                return Optional.of(FILE + " is beschadigd (" + damage.get() + ")");
            }
            int version = version(c);
            if (version > SCHEMA_VERSION) {
                return Optional.of(FILE + " heeft schemaversie " + version + ", nieuwer dan deze assistent kent ("
                        + SCHEMA_VERSION + ")");
            }
            return version < SCHEMA_VERSION
                    ? Optional.of(FILE + " heeft schemaversie " + version + "; 'ibp index' werkt hem bij naar " + SCHEMA_VERSION)
                    : Optional.empty();
        } catch (SQLException e) {
            return Optional.of(FILE + " is niet te lezen (" + e.getMessage() + ")");
        }
    }

    /** What opening had to do (a repair, an import), in Dutch; empty on an ordinary open. */
    public List<String> notes() {
        return notes;
    }

    private static void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
        }
    }

    private static boolean readOnly(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == 8 /* SQLITE_READONLY */ || code == 14 /* SQLITE_CANTOPEN */;
    }

    /** Empty when the file opens and passes quick_check, else what is wrong. */
    private static Optional<String> damage(Path file) {
        try (Connection c = Sqlite.openReadWrite(file)) {
            return Sqlite.quickCheck(c);
        } catch (SQLException e) {
            return Sqlite.isCorrupt(e) ? Optional.of(e.getMessage()) : Optional.empty();
        }
    }

    // ---------------------------------------------------------------- schema

    /** The schema version recorded in a database: 0 before any migration. */
    private static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Brings the schema to {@link #SCHEMA_VERSION} with Flyway. When the database is already
     * there, a plain query says so and Flyway (half a second of start-up) is not needed.
     */
    private static void migrate(Path file) throws SQLException, IOException {
        if (Files.isRegularFile(file)) {
            int version;
            try (Connection c = Sqlite.openReadWrite(file)) {
                version = version(c);
            }
            refuseNewer(file, version);
            if (version == SCHEMA_VERSION) {
                return;
            }
        }
        // Two processes starting at once must not both create the schema.
        Path lockFile = file.resolveSibling(FILE + ".migrate-lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            try (Connection c = Sqlite.openReadWrite(file)) {
                configure(c);
                refuseNewer(file, version(c));
            }
            Flyway.configure(StateStore.class.getClassLoader())
                    .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } finally {
            Files.deleteIfExists(lockFile);
        }
    }

    private static void refuseNewer(Path file, int version) {
        if (version > SCHEMA_VERSION) {
            throw new IndexException("de statusdatabase " + file + " heeft schemaversie " + version
                    + ", nieuwer dan deze assistent kent (" + SCHEMA_VERSION + "); gebruik een nieuwere versie");
        }
    }

    // ---------------------------------------------------------------- repair and import

    /** Sets a damaged file aside, starts a fresh one and copies into it every row that can still be read. */
    private static String salvage(Path file, String damage) throws IOException, SQLException {
        Path aside = file.resolveSibling(FILE + ".beschadigd-" + STAMP.format(Instant.now()));
        for (String suffix : List.of("-wal", "-shm")) {
            Path side = file.resolveSibling(FILE + suffix);
            if (Files.exists(side)) {
                Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        Files.move(file, aside);
        migrate(file);
        TableCopy.Result copied = copyReadable(aside, file);
        return FILE + " was beschadigd (" + damage + "); een nieuwe is aangemaakt, " + copied.describe()
                + "; het beschadigde bestand is bewaard als " + aside.getFileName();
    }

    /** Copies what can be read of a damaged database into {@code target}, through a patched copy. */
    private static TableCopy.Result copyReadable(Path damaged, Path target) throws IOException, SQLException {
        Path copy = damaged.resolveSibling(damaged.getFileName() + ".lezen");
        try {
            if (!Sqlite.readableCopy(damaged, copy)) {
                return TableCopy.Result.NONE;
            }
            try (Connection from = Sqlite.openImmutable(copy); Connection to = Sqlite.openReadWrite(target)) {
                return TableCopy.copy(from, to);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Copies the rows of an old {@code ibp.db} into the state database, once, and keeps the old file aside. */
    private static String importLegacy(Path legacy, Path file) throws IOException, SQLException {
        TableCopy.Result copied;
        Optional<String> damage = Optional.empty();
        try (Connection from = Sqlite.openReadWrite(legacy)) {
            damage = Sqlite.quickCheck(from);
        } catch (SQLException e) {
            if (!Sqlite.isCorrupt(e)) {
                throw e;
            }
            damage = Optional.of(e.getMessage());
        }
        if (damage.isEmpty()) {
            try (Connection from = Sqlite.openReadWrite(legacy); Connection to = Sqlite.openReadWrite(file)) {
                copied = importKeylessUnanswered(from, to, TableCopy.copy(from, to));
            }
        } else {
            copied = copyReadable(legacy, file);
        }
        Path aside = legacy.resolveSibling(LEGACY_FILE + ".migrated");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path f = legacy.resolveSibling(LEGACY_FILE + suffix);
            if (Files.exists(f)) {
                Files.move(f, aside.resolveSibling(aside.getFileName() + suffix),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return "gegevens uit het oude " + LEGACY_FILE + " overgezet naar " + FILE
                + damage.map(d -> " (het was beschadigd: " + d + ")").orElse("") + ": " + copied.describe()
                + "; het oude bestand is bewaard als " + aside.getFileName();
    }

    /**
     * An {@code ibp.db} of the delivery era kept unanswered questions in a table of the bot's own,
     * {@code unanswered (question, times, first, last)}, without the key this database counts by:
     * those rows are keyed here and added to the count. Returns {@code copied} with their number.
     */
    private static TableCopy.Result importKeylessUnanswered(Connection from, Connection to, TableCopy.Result copied)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = from.prepareStatement("SELECT name FROM pragma_table_info('unanswered')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        if (!columns.containsAll(List.of("question", "times", "last")) || columns.contains("question_key")) {
            return copied;
        }
        // The table copy took these rows by the columns both have, leaving the key empty (SQLite
        // lets a TEXT primary key be NULL); they are keyed again below.
        try (Statement s = to.createStatement()) {
            s.executeUpdate("DELETE FROM unanswered WHERE question_key IS NULL");
        }
        int count = 0;
        try (Statement s = from.createStatement();
             ResultSet rs = s.executeQuery("SELECT question, times, last FROM unanswered");
             PreparedStatement ps = to.prepareStatement(
                     "INSERT INTO unanswered (question_key, question, last, times) VALUES (?, ?, ?, ?) "
                             + "ON CONFLICT(question_key) DO UPDATE SET times = times + excluded.times, "
                             + "last = max(last, excluded.last)")) {
            while (rs.next()) {
                String text = rs.getString(1) == null ? "" : rs.getString(1).strip().replaceAll("\\s+", " ");
                if (text.isEmpty()) {
                    continue;
                }
                if (text.length() > MAX_QUESTION) {
                    text = text.substring(0, MAX_QUESTION);
                }
                ps.setString(1, key(text));
                ps.setString(2, text);
                ps.setString(3, rs.getString(3));
                ps.setInt(4, Math.max(1, rs.getInt(2)));
                count += ps.executeUpdate();
            }
        }
        Map<String, Integer> rows = new LinkedHashMap<>(copied.rows());
        rows.put("unanswered", count);
        return new TableCopy.Result(rows, copied.incomplete());
    }

    // ---------------------------------------------------------------- statuses

    /** A status a person gave an agreement; it outlives every re-index. */
    public record Status(String agreement, String status, String reason, Instant updated) {
    }

    public synchronized void setStatus(String agreementId, String status, String reason, Instant when) throws SQLException {
        requireWritable();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO statuses VALUES (?, ?, ?, ?) ON CONFLICT(agreement) DO UPDATE SET "
                        + "status = excluded.status, reason = excluded.reason, updated = excluded.updated")) {
            ps.setString(1, agreementId);
            ps.setString(2, status);
            ps.setString(3, reason);
            ps.setString(4, when.toString());
            ps.executeUpdate();
        }
    }

    /** Every status set, by agreement id. */
    public synchronized Map<String, Status> statuses() throws SQLException {
        Map<String, Status> result = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT agreement, status, reason, updated FROM statuses ORDER BY agreement")) {
            while (rs.next()) {
                result.put(rs.getString(1), new Status(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.parse(rs.getString(4))));
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- feedback

    /** One 👍 or 👎: the question, the passage shown, the vote; no names. */
    public record Feedback(long id, String question, String passage, int vote, Instant created) {
    }

    public synchronized void addFeedback(String question, String passage, int vote, Instant when) throws SQLException {
        requireWritable();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bot_feedback (question, passage, vote, created) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, question);
            ps.setString(2, passage);
            ps.setInt(3, vote > 0 ? 1 : -1);
            ps.setString(4, when.toString());
            ps.executeUpdate();
        }
    }

    /** All feedback in the order given. */
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

    // ---------------------------------------------------------------- the bot's key-value state and chats

    public synchronized Optional<String> value(String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM bot_state WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public synchronized void setValue(String key, String value) throws SQLException {
        requireWritable();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    /** Marks a chat active or not (403: the user blocked the bot). */
    public synchronized void setActive(long chat, boolean active, Instant when) throws SQLException {
        requireWritable();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bot_chats (chat, active, updated) VALUES (?, ?, ?) "
                        + "ON CONFLICT(chat) DO UPDATE SET active = excluded.active, updated = excluded.updated")) {
            ps.setLong(1, chat);
            ps.setInt(2, active ? 1 : 0);
            ps.setString(3, when.toString());
            ps.executeUpdate();
        }
    }

    /** False only for a chat marked inactive; a chat never seen is active. */
    public synchronized boolean isActive(long chat) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT active FROM bot_chats WHERE chat = ?")) {
            ps.setLong(1, chat);
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() || rs.getInt(1) == 1;
            }
        }
    }

    // ---------------------------------------------------------------- unanswered questions

    /** A question the assistant could not answer: its latest wording, when it was last asked, how often. */
    public record Unanswered(String question, Instant when, int times) {
    }

    /**
     * Records a question without an answer. The same question (ignoring case, spacing and
     * closing punctuation) counts up instead of adding a row; who asked is never stored.
     */
    public synchronized void recordUnanswered(String question, Instant when) throws SQLException {
        requireWritable();
        String text = question.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return;
        }
        if (text.length() > MAX_QUESTION) {
            text = text.substring(0, MAX_QUESTION);
        }
        String key = key(text);
        String stored = text;
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO unanswered (question_key, question, last, times) VALUES (?, ?, ?, 1) "
                            + "ON CONFLICT(question_key) DO UPDATE SET question = excluded.question, "
                            + "last = max(last, excluded.last), times = times + 1")) {
                ps.setString(1, key);
                ps.setString(2, stored);
                ps.setString(3, when.toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM unanswered WHERE question_key IN "
                    + "(SELECT question_key FROM unanswered ORDER BY last DESC LIMIT -1 OFFSET ?)")) {
                ps.setInt(1, MAX_UNANSWERED);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The unanswered questions, most recently asked first, at most {@code limit}. */
    public synchronized List<Unanswered> unanswered(int limit) throws SQLException {
        if (limit < 1) {
            return List.of();
        }
        List<Unanswered> result = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT question, last, times FROM unanswered ORDER BY last DESC, rowid DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Unanswered(rs.getString(1), Instant.parse(rs.getString(2)), rs.getInt(3)));
                }
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return List.of(); // an old ibp.db read before the upgrade
            }
            throw e;
        }
        return result;
    }

    static String key(String question) {
        String k = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
        return k.replaceAll("[\\s?!.…]+$", "");
    }

    // ---------------------------------------------------------------- for stores layered on this one

    /** Work on the connection inside one transaction. */
    @FunctionalInterface
    public interface Sql<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs work in one {@code BEGIN IMMEDIATE} transaction, all or nothing, holding this store's
     * lock: for stores that keep their own tables here (add them as a migration).
     */
    public synchronized <T> T inTransaction(Sql<T> work) throws SQLException {
        requireWritable();
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        try {
            T result = work.run(connection);
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** Runs reads holding this store's lock. */
    public synchronized <T> T read(Sql<T> work) throws SQLException {
        return work.run(connection);
    }

    private void requireWritable() {
        if (!writable) {
            throw new IndexException("de statusdatabase is alleen-lezen geopend");
        }
    }

    /** The schema version of this database. */
    public synchronized OptionalInt schemaVersion() throws SQLException {
        int v = version(connection);
        return v == 0 ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** Closes, logging instead of throwing: for a store whose owner is ending anyway. */
    public void closeQuietly() {
        try {
            close();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(StateStore.class).warn("closing the state database: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}

package nl.ibp.agreements;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.index.IndexLayout;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.state.Sqlite;
import nl.ibp.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agreements tracker's SQLite database: {@code agreements.db} inside each index generation.
 *
 * <p>It is derived data: every index run that changes something writes a fresh one into the new
 * generation ({@link #create}), which becomes visible with the generation's passages in one switch
 * of CURRENT; published, it never changes again and is read as an immutable file ({@link #open}),
 * which works in a read-only index directory. Statuses come from two places: the curated overlay
 * ({@code _afspraken.yaml}, stored with the generation, and deciding when it names an agreement)
 * and people ({@link StateStore}, {@code state.db}, which no re-index touches), keyed by stable ids.
 * The schema is versioned: migrations build each new file, and a file newer than this code is refused.
 */
public final class AgreementStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgreementStore.class);

    /** The database's name inside a generation directory. */
    public static final String GENERATION_FILE = "agreements.db";

    /**
     * What a caller holding only the index directory can test for before {@link #open(Path)}:
     * the pointer to the served generation, which holds the agreements. (Before agreements were
     * published with their generation, this was {@code ibp.db} in the index directory.)
     */
    public static final String FILE = IndexLayout.CURRENT;

    /** Migration N takes the schema from version N to N+1. Append only; never edit a released one. */
    private static final List<String> MIGRATIONS = List.of("""
            CREATE TABLE opgaven (
              number INTEGER PRIMARY KEY,
              title TEXT NOT NULL,
              cluster TEXT NOT NULL CHECK (cluster IN ('fysiek', 'sociaal', 'overkoepelend')),
              aliases TEXT NOT NULL
            );
            CREATE TABLE documents (
              id TEXT PRIMARY KEY,
              title TEXT NOT NULL,
              date TEXT,
              kenmerk TEXT NOT NULL,
              type TEXT NOT NULL
            );
            CREATE TABLE agreements (
              id TEXT PRIMARY KEY,
              opgave INTEGER REFERENCES opgaven(number),
              text TEXT NOT NULL,
              document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
              section TEXT NOT NULL,
              passage TEXT NOT NULL,
              curated INTEGER NOT NULL DEFAULT 0,
              ordinal INTEGER NOT NULL
            );
            CREATE INDEX agreements_opgave ON agreements(opgave);
            CREATE TABLE deadlines (
              agreement TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              label TEXT NOT NULL,
              start TEXT NOT NULL,
              end TEXT NOT NULL,
              precision TEXT NOT NULL,
              kind TEXT NOT NULL,
              PRIMARY KEY (agreement, position)
            );
            CREATE INDEX deadlines_start ON deadlines(start);
            CREATE TABLE actors (
              name TEXT PRIMARY KEY,
              type TEXT NOT NULL
            );
            CREATE TABLE responsibilities (
              agreement TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
              actor TEXT NOT NULL REFERENCES actors(name),
              role TEXT NOT NULL,
              PRIMARY KEY (agreement, actor, role)
            );
            CREATE TABLE statuses (
              agreement TEXT PRIMARY KEY,
              status TEXT NOT NULL CHECK (status IN ('open', 'afgerond')),
              reason TEXT NOT NULL,
              updated TEXT NOT NULL
            );
            """, """
            CREATE TABLE bot_feedback (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              question TEXT NOT NULL,
              passage TEXT NOT NULL,
              vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
              created TEXT NOT NULL
            );
            CREATE TABLE bot_state (
              key TEXT PRIMARY KEY,
              value TEXT NOT NULL
            );
            CREATE TABLE bot_chats (
              chat INTEGER PRIMARY KEY,
              active INTEGER NOT NULL DEFAULT 1,
              updated TEXT NOT NULL
            );
            """, """
            DROP TABLE bot_feedback;
            DROP TABLE bot_state;
            DROP TABLE bot_chats;
            """, """
            ALTER TABLE agreements ADD COLUMN superseded_by TEXT;
            """);

    private final Connection connection;
    private final boolean writable;
    /** Statuses people set (from state.db), applied where the overlay says nothing. */
    private final Map<String, String> peopleStatuses;

    private AgreementStore(Connection connection, boolean writable, Map<String, String> peopleStatuses) {
        this.connection = connection;
        this.writable = writable;
        this.peopleStatuses = Map.copyOf(peopleStatuses);
    }

    /**
     * Creates a fresh database at {@code file} (replacing one there) for an index run to fill. It
     * is written without a journal on disk: an unfinished generation is thrown away as a whole.
     */
    public static AgreementStore create(Path file) throws SQLException {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
        } catch (IOException e) {
            throw new SQLException("cannot replace " + file + ": " + e.getMessage(), e);
        }
        Connection c = Sqlite.openReadWrite(file);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=MEMORY");
                s.execute("PRAGMA synchronous=OFF"); // the index run syncs the finished generation before publishing it
            }
            migrate(c);
            return new AgreementStore(c, true, Map.of());
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Opens the agreements for reading. {@code dir} is an index directory (the served generation's
     * agreements, with the statuses people set) or one generation directory.
     *
     * @throws TrackerException when there are no agreements there, with what to do
     */
    public static AgreementStore open(Path dir) throws SQLException {
        try {
            if (Files.exists(dir.resolve(IndexLayout.CURRENT))) {
                Path generation = new IndexLayout(dir).current().orElseThrow();
                return openGeneration(generation, peopleStatuses(dir));
            }
        } catch (IOException e) {
            throw new SQLException("reading " + dir.resolve(IndexLayout.CURRENT) + ": " + e.getMessage(), e);
        }
        if (Files.isRegularFile(dir.resolve(GENERATION_FILE))) {
            return openGeneration(dir, Map.of());
        }
        throw new TrackerException("geen afspraken in " + dir + "; draai eerst 'ibp index'");
    }

    /** The agreements of the generation an index directory serves, read-only. */
    public static AgreementStore openCurrent(IndexLayout layout) throws SQLException {
        return open(layout.root());
    }

    /** True when the served generation of an index directory has agreements. */
    public static boolean exists(IndexLayout layout) {
        try {
            return layout.pointer() instanceof IndexLayout.Pointer.Generation g
                    && Files.isRegularFile(g.directory().resolve(GENERATION_FILE));
        } catch (IOException e) {
            return false;
        }
    }

    private static AgreementStore openGeneration(Path generation, Map<String, String> people) throws SQLException {
        Path file = generation.resolve(GENERATION_FILE);
        if (!Files.isRegularFile(file)) {
            // A generation built without the tracker: no agreements, rather than an error.
            Connection empty = Sqlite.openInMemory();
            try {
                migrate(empty);
            } catch (SQLException | RuntimeException e) {
                empty.close();
                throw e;
            }
            return new AgreementStore(empty, false, people);
        }
        Connection c = Sqlite.openImmutable(file);
        try {
            int version = version(c);
            if (version > MIGRATIONS.size()) {
                throw newer(version);
            }
            return new AgreementStore(c, false, people);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The statuses people set, from the state database; none when it is missing or unreadable. */
    private static Map<String, String> peopleStatuses(Path indexDir) {
        try {
            Optional<StateStore> state = StateStore.openReadOnly(indexDir);
            if (state.isEmpty()) {
                return Map.of();
            }
            try (StateStore s = state.get()) {
                Map<String, String> result = new LinkedHashMap<>();
                s.statuses().forEach((id, st) -> result.put(id, st.status()));
                return result;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("statuses from {} unavailable: {}", indexDir.resolve(StateStore.FILE), e.getMessage());
            return Map.of();
        }
    }

    /** Checks a generation's agreements without changing them: empty when sound, else the problem in Dutch. */
    public static Optional<String> check(Path generation) {
        Path file = generation.resolve(GENERATION_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.of(generation.getFileName() + " heeft geen " + GENERATION_FILE);
        }
        try (Connection c = Sqlite.openImmutable(file)) {
            Optional<String> damage = Sqlite.quickCheck(c);
            if (damage.isPresent()) {
                return Optional.of(GENERATION_FILE + " is beschadigd (" + damage.get() + ")");
            }
            int version = version(c);
            if (version != MIGRATIONS.size()) {
                return Optional.of(GENERATION_FILE + " heeft schemaversie " + version + " in plaats van " + MIGRATIONS.size());
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM agreements")) {
                rs.next();
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(GENERATION_FILE + " is niet te lezen (" + e.getMessage() + ")");
        }
    }

    public static int schemaVersion() {
        return MIGRATIONS.size();
    }

    private static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static TrackerException newer(int version) {
        return new TrackerException("de afsprakendatabase heeft schemaversie " + version
                + ", nieuwer dan deze assistent kent (" + MIGRATIONS.size() + "); gebruik een nieuwere versie");
    }

    private static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        }
        int version = version(c);
        if (version > MIGRATIONS.size()) {
            throw newer(version);
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            int target = v + 1;
            write(c, () -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : MIGRATIONS.get(target - 1).split(";\\s*\\n")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                    s.execute("INSERT INTO schema_version (version) VALUES (" + target + ")");
                }
            });
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    /** Runs writes in one short BEGIN IMMEDIATE transaction: all or nothing. */
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
            }
            throw e;
        }
    }

    /** Document metadata as the tracker stores it. */
    public record DocumentRow(String id, String title, Optional<LocalDate> date, String kenmerk, String type) {
    }

    /**
     * Replaces all derived rows with these documents and agreements. Statuses are kept: they
     * are keyed by agreement id, and ids are stable across runs.
     */
    public void replaceDerived(List<DocumentRow> documents, List<Agreement> agreements) throws SQLException {
        requireWritable();
        write(connection, () -> {
            try (Statement s = connection.createStatement()) {
                s.execute("DELETE FROM responsibilities");
                s.execute("DELETE FROM deadlines");
                s.execute("DELETE FROM agreements");
                s.execute("DELETE FROM actors");
                s.execute("DELETE FROM documents");
                s.execute("DELETE FROM opgaven");
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO opgaven VALUES (?, ?, ?, ?)")) {
                for (Opgave o : Opgaven.ALL) {
                    ps.setInt(1, o.number());
                    ps.setString(2, o.title());
                    ps.setString(3, o.cluster());
                    ps.setString(4, String.join("|", o.aliases()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO documents VALUES (?, ?, ?, ?, ?)")) {
                for (DocumentRow d : documents) {
                    ps.setString(1, d.id());
                    ps.setString(2, d.title());
                    ps.setString(3, d.date().map(LocalDate::toString).orElse(null));
                    ps.setString(4, d.kenmerk());
                    ps.setString(5, d.type());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement a = connection.prepareStatement("INSERT INTO agreements (id, opgave, text, document, section, "
                    + "passage, curated, ordinal, superseded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement dl = connection.prepareStatement("INSERT INTO deadlines VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement ac = connection.prepareStatement("INSERT OR IGNORE INTO actors VALUES (?, ?)");
                 PreparedStatement rs = connection.prepareStatement("INSERT OR IGNORE INTO responsibilities VALUES (?, ?, ?)")) {
                int ordinal = 0;
                for (Agreement g : agreements) {
                    a.setString(1, g.id());
                    if (g.opgave().isPresent()) {
                        a.setInt(2, g.opgave().getAsInt());
                    } else {
                        a.setNull(2, java.sql.Types.INTEGER);
                    }
                    a.setString(3, g.text());
                    a.setString(4, g.source().document());
                    a.setString(5, g.source().section());
                    a.setString(6, g.source().passage());
                    a.setInt(7, g.curated() ? 1 : 0);
                    a.setInt(8, ordinal++);
                    a.setString(9, g.supersededBy().orElse(null));
                    a.addBatch();
                    int position = 0;
                    for (Deadline d : g.deadlines()) {
                        dl.setString(1, g.id());
                        dl.setInt(2, position++);
                        dl.setString(3, d.label());
                        dl.setString(4, d.start().toString());
                        dl.setString(5, d.end().toString());
                        dl.setString(6, d.precision().name());
                        dl.setString(7, d.kind().name());
                        dl.addBatch();
                    }
                    for (Responsibility r : g.actors()) {
                        ac.setString(1, r.actor().name());
                        ac.setString(2, r.actor().type().name());
                        ac.addBatch();
                        rs.setString(1, g.id());
                        rs.setString(2, r.actor().name());
                        rs.setString(3, r.role().name());
                        rs.addBatch();
                    }
                }
                a.executeBatch();
                ac.executeBatch();
                dl.executeBatch();
                rs.executeBatch();
            }
        });
    }

    /**
     * Sets an agreement's curated status (from the overlay) in a database being built. A status a
     * person sets belongs in {@link StateStore#setStatus}, which outlives re-indexing.
     */
    public void setStatus(String agreementId, String status, String reason, java.time.Instant when) throws SQLException {
        requireWritable();
        write(connection, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO statuses VALUES (?, ?, ?, ?) ON CONFLICT(agreement) DO UPDATE SET "
                            + "status = excluded.status, reason = excluded.reason, updated = excluded.updated")) {
                ps.setString(1, agreementId);
                ps.setString(2, status);
                ps.setString(3, reason);
                ps.setString(4, when.toString());
                ps.executeUpdate();
            }
        });
    }

    /** All agreements, optionally of one opgave, in document order. */
    public List<Agreement> agreements(OptionalInt opgave) throws SQLException {
        String sql = "SELECT a.id, a.opgave, a.text, a.document, d.title, d.date, a.section, a.passage, a.curated, "
                + "s.status, a.superseded_by FROM agreements a JOIN documents d ON d.id = a.document "
                + "LEFT JOIN statuses s ON s.agreement = a.id"
                + (opgave.isPresent() ? " WHERE a.opgave = ?" : "") + " ORDER BY a.ordinal";
        Map<String, Agreement> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (opgave.isPresent()) {
                ps.setInt(1, opgave.getAsInt());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(2);
                    OptionalInt op = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(n);
                    String date = rs.getString(6);
                    Agreement.Source source = new Agreement.Source(rs.getString(4), rs.getString(5),
                            date == null ? Optional.empty() : Optional.of(LocalDate.parse(date)), rs.getString(7), rs.getString(8));
                    String curated = rs.getString(10);
                    String status = curated != null ? curated : peopleStatuses.getOrDefault(rs.getString(1), Agreement.OPEN);
                    byId.put(rs.getString(1), new Agreement(rs.getString(1), op, rs.getString(3), List.of(), List.of(),
                            source, status, rs.getInt(9) == 1, Optional.ofNullable(rs.getString(11))));
                }
            }
        }
        Map<String, List<Deadline>> deadlines = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT agreement, label, start, end, precision, kind FROM deadlines ORDER BY agreement, position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                deadlines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Deadline(rs.getString(2),
                        LocalDate.parse(rs.getString(3)), LocalDate.parse(rs.getString(4)),
                        Deadline.Precision.valueOf(rs.getString(5)), Deadline.Kind.valueOf(rs.getString(6))));
            }
        }
        Map<String, List<Responsibility>> actors = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT r.agreement, r.actor, a.type, r.role FROM responsibilities r JOIN actors a ON a.name = r.actor "
                        + "ORDER BY r.rowid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                actors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Responsibility(
                        new Actor(rs.getString(2), Actor.Type.valueOf(rs.getString(3))),
                        Responsibility.Role.valueOf(rs.getString(4))));
            }
        }
        List<Agreement> result = new ArrayList<>(byId.size());
        for (Agreement a : byId.values()) {
            result.add(new Agreement(a.id(), a.opgave(), a.text(), deadlines.getOrDefault(a.id(), List.of()),
                    actors.getOrDefault(a.id(), List.of()), a.source(), a.status(), a.curated(), a.supersededBy()));
        }
        return result;
    }

    private void requireWritable() {
        if (!writable) {
            throw new TrackerException("de afspraken van een gepubliceerde indexgeneratie veranderen niet meer;"
                    + " een status zet je in de statusdatabase");
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

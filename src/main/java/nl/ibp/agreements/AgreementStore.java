package nl.ibp.agreements;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;

/**
 * The agreements tracker's SQLite database ({@code ibp.db} in the index directory).
 *
 * <p>Derived rows (documents, agreements, deadlines, responsibilities) are replaced as a whole
 * on every index run, in one transaction. State that people create (statuses now; feedback and
 * subscriptions later) lives in tables that a re-index never touches, keyed by stable ids.
 * The schema is versioned: migrations run on open, and a database newer than this code is refused.
 */
public final class AgreementStore implements AutoCloseable {

    public static final String FILE = "ibp.db";

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
            ALTER TABLE agreements ADD COLUMN superseded_by TEXT;
            """);

    private final Connection connection;

    private AgreementStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating when needed) the database in an index directory and brings its schema up to date. */
    public static AgreementStore open(Path indexDir) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + indexDir.resolve(FILE).toAbsolutePath());
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
            }
            migrate(c);
            return new AgreementStore(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public static int schemaVersion() {
        return MIGRATIONS.size();
    }

    private static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        }
        int version = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            if (rs.next()) {
                version = rs.getInt(1);
            }
        }
        if (version > MIGRATIONS.size()) {
            throw new TrackerException("de afsprakendatabase heeft schemaversie " + version
                    + ", nieuwer dan deze assistent kent (" + MIGRATIONS.size() + "); gebruik een nieuwere versie");
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

    /** Sets an agreement's status; kept across re-indexing. */
    public void setStatus(String agreementId, String status, String reason, java.time.Instant when) throws SQLException {
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
                + "coalesce(s.status, 'open'), a.superseded_by FROM agreements a JOIN documents d ON d.id = a.document "
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
                    byId.put(rs.getString(1), new Agreement(rs.getString(1), op, rs.getString(3), List.of(), List.of(),
                            source, rs.getString(10), rs.getInt(9) == 1, Optional.ofNullable(rs.getString(11))));
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

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

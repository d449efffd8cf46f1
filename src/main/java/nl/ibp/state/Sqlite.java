package nl.ibp.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * How this program opens SQLite files: read-write for the one writer, read-only for readers,
 * and immutable for published files that never change again (a published index generation),
 * which needs no journal or WAL side files and so works in a read-only directory.
 */
public final class Sqlite {

    private Sqlite() {
    }

    /** A read-write connection (the file is created when missing) with a busy timeout. */
    public static Connection openReadWrite(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** A read-only connection to a file another process may still write. */
    public static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return config.createConnection("jdbc:sqlite:" + uri(file) + "?mode=ro");
    }

    /**
     * A read-only connection to a file that nothing writes any more: SQLite then takes no locks
     * and needs no side files, so it works in a read-only directory and on a read-only mount.
     */
    public static Connection openImmutable(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return config.createConnection("jdbc:sqlite:" + uri(file) + "?immutable=1");
    }

    /** A fresh, empty database in memory. */
    public static Connection openInMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    /** {@code file:///…}, percent-encoded, as SQLite's URI filenames want it. */
    private static String uri(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }

    /**
     * Runs {@code PRAGMA quick_check}; empty when the file is sound, else SQLite's first complaints.
     * A file that is not a database at all is a problem too, not an exception.
     */
    public static Optional<String> quickCheck(Connection c) {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(5)")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    problems.add(line);
                }
            }
        } catch (SQLException e) {
            problems.add(e.getMessage());
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /**
     * Writes a copy of a damaged database file that SQLite will open, so its readable rows can
     * be saved: cut to whole pages, with the page count in the header made to match the file
     * (a truncated file otherwise fails as a whole) and marked as not in WAL mode. Follows the
     * file format (sqlite.org/fileformat.html, "The Database Header").
     *
     * @return false when the file is too short or not an SQLite file at all
     */
    public static boolean readableCopy(Path damaged, Path copy) throws java.io.IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(damaged);
        byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (bytes.length < 100 || !java.util.Arrays.equals(bytes, 0, 16, magic, 0, 16)) {
            return false;
        }
        int pageSize = ((bytes[16] & 0xff) << 8) | (bytes[17] & 0xff);
        if (pageSize == 1) {
            pageSize = 65536;
        }
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            return false;
        }
        int pages = bytes.length / pageSize;
        if (pages < 1) {
            return false;
        }
        byte[] out = java.util.Arrays.copyOf(bytes, pages * pageSize);
        out[18] = 1; // file format write version: legacy (rollback journal), not WAL
        out[19] = 1; // read version
        java.nio.ByteBuffer.wrap(out, 28, 4).putInt(pages);
        java.nio.file.Files.write(copy, out);
        return true;
    }

    /** True when SQLite says the file is damaged or is not a database. */
    public static boolean isCorrupt(SQLException e) {
        int code = (e instanceof SQLiteException se ? se.getResultCode().code : e.getErrorCode()) & 0xff;
        return code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    /** True when a write failed because the disk is full. */
    public static boolean isFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException se && (se.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_FULL.code) {
                return true;
            }
        }
        return false;
    }
}

package nl.ibp.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies rows from one SQLite database into another with the same tables: every table of the
 * target that the source has too, by the columns both have, keeping rows the target already
 * has. A damaged source gives what can be read: a table stops at its first unreadable row.
 */
final class TableCopy {

    /** Rows copied per table, and the tables that could not be read to the end. */
    record Result(Map<String, Integer> rows, List<String> incomplete) {
        static final Result NONE = new Result(Map.of(), List.of());

        Result {
            rows = Map.copyOf(rows);
            incomplete = List.copyOf(incomplete);
        }

        int total() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** In Dutch, for the user: "12 rijen gered (bot_feedback 10, statuses 2)". */
        String describe() {
            String per = rows.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            return total() + " rijen gered" + (per.isEmpty() ? "" : " (" + per + ")")
                    + (incomplete.isEmpty() ? "" : "; onvolledig: " + String.join(", ", incomplete));
        }
    }

    private TableCopy() {
    }

    static Result copy(Connection from, Connection to) throws SQLException {
        Map<String, Integer> rows = new LinkedHashMap<>();
        List<String> incomplete = new ArrayList<>();
        Set<String> sourceTables;
        try {
            sourceTables = tables(from);
        } catch (SQLException e) {
            return new Result(Map.of(), List.of("alle tabellen (" + e.getMessage() + ")"));
        }
        for (String table : tables(to)) {
            if (!sourceTables.contains(table)) {
                continue;
            }
            List<String> columns;
            try {
                columns = new ArrayList<>(columns(from, table));
            } catch (SQLException e) {
                incomplete.add(table);
                continue;
            }
            columns.retainAll(columns(to, table));
            if (columns.isEmpty()) {
                continue;
            }
            String list = columns.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
            String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
            int count = 0;
            to.setAutoCommit(false);
            try (Statement select = from.createStatement();
                 PreparedStatement insert = to.prepareStatement(
                         "INSERT OR IGNORE INTO \"" + table + "\" (" + list + ") VALUES (" + marks + ")")) {
                try (ResultSet rs = select.executeQuery("SELECT " + list + " FROM \"" + table + "\"")) {
                    while (rs.next()) {
                        for (int i = 0; i < columns.size(); i++) {
                            insert.setObject(i + 1, rs.getObject(i + 1));
                        }
                        count += insert.executeUpdate();
                    }
                } catch (SQLException e) {
                    if (!Sqlite.isCorrupt(e)) {
                        throw e;
                    }
                    incomplete.add(table);
                }
                to.commit();
            } catch (SQLException e) {
                to.rollback();
                throw e;
            } finally {
                to.setAutoCommit(true);
            }
            rows.put(table, count);
        }
        return new Result(rows, incomplete);
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> result = new LinkedHashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                        + "AND name NOT IN ('flyway_schema_history', 'schema_version') ORDER BY name")) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }
}

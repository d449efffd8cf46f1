package nl.ibp.follow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.ibp.state.StateStore;

/**
 * The followers' state in the state database (migration {@code V4__follow.sql}): what each chat
 * follows and its reminder settings, every reminder, move notice and alert claimed (with the
 * message to send, so a restart sends what was claimed and nothing twice), and what the last
 * alert run knew of the agreements. People's state: no re-index touches it. Thread-safe (the
 * state store's lock).
 */
public final class FollowStore {

    private static final String KNOWN_GENERATION = "generation";

    private final StateStore state;

    public FollowStore(StateStore state) {
        this.state = state;
    }

    // ---------------------------------------------------------------- following

    /** Starts following; false when the chat followed the opgave already. */
    public boolean follow(long chat, int opgave, Instant when) throws SQLException {
        return state.inTransaction(c -> {
            ensureChat(c, chat, when);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO follow_subscriptions (chat, opgave, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, chat);
                ps.setInt(2, opgave);
                ps.setString(3, when.toString());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Stops following; false when the chat did not follow it. */
    public boolean unfollow(long chat, int opgave) throws SQLException {
        return state.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM follow_subscriptions WHERE chat = ? AND opgave = ?")) {
                ps.setLong(1, chat);
                ps.setInt(2, opgave);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The opgaven a chat follows, in order. */
    public SortedSet<Integer> following(long chat) throws SQLException {
        return state.read(c -> {
            SortedSet<Integer> result = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT opgave FROM follow_subscriptions WHERE chat = ?")) {
                ps.setLong(1, chat);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getInt(1));
                    }
                }
            }
            return result;
        });
    }

    /** The followers as last read, and the database's change counters then. */
    private record Cached(long dataVersion, long changes, List<Follower> followers) {
    }

    private volatile Cached cached;

    /**
     * Every chat following an opgave, with its reminder days. Read again only when the database
     * changed since the last read (by this connection: {@code total_changes()}; by another:
     * {@code PRAGMA data_version}), so a scheduler that asks every minute mostly costs two tiny queries.
     */
    public List<Follower> followers() throws SQLException {
        return state.read(c -> {
            long dataVersion;
            long changes;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
                dataVersion = rs.next() ? rs.getLong(1) : -1;
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT total_changes()")) {
                changes = rs.next() ? rs.getLong(1) : -1;
            }
            Cached last = cached;
            if (last != null && last.dataVersion() == dataVersion && last.changes() == changes) {
                return last.followers();
            }
            List<Follower> read = readFollowers(c);
            cached = new Cached(dataVersion, changes, read);
            return read;
        });
    }

    private static List<Follower> readFollowers(Connection c) throws SQLException {
        List<Follower> result = new ArrayList<>();
        Map<String, ReminderDays> parsed = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT s.chat, s.opgave, s.since, coalesce(f.days, '') FROM follow_subscriptions s "
                        + "LEFT JOIN follow_chats f ON f.chat = s.chat ORDER BY s.chat, s.opgave")) {
            while (rs.next()) {
                ReminderDays days = parsed.computeIfAbsent(rs.getString(4),
                        t -> ReminderDays.parse(t).orElse(ReminderDays.DEFAULT));
                result.add(new Follower(rs.getLong(1), rs.getInt(2), Instant.parse(rs.getString(3)), days));
            }
        }
        return List.copyOf(result);
    }

    public void setDays(long chat, ReminderDays days, Instant when) throws SQLException {
        setChatSetting(chat, "days", days.text(), when);
    }

    /** Sets one setting column of a chat's row (created when missing); {@code column} is one of ours, never input. */
    private void setChatSetting(long chat, String column, Object value, Instant when) throws SQLException {
        state.inTransaction(c -> {
            ensureChat(c, chat, when);
            try (PreparedStatement ps = c.prepareStatement("UPDATE follow_chats SET " + column + " = ?, updated = ? WHERE chat = ?")) {
                ps.setObject(1, value);
                ps.setString(2, when.toString());
                ps.setLong(3, chat);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public ReminderDays days(long chat) throws SQLException {
        return state.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT days FROM follow_chats WHERE chat = ?")) {
                ps.setLong(1, chat);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? ReminderDays.parse(rs.getString(1)).orElse(ReminderDays.DEFAULT) : ReminderDays.DEFAULT;
                }
            }
        });
    }

    /** In a group: whether only its admins may change what it follows. */
    public void setAdminsOnly(long chat, boolean adminsOnly, Instant when) throws SQLException {
        setChatSetting(chat, "admins_only", adminsOnly ? 1 : 0, when);
    }

    public boolean adminsOnly(long chat) throws SQLException {
        return state.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT admins_only FROM follow_chats WHERE chat = ?")) {
                ps.setLong(1, chat);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        });
    }

    private static void ensureChat(Connection c, long chat, Instant when) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO follow_chats (chat, updated) VALUES (?, ?) ON CONFLICT(chat) DO NOTHING")) {
            ps.setLong(1, chat);
            ps.setString(2, when.toString());
            ps.executeUpdate();
        }
    }

    /** Forgets everything a chat follows (Telegram said 403: blocked, kicked, gone); returns how many. */
    public int forget(long chat) throws SQLException {
        return state.inTransaction(c -> forget(c, chat));
    }

    /**
     * {@link #forget} inside a caller's transaction (the bot marks the chat inactive in the same
     * one). Claims not yet sent to it are closed as undelivered.
     */
    public static int forget(Connection c, long chat) throws SQLException {
        int n;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM follow_subscriptions WHERE chat = ?")) {
            ps.setLong(1, chat);
            n = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM follow_chats WHERE chat = ?")) {
            ps.setLong(1, chat);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE follow_sent SET state = 'undelivered' WHERE chat = ? AND state = 'claimed'")) {
            ps.setLong(1, chat);
            ps.executeUpdate();
        }
        return n;
    }

    // ---------------------------------------------------------------- claims

    /** What a claim records: its key, the deadline day (for a reminder), the message to send, or that it was dropped. */
    public record Claim(SentKey key, Optional<LocalDate> deadline, String payload, boolean dropped) {
        public Claim {
            java.util.Objects.requireNonNull(key, "key");
            java.util.Objects.requireNonNull(deadline, "deadline");
            java.util.Objects.requireNonNull(payload, "payload");
        }
    }

    /** A claim not yet sent: its key, message and the attempts made. */
    public record Pending(SentKey key, String payload, int attempts) {
    }

    /** The keys of everything recorded (claimed, sent, dropped, undelivered), for the planner. */
    public Set<SentKey> recorded() throws SQLException {
        return state.read(c -> {
            Set<SentKey> result = new HashSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT chat, kind, agreement, due FROM follow_sent")) {
                while (rs.next()) {
                    result.add(new SentKey(rs.getLong(1), SentKey.Kind.of(rs.getString(2)), rs.getString(3),
                            Instant.parse(rs.getString(4))));
                }
            }
            return result;
        });
    }

    /** Claims what is not claimed yet, in one transaction; returns the claims it made (the others were there). */
    public List<Claim> claim(List<Claim> claims, Instant when) throws SQLException {
        if (claims.isEmpty()) {
            return List.of();
        }
        return state.inTransaction(c -> insert(c, claims, when));
    }

    /**
     * Claims the alerts of a new generation and records what it knows of the agreements, in one
     * transaction: after a crash either both are there or neither.
     */
    public List<Claim> claimAlerts(List<Claim> claims, Map<String, Optional<String>> known, String generation, Instant when)
            throws SQLException {
        return state.inTransaction(c -> {
            List<Claim> made = insert(c, claims, when);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM follow_known");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO follow_known (agreement, superseded_by) VALUES (?, ?)")) {
                for (Map.Entry<String, Optional<String>> e : known.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue().orElse(""));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO follow_known_meta (key, value) VALUES (?, ?) "
                    + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, KNOWN_GENERATION);
                ps.setString(2, generation);
                ps.executeUpdate();
            }
            return made;
        });
    }

    private static List<Claim> insert(Connection c, List<Claim> claims, Instant when) throws SQLException {
        List<Claim> made = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO follow_sent (chat, kind, agreement, due, deadline, payload, "
                + "state, claimed, done) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Claim claim : claims) {
                SentKey k = claim.key();
                ps.setLong(1, k.chat());
                ps.setString(2, k.kind().column());
                ps.setString(3, k.agreement());
                ps.setString(4, k.due().toString());
                ps.setString(5, claim.deadline().map(LocalDate::toString).orElse(""));
                ps.setString(6, claim.payload());
                ps.setString(7, claim.dropped() ? "dropped" : "claimed");
                ps.setString(8, when.toString());
                ps.setString(9, claim.dropped() ? when.toString() : "");
                if (ps.executeUpdate() == 1) {
                    made.add(claim);
                }
            }
        }
        return List.copyOf(made);
    }

    /** What the last alert run knew of the agreements (empty before the first run), and its generation. */
    public Optional<Map<String, Optional<String>>> known() throws SQLException {
        return state.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT value FROM follow_known_meta WHERE key = '" + KNOWN_GENERATION + "'")) {
                if (!rs.next()) {
                    return Optional.<Map<String, Optional<String>>>empty();
                }
            }
            Map<String, Optional<String>> known = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT agreement, superseded_by FROM follow_known")) {
                while (rs.next()) {
                    known.put(rs.getString(1), rs.getString(2).isEmpty() ? Optional.empty() : Optional.of(rs.getString(2)));
                }
            }
            return Optional.of(known);
        });
    }

    /** Claims not yet sent, oldest first. */
    public List<Pending> pending() throws SQLException {
        return state.read(c -> {
            List<Pending> result = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT chat, kind, agreement, due, payload, attempts FROM follow_sent WHERE state = 'claimed' "
                            + "ORDER BY claimed, rowid")) {
                while (rs.next()) {
                    result.add(new Pending(new SentKey(rs.getLong(1), SentKey.Kind.of(rs.getString(2)), rs.getString(3),
                            Instant.parse(rs.getString(4))), rs.getString(5), rs.getInt(6)));
                }
            }
            return result;
        });
    }

    /** How a claim ended. */
    public enum Outcome { SENT, UNDELIVERED }

    public void finish(SentKey key, Outcome outcome, Instant when) throws SQLException {
        update(key, "UPDATE follow_sent SET state = ?, done = ? WHERE chat = ? AND kind = ? AND agreement = ? AND due = ?",
                outcome == Outcome.SENT ? "sent" : "undelivered", when.toString());
    }

    /** One more failed attempt; the claim stays to be tried again. */
    public void failedAttempt(SentKey key) throws SQLException {
        update(key, "UPDATE follow_sent SET attempts = attempts + 1 WHERE chat = ? AND kind = ? AND agreement = ? AND due = ?");
    }

    private void update(SentKey key, String sql, String... first) throws SQLException {
        state.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (String f : first) {
                    ps.setString(i++, f);
                }
                ps.setLong(i++, key.chat());
                ps.setString(i++, key.kind().column());
                ps.setString(i++, key.agreement());
                ps.setString(i, key.due().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A reminder sent: to which chat, for which agreement, and the deadline day it was about. */
    public record SentReminder(long chat, String agreement, LocalDate deadline) {
    }

    /** Reminders sent whose agreement has had no move notice to that chat yet. */
    public List<SentReminder> remindedWithoutMoveNotice() throws SQLException {
        return state.read(c -> {
            List<SentReminder> result = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT DISTINCT r.chat, r.agreement, r.deadline FROM follow_sent r WHERE r.kind = 'reminder' "
                            + "AND r.state = 'sent' AND r.deadline <> '' AND NOT EXISTS (SELECT 1 FROM follow_sent m "
                            + "WHERE m.kind = 'moved' AND m.agreement = r.agreement AND m.chat = r.chat)")) {
                while (rs.next()) {
                    result.add(new SentReminder(rs.getLong(1), rs.getString(2), LocalDate.parse(rs.getString(3))));
                }
            }
            return result;
        });
    }

    /** Counts by kind and state, for tests and /status. */
    public Map<String, Integer> counts() throws SQLException {
        return state.read(c -> {
            Map<String, Integer> result = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT kind || ':' || state, count(*) FROM follow_sent GROUP BY 1 ORDER BY 1")) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getInt(2));
                }
            }
            return result;
        });
    }
}

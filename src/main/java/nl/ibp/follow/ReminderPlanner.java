package nl.ibp.follow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.ibp.agreements.DatedItem;
import nl.ibp.config.Now;

/**
 * Which reminders are due at an instant, for which chats. For each follower and each followed
 * date of its opgave, the latest reminder moment that has come (and is not before the day the
 * chat started following) is due unless it was recorded: sent when its deadline has not passed
 * and the window is open, dropped when the deadline has passed (it fell due while the bot was
 * down). An earlier moment overtaken by a later one (the 14-day reminder when the 1-day one is
 * due too, after a long stop) is not sent.
 */
public final class ReminderPlanner {

    private ReminderPlanner() {
    }

    /**
     * @param items    the followed dates ({@link FollowedDeadlines#of}) on the day of {@code now}
     * @param recorded whether a reminder was recorded already
     */
    public static List<Reminder> due(Instant now, List<DatedItem> items, List<Follower> followers,
                                     Predicate<SentKey> recorded) {
        LocalDate today = Now.today(java.time.Clock.fixed(now, Now.ZONE));
        boolean open = DueRules.inWindow(now);
        Map<Integer, List<DatedItem>> byOpgave = new HashMap<>();
        for (DatedItem i : items) {
            byOpgave.computeIfAbsent(i.agreement().opgave().getAsInt(), k -> new ArrayList<>()).add(i);
        }
        Map<ReminderDays, Map<DatedItem, List<DueRules.Moment>>> moments = new HashMap<>();
        List<Reminder> result = new ArrayList<>();
        for (Follower f : followers) {
            List<DatedItem> mine = byOpgave.get(f.opgave());
            if (mine == null) {
                continue;
            }
            LocalDate sinceDay = LocalDate.ofInstant(f.since(), Now.ZONE);
            Instant from = sinceDay.atStartOfDay(Now.ZONE).toInstant();
            Map<DatedItem, List<DueRules.Moment>> perItem = moments.computeIfAbsent(f.days(), d -> new IdentityHashMap<>());
            for (DatedItem item : mine) {
                if (DueRules.dueDay(item.deadline()).isBefore(sinceDay)) {
                    continue; // over before the chat followed: none of its moments is owed
                }
                DueRules.Moment latest = null;
                for (DueRules.Moment m : perItem.computeIfAbsent(item, i -> DueRules.moments(i.deadline(), f.days()))) {
                    if (!m.at().isAfter(now) && !m.at().isBefore(from)) {
                        latest = m;
                    }
                }
                if (latest == null) {
                    continue;
                }
                boolean passed = DueRules.dueDay(item.deadline()).isBefore(today);
                if (!passed && !open) {
                    continue; // waits for 08:00
                }
                Reminder r = new Reminder(f.chat(), item, latest.at(), latest.daysBefore(),
                        passed ? Reminder.Action.DROP : Reminder.Action.SEND);
                if (!recorded.test(r.key())) {
                    result.add(r);
                }
            }
        }
        return List.copyOf(result);
    }

    /** {@link #due} against a set of recorded keys. */
    public static List<Reminder> due(Instant now, List<DatedItem> items, List<Follower> followers, Set<SentKey> recorded) {
        return due(now, items, followers, recorded::contains);
    }
}

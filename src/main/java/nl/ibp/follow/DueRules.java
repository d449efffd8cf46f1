package nl.ibp.follow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import nl.ibp.agreements.Deadline;
import nl.ibp.config.Now;

/**
 * When reminders fall due. A deadline known to the day or month (or season, half year) is
 * reminded the chat's number of days before its last day; one known only to the year (or a span
 * of years) once, at the start of the last quarter of its last year (1 October). Reminders go
 * out only between 08:00 and 20:00 in the Netherlands: a moment outside that window moves to the
 * next 08:00, and a day's reminder is due at 08:00.
 */
public final class DueRules {

    public static final LocalTime OPEN = LocalTime.of(8, 0);
    public static final LocalTime CLOSE = LocalTime.of(20, 0);

    private DueRules() {
    }

    /** One moment a deadline is reminded: when, and how many days before it (empty: the last-quarter rule). */
    public record Moment(Instant at, OptionalInt daysBefore) {
    }

    /** Whether {@code t} lies in the sending window, 08:00 (inclusive) to 20:00 (exclusive), Europe/Amsterdam. */
    public static boolean inWindow(Instant t) {
        LocalTime local = t.atZone(Now.ZONE).toLocalTime();
        return !local.isBefore(OPEN) && local.isBefore(CLOSE);
    }

    /** {@code t} when it lies in the window, else the next 08:00 in the Netherlands. */
    public static Instant intoWindow(Instant t) {
        ZonedDateTime z = t.atZone(Now.ZONE);
        if (z.toLocalTime().isBefore(OPEN)) {
            return z.toLocalDate().atTime(OPEN).atZone(Now.ZONE).toInstant();
        }
        if (!z.toLocalTime().isBefore(CLOSE)) {
            return z.toLocalDate().plusDays(1).atTime(OPEN).atZone(Now.ZONE).toInstant();
        }
        return t;
    }

    /** The day a deadline falls due: its last day. */
    public static LocalDate dueDay(Deadline d) {
        return d.end();
    }

    /** Whether the deadline is only known to the year (or years): reminded once, on 1 October. */
    public static boolean yearOnly(Deadline d) {
        return d.precision() == Deadline.Precision.YEAR || d.precision() == Deadline.Precision.YEARS;
    }

    /** The reminder moments of a deadline for these days, earliest first (each already in the window). */
    public static List<Moment> moments(Deadline d, ReminderDays days) {
        if (yearOnly(d)) {
            LocalDate quarter = LocalDate.of(d.end().getYear(), Month.OCTOBER, 1);
            return List.of(new Moment(atOpening(quarter), OptionalInt.empty()));
        }
        List<Moment> result = new ArrayList<>(days.days().size());
        for (int n : days.days()) {
            result.add(new Moment(atOpening(dueDay(d).minusDays(n)), OptionalInt.of(n)));
        }
        return List.copyOf(result);
    }

    /** 08:00 in the Netherlands on {@code day}. */
    public static Instant atOpening(LocalDate day) {
        return day.atTime(OPEN).atZone(Now.ZONE).toInstant();
    }
}

package nl.ibp.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The one clock of the process. Deadlines are judged against today's date in the Netherlands,
 * whatever the machine's zone; {@code IBP_NOW=2020-09-20T09:00} (or a date) fixes the moment
 * for tests and demos.
 */
public final class Now {

    /** The zone in which "today" is meant: the users are Dutch municipalities. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private Now() {
    }

    /** The process clock: fixed at IBP_NOW when it is set, else the system clock, in {@link #ZONE}. */
    public static Clock clock(Map<String, String> env) {
        String fixed = env.getOrDefault("IBP_NOW", "").strip();
        if (fixed.isEmpty()) {
            return Clock.system(ZONE);
        }
        return Clock.fixed(parse(fixed, "IBP_NOW"), ZONE);
    }

    /**
     * A moment in the Netherlands as IBP_NOW and {@code --now} take it: {@code 2020-09-20} (its
     * start) or {@code 2020-09-20T09:00}.
     *
     * @throws IllegalArgumentException with a Dutch message naming {@code what}
     */
    public static java.time.Instant parse(String text, String what) {
        String t = text.strip();
        try {
            LocalDateTime at = t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
            return at.atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " is geen tijdstip: '" + t
                    + "'; gebruik JJJJ-MM-DD of JJJJ-MM-DDTuu:mm, bijvoorbeeld 2026-12-01T09:00", e);
        }
    }

    /** A clock that starts at {@code from} and then runs (for a demo of a bot "in" another time). */
    public static Clock runningFrom(java.time.Instant from, Clock base) {
        return Clock.offset(base, java.time.Duration.between(base.instant(), from)).withZone(ZONE);
    }

    public static Clock clock() {
        return clock(System.getenv());
    }

    /** Today in the Netherlands on {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}

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
        try {
            LocalDateTime at = fixed.length() == 10 ? LocalDate.parse(fixed).atStartOfDay() : LocalDateTime.parse(fixed);
            return Clock.fixed(at.atZone(ZONE).toInstant(), ZONE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("IBP_NOW is geen tijdstip: '" + fixed
                    + "'; gebruik JJJJ-MM-DD of JJJJ-MM-DDTuu:mm, bijvoorbeeld 2026-12-01T09:00", e);
        }
    }

    public static Clock clock() {
        return clock(System.getenv());
    }

    /** Today in the Netherlands on {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}

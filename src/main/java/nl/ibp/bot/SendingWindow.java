package nl.ibp.bot;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.config.Now;
import nl.ibp.follow.DueRules;

/**
 * The hours of the day, in the Netherlands, in which the bot sends what nobody asked for just
 * then (reminders, alerts on new documents, notices of moved deadlines): from {@code open}
 * (inclusive) to {@code close} (exclusive). What falls due outside them waits for the next
 * opening. Set with {@value #ENV} ("08:00-21:00"); by default the reminders' own hours.
 */
public record SendingWindow(LocalTime open, LocalTime close) {

    public static final String ENV = "IBP_FOLLOW_HOURS";
    public static final SendingWindow DEFAULT = new SendingWindow(DueRules.OPEN, DueRules.CLOSE);
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

    public SendingWindow {
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("the sending window must open before it closes, not " + open + "-" + close);
        }
    }

    /** "08:00-21:00" (hours and minutes, Europe/Amsterdam). */
    public static SendingWindow parse(String text) {
        Matcher m = HOURS.matcher(text.strip());
        if (m.matches()) {
            try {
                return new SendingWindow(time(m.group(1)), time(m.group(2)));
            } catch (DateTimeParseException e) {
                // said below
            }
        }
        throw new IllegalArgumentException(ENV + " must be two times of day like 08:00-21:00, not '" + text + "'");
    }

    private static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
    }

    /** Whether {@code t} lies in the window. */
    public boolean contains(Instant t) {
        LocalTime local = t.atZone(Now.ZONE).toLocalTime();
        return !local.isBefore(open) && local.isBefore(close);
    }

    /** {@code t} when it lies in the window, else the window's next opening. */
    public Instant next(Instant t) {
        if (contains(t)) {
            return t;
        }
        ZonedDateTime z = t.atZone(Now.ZONE);
        return (z.toLocalTime().isBefore(open) ? z.toLocalDate() : z.toLocalDate().plusDays(1))
                .atTime(open).atZone(Now.ZONE).toInstant();
    }

    @Override
    public String toString() {
        return open + "-" + close;
    }
}

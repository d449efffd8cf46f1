package nl.ibp.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How many days before a deadline a chat is reminded: by default 14 and 1; set with
 * {@code /herinner 7,1}. At most {@value #MAX_COUNT} numbers, each 1 to {@value #MAX_DAYS}.
 */
public record ReminderDays(List<Integer> days) {

    public static final ReminderDays DEFAULT = new ReminderDays(List.of(14, 1));
    static final int MAX_COUNT = 5;
    static final int MAX_DAYS = 365;

    public ReminderDays {
        days = new ArrayList<>(new TreeSet<>(days)).reversed(); // the earliest reminder first
        if (days.isEmpty() || days.size() > MAX_COUNT || days.getLast() < 1 || days.getFirst() > MAX_DAYS) {
            throw new IllegalArgumentException("reminder days must be 1 to " + MAX_COUNT + " numbers in 1.." + MAX_DAYS
                    + ": " + days);
        }
        days = List.copyOf(days);
    }

    /** "7,1", "7, 1", "14 3 1"; empty when it is not such a list. */
    public static Optional<ReminderDays> parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,3}(\\s*[,;\\s]\\s*\\d{1,3}){0,9}")) {
            return Optional.empty();
        }
        List<Integer> values = new ArrayList<>();
        for (String part : t.split("[,;\\s]+")) {
            values.add(Integer.parseInt(part));
        }
        try {
            return Optional.of(new ReminderDays(values));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** As stored and as typed: "14,1". */
    public String text() {
        return days.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}

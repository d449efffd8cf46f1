package nl.ibp.agreements;

import java.util.List;
import java.util.Objects;

/**
 * One date of one agreement on a timeline, judged against a day.
 *
 * @param agreement the agreement that names the date
 * @param deadline  the date (a dated one: not a rhythm, reference or replaced date)
 * @param status    where the date stands on the day the timeline was made for
 * @param replaces  older agreements whose deadlines this one moved or replaced (newest first); empty for most
 */
public record DatedItem(Agreement agreement, Deadline deadline, DeadlineStatus status, List<Agreement> replaces) {

    public DatedItem {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(status, "status");
        replaces = List.copyOf(replaces);
    }

    public DatedItem(Agreement agreement, Deadline deadline, DeadlineStatus status) {
        this(agreement, deadline, status, List.of());
    }

    /** A goal ("in 2050 klimaatneutraal") rather than a deadline, start or event. */
    public boolean goal() {
        return deadline.kind() == Deadline.Kind.TARGET;
    }

    /** Whether a newer agreement moved this one (only in {@link Timeline#withSuperseded} lists). */
    public boolean superseded() {
        return agreement.superseded();
    }

    /** Whether this date moved an earlier one: it replaced older agreements or names the date it replaces. */
    public boolean moved() {
        return !replaces.isEmpty() || !replacedDates().isEmpty();
    }

    /**
     * The dates this one took the place of: the current dates of the older agreements it moved, else the
     * dates its own sentence names as replaced ("in plaats van 1 juni 2020").
     */
    public List<Deadline> replacedDates() {
        List<Deadline> older = replaces.stream()
                .flatMap(a -> a.deadlines().stream().filter(d -> Timeline.onTimeline(a, d))).distinct().toList();
        if (!older.isEmpty()) {
            return older;
        }
        return agreement.deadlines().stream().filter(d -> d.kind() == Deadline.Kind.REPLACED).toList();
    }
}

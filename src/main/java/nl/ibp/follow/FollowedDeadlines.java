package nl.ibp.follow;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.Deadline;
import nl.ibp.agreements.Timeline;

/**
 * The dates that following is about: of the current {@link Timeline} (no superseded agreement, no
 * rhythm, reference or replaced date, a quoted sentence once), the deadlines ("uiterlijk",
 * "voor"), the moments something happens ("op 27 juni") and the days something starts ("per 1
 * januari 2022"). Goals ("in 2050 klimaatneutraal") and vague starts ("vanaf 2030") are no date
 * anyone must act by, so they are not followed.
 */
public final class FollowedDeadlines {

    static final Set<Deadline.Kind> KINDS = EnumSet.of(Deadline.Kind.DEADLINE, Deadline.Kind.EVENT);

    /** Whether a date is one to follow: a deadline or a moment, or a start known to the day. */
    public static boolean followed(Deadline d) {
        return KINDS.contains(d.kind()) || d.kind() == Deadline.Kind.START && d.precision() == Deadline.Precision.DAY;
    }

    private FollowedDeadlines() {
    }

    /** The followed dates of agreements with an opgave, passed ones included (the planner drops those). */
    public static List<DatedItem> of(List<Agreement> agreements, LocalDate today) {
        return Timeline.of(agreements, today).stream()
                .filter(i -> followed(i.deadline()) && i.agreement().opgave().isPresent()
                        && !i.agreement().status().equals(Agreement.DONE))
                .toList();
    }

    /** The dates in a calendar: the followed kinds, of one opgave or all, passed ones included. */
    public static List<DatedItem> calendar(List<Agreement> agreements, LocalDate today, OptionalInt opgave) {
        return Timeline.of(agreements, today).stream()
                .filter(i -> followed(i.deadline()))
                .filter(i -> opgave.isEmpty() || i.agreement().opgave().equals(opgave))
                .toList();
    }
}

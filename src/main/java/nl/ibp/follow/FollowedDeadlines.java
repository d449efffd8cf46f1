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
 * "voor") and the moments something happens ("op 27 juni"). Goals ("in 2050 klimaatneutraal")
 * and starts ("vanaf 2030") are no date anyone must act by, so they are not reminded.
 */
public final class FollowedDeadlines {

    static final Set<Deadline.Kind> KINDS = EnumSet.of(Deadline.Kind.DEADLINE, Deadline.Kind.EVENT);

    private FollowedDeadlines() {
    }

    /** The followed dates of agreements with an opgave, passed ones included (the planner drops those). */
    public static List<DatedItem> of(List<Agreement> agreements, LocalDate today) {
        return Timeline.of(agreements, today).stream()
                .filter(i -> KINDS.contains(i.deadline().kind()) && i.agreement().opgave().isPresent()
                        && !i.agreement().status().equals(Agreement.DONE))
                .toList();
    }

    /** The dates in a calendar: the followed kinds, of one opgave or all, passed ones included. */
    public static List<DatedItem> calendar(List<Agreement> agreements, LocalDate today, OptionalInt opgave) {
        return Timeline.of(agreements, today).stream()
                .filter(i -> KINDS.contains(i.deadline().kind()))
                .filter(i -> opgave.isEmpty() || i.agreement().opgave().equals(opgave))
                .toList();
    }
}

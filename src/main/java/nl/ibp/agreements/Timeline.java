package nl.ibp.agreements;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dated items of agreements in the order people want to read them on a given day: what is open
 * (running or upcoming, the soonest first), then what has passed (the most recent first).
 *
 * <p>Only dates that commit to something are on it: rhythms ("vier keer per jaar"), references
 * ("ten opzichte van 1990", "rapport van januari 2017"), dates a sentence says are replaced, and
 * the history of a document (a date that ended before the document was written) are left out.
 * Agreements a newer document moved ({@link Agreement#supersededBy()}) are left out of {@link #of}
 * and listed after the current ones by {@link #withSuperseded}; the item that moved them knows them
 * ({@link DatedItem#replaces()}). The same sentence quoted by several documents is listed once,
 * from the newest document.
 */
public final class Timeline {

    private Timeline() {
    }

    /** The current dated items: open ones soonest first, then passed ones most recent first. */
    public static List<DatedItem> of(List<Agreement> agreements, LocalDate today) {
        return items(agreements, today, false);
    }

    /** {@link #of}, followed by the items of superseded agreements (in the same order among themselves). */
    public static List<DatedItem> withSuperseded(List<Agreement> agreements, LocalDate today) {
        return items(agreements, today, true);
    }

    /**
     * The date an answer about one agreement should name, with its status: of its dates on the timeline the
     * first deadline ("uiterlijk in 2021"), else the first start, event, then goal ("in 2050"). So "uiterlijk in
     * 2021 een planning … gebouwde omgeving in 2050" is about 2021 (passed), not about 2050. Empty for an
     * agreement without such a date (a rhythm, a reference, or none).
     */
    public static Optional<DatedItem> main(Agreement agreement, LocalDate today) {
        for (Deadline.Kind kind : List.of(Deadline.Kind.DEADLINE, Deadline.Kind.START, Deadline.Kind.EVENT, Deadline.Kind.TARGET)) {
            for (Deadline d : agreement.deadlines()) {
                if (d.kind() == kind && onTimeline(agreement, d)) {
                    return Optional.of(new DatedItem(agreement, d, d.status(today)));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a date belongs on a timeline at all (see the class comment). */
    public static boolean onTimeline(Agreement agreement, Deadline deadline) {
        if (!deadline.dated()) {
            return false;
        }
        Optional<LocalDate> written = agreement.source().date();
        return written.isEmpty() || !deadline.end().isBefore(written.get());
    }

    private static List<DatedItem> items(List<Agreement> agreements, LocalDate today, boolean superseded) {
        Map<String, Agreement> byId = new LinkedHashMap<>();
        agreements.forEach(a -> byId.put(a.id(), a));
        Map<String, List<Agreement>> replaced = new LinkedHashMap<>();
        for (Agreement a : agreements) {
            a.supersededBy().ifPresent(newer -> replaced.computeIfAbsent(newer, k -> new ArrayList<>()).add(a));
        }
        replaced.values().forEach(list -> list.sort(NEWEST_FIRST));
        List<Agreement> sorted = new ArrayList<>(agreements);
        sorted.sort(NEWEST_FIRST); // of quoted copies, the newest document's is kept
        Set<String> seen = new HashSet<>();
        List<DatedItem> current = new ArrayList<>();
        List<DatedItem> old = new ArrayList<>();
        for (Agreement a : sorted) {
            if (a.superseded() && !superseded) {
                continue;
            }
            for (Deadline d : a.deadlines()) {
                if (!onTimeline(a, d) || !seen.add(key(a, d))) {
                    continue;
                }
                DatedItem item = new DatedItem(a, d, d.status(today), replaced.getOrDefault(a.id(), List.of()));
                (a.superseded() ? old : current).add(item);
            }
        }
        Comparator<DatedItem> order = order(today);
        current.sort(order);
        old.sort(order);
        current.addAll(old);
        return List.copyOf(current);
    }

    private static final Comparator<Agreement> NEWEST_FIRST = Comparator.comparing(
            (Agreement a) -> a.source().date().orElse(LocalDate.MIN), Comparator.reverseOrder());

    private static String key(Agreement a, Deadline d) {
        return a.text().toLowerCase(Locale.ROOT).replaceAll("\\W+", " ").strip() + "|" + d.start() + "|" + d.end();
    }

    /** Open first, by the day that matters next (soonest first); then passed, the most recent first. */
    public static Comparator<DatedItem> order(LocalDate today) {
        return Comparator.comparing((DatedItem i) -> i.status() == DeadlineStatus.PASSED)
                .thenComparing((a, b) -> a.status() == DeadlineStatus.PASSED
                        ? b.deadline().end().compareTo(a.deadline().end())
                        : due(a.deadline(), today).compareTo(due(b.deadline(), today)))
                .thenComparing(i -> i.deadline().start())
                .thenComparing(i -> i.agreement().opgave().orElse(99))
                .thenComparing(i -> i.agreement().id());
    }

    /** The day a date next matters: a deadline's last day, else its first day (its last while it runs). */
    private static LocalDate due(Deadline d, LocalDate today) {
        if (d.kind() == Deadline.Kind.DEADLINE || d.start().isBefore(today)) {
            return d.end();
        }
        return d.start();
    }

    /**
     * A Dutch phrase for where a date stands on {@code today}, to follow the date in a sentence:
     * "die termijn is verstreken", "die termijn loopt nog", "dat is over 3 jaar", "dat is over 5 maanden",
     * "dat is over 2 weken", "dat is morgen", "dat is volgend jaar" (a year). For a rhythm, a reference or a replaced date it says so.
     */
    public static String phrase(Deadline d, LocalDate today) {
        switch (d.kind()) {
            case RECURRING -> {
                return "dat komt steeds terug";
            }
            case REFERENCE -> {
                return "dat is een peildatum, geen termijn";
            }
            case REPLACED -> {
                return "die datum is vervangen";
            }
            default -> {
            }
        }
        DeadlineStatus status = d.status(today);
        boolean term = d.kind() == Deadline.Kind.DEADLINE;
        if (status == DeadlineStatus.PASSED) {
            return term ? "die termijn is verstreken" : "dat is voorbij";
        }
        if (status == DeadlineStatus.RUNNING) {
            return term || !d.start().equals(d.end()) ? "die termijn loopt nog" : "dat is vandaag";
        }
        return "dat is " + distance(d, today);
    }

    /** "over 3 jaar", "volgend jaar" (of a year), "over een jaar", "over 5 maanden", "over 2 weken", "over 4 dagen", "morgen". */
    static String distance(Deadline d, LocalDate today) {
        LocalDate at = d.start();
        if (d.precision() == Deadline.Precision.YEAR || d.precision() == Deadline.Precision.YEARS) {
            int years = at.getYear() - today.getYear();
            if (years == 1) {
                return "volgend jaar";
            }
            if (years > 1) {
                return "over " + years + " jaar";
            }
        }
        Period p = Period.between(today, at);
        long days = ChronoUnit.DAYS.between(today, at);
        if (p.getYears() >= 1) {
            int years = p.getYears() + (p.getMonths() >= 6 ? 1 : 0);
            return "over " + count(years, "jaar", "jaar");
        }
        if (p.getMonths() >= 1) {
            int months = p.getMonths() + (p.getDays() >= 15 ? 1 : 0);
            return months >= 12 ? "over een jaar" : "over " + count(months, "maand", "maanden");
        }
        if (days == 1) {
            return "morgen";
        }
        if (days >= 14) {
            return "over " + count((int) Math.round(days / 7.0), "week", "weken");
        }
        return "over " + count((int) days, "dag", "dagen");
    }

    private static String count(int n, String one, String many) {
        return n == 1 ? "een " + one : n + " " + many;
    }
}

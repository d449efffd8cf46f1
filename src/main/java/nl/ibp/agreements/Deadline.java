package nl.ibp.agreements;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A point or span in time named in an agreement, normalised.
 *
 * @param label     the phrase as it stands in the text, e.g. "uiterlijk in 2021"
 * @param start     first day the phrase covers (for "uiterlijk 2019": 2019-01-01)
 * @param end       last day it covers (for "uiterlijk 2019": 2019-12-31); equal to start for a day
 * @param precision how exact the phrase is
 * @param kind      what the date means for the agreement
 */
public record Deadline(String label, LocalDate start, LocalDate end, Precision precision, Kind kind) {

    public enum Precision { DAY, MONTH, SEASON, HALF_YEAR, YEAR, YEARS }

    /** deadline: by then ("uiterlijk", "voor"); target: a goal ("in 2050 klimaatneutraal");
     * start: from then on ("vanaf", "per", "met ingang van"); recurring: "vier keer per jaar";
     * event: something happens then ("op 27 juni"). */
    public enum Kind { DEADLINE, TARGET, START, RECURRING, EVENT }

    public Deadline {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(kind, "kind");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start + " in '" + label + "'");
        }
    }

    /** Whether the span covers any day of {@code year}. */
    public boolean spans(int year) {
        return start.getYear() <= year && end.getYear() >= year;
    }

    /** Where this deadline stands on {@code today}: passed after its last day, upcoming before its first. */
    public DeadlineStatus status(LocalDate today) {
        return end.isBefore(today) ? DeadlineStatus.PASSED
                : start.isAfter(today) ? DeadlineStatus.UPCOMING : DeadlineStatus.RUNNING;
    }
}

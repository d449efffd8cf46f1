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
     * event: something happens then ("op 27 juni");
     * reference: the date only identifies something else, it commits to nothing: a base year
     * ("ten opzichte van 1990"), the date of a report or letter ("rapport van januari 2017",
     * "brief van 7 december 2020"), a point since when ("sinds 2015");
     * replaced: a date the sentence itself says no longer holds ("in plaats van 1 juni 2020",
     * "niet per 1 januari 2021, maar …", "uitgesteld van 1 januari 2021 naar …").
     * Kinds are added, never renamed: they are part of the {@code afspraken --json} contract. */
    public enum Kind { DEADLINE, TARGET, START, RECURRING, EVENT, REFERENCE, REPLACED }

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

    /** Whether the date can be a point on a timeline: not a rhythm, a reference or a replaced date. */
    public boolean dated() {
        return kind != Kind.RECURRING && kind != Kind.REFERENCE && kind != Kind.REPLACED;
    }

    /** Where this deadline stands on {@code today}: passed after its last day, upcoming before its first. */
    public DeadlineStatus status(LocalDate today) {
        return end.isBefore(today) ? DeadlineStatus.PASSED
                : start.isAfter(today) ? DeadlineStatus.UPCOMING : DeadlineStatus.RUNNING;
    }
}

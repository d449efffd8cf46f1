package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.agreements.Deadline.Kind;
import nl.ibp.agreements.Deadline.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimelineTest {

    private static final LocalDate LETTER = LocalDate.of(2018, 2, 14);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Agreement agreement(String id, String text, LocalDate written) {
        return new Agreement(id, OptionalInt.of(1), text, DutchDates.find(text, written), List.of(),
                new Agreement.Source(id + ".txt", "Brief " + id, Optional.of(written), "", id), Agreement.OPEN, false);
    }

    private static List<String> labels(List<DatedItem> items) {
        return items.stream().map(i -> i.deadline().label() + "=" + i.status().dutch()).toList();
    }

    @Test
    void eachDateOfASentenceHasItsOwnStatus() {
        Agreement a = agreement("a", "Alle gemeenten stellen uiterlijk in 2021 een planning vast, "
                + "om te komen tot een CO2-arme gebouwde omgeving in 2050.", LETTER);
        List<DatedItem> items = Timeline.of(List.of(a), TODAY);
        assertEquals(List.of("in 2050=komend", "uiterlijk in 2021=verstreken"), labels(items));
        assertTrue(items.get(0).goal(), "2050 is a goal");
        assertFalse(items.get(1).goal(), "2021 is a deadline");
    }

    @Test
    void theMainDateOfAnAgreementIsItsDeadlineNotItsFarGoal() {
        Agreement a = agreement("a", "Alle gemeenten stellen uiterlijk in 2021 een planning vast, "
                + "om te komen tot een CO2-arme gebouwde omgeving in 2050.", LETTER);
        DatedItem main = Timeline.main(a, TODAY).orElseThrow();
        assertEquals("uiterlijk in 2021", main.deadline().label());
        assertEquals("die termijn is verstreken", Timeline.phrase(main.deadline(), TODAY));
        assertEquals(Optional.empty(), Timeline.main(agreement("b", "Vier keer per jaar is er overleg.", LETTER), TODAY));
        assertEquals("in 2050", Timeline.main(agreement("c", "Nederland is in 2050 klimaatneutraal (t.o.v. 1990).", LETTER), TODAY)
                .orElseThrow().deadline().label());
    }

    @Test
    void openItemsComeFirstSoonestFirstThenThePassedMostRecentFirst() {
        List<Agreement> all = List.of(
                agreement("a", "De stresstesten zijn uiterlijk in 2019 klaar.", LETTER),
                agreement("b", "Nederland is in 2050 klimaatneutraal.", LETTER),
                agreement("c", "De agenda's zijn uiterlijk in 2020 vastgesteld.", LETTER),
                agreement("d", "Gemeenten stellen uiterlijk eind 2027 een plan vast.", LETTER),
                agreement("e", "Het kabinet werkt de komende kabinetsperiode aan de regeling.", LocalDate.of(2026, 1, 10)));
        assertEquals(List.of("uiterlijk eind 2027=komend", "de komende kabinetsperiode=loopt", "in 2050=komend",
                "uiterlijk in 2020=verstreken", "uiterlijk in 2019=verstreken"), labels(Timeline.of(all, TODAY)),
                "open by the day that matters next (a deadline's last day, a running span's end), then passed");
    }

    @Test
    void rhythmsReferencesReplacedDatesAndTheDocumentsHistoryAreNotOnTheTimeline() {
        List<Agreement> all = List.of(
                agreement("a", "Vier keer per jaar vindt een Bestuurlijk Overleg plaats.", LETTER),
                agreement("b", "De opgave is 21 Mton CO2-reductie in 2030 ten opzichte van 1990.", LETTER),
                agreement("c", "Rijk en gemeenten voeren de actiepunten uit het rapport (januari 2017) uit.", LETTER),
                agreement("d", "Het Grondstoffenakkoord is in 2017 vastgesteld.", LETTER),
                agreement("e", "De stukken komen uiterlijk 1 oktober 2018, in plaats van 1 juni 2018.", LETTER));
        assertEquals(List.of("in 2030=komend", "uiterlijk 1 oktober 2018=verstreken"), labels(Timeline.of(all, TODAY)));
    }

    @Test
    void aSentenceQuotedByTwoDocumentsIsListedOnceFromTheNewest() {
        String text = "De stresstesten zijn uiterlijk in 2019 klaar.";
        List<DatedItem> items = Timeline.of(List.of(agreement("old", text, LETTER),
                agreement("new", text, LETTER.plusDays(1))), TODAY);
        assertEquals(1, items.size());
        assertEquals("new", items.getFirst().agreement().id());
    }

    @Test
    void aSupersededAgreementIsLeftOutAndTheNewOneSaysWhatItReplaced() {
        Agreement old = agreement("old", "De verdeling van het gemeentefonds gaat per 1 januari 2022 in.", LocalDate.of(2020, 3, 5));
        Agreement moved = agreement("new", "De verdeling van het gemeentefonds gaat niet in 2022 in, maar op 1 januari 2023.",
                LocalDate.of(2020, 12, 8));
        List<Agreement> all = List.of(old.withSupersededBy(Optional.of("new")), moved);
        List<DatedItem> items = Timeline.of(all, LocalDate.of(2021, 1, 1));
        assertEquals(List.of("1 januari 2023=komend"), labels(items));
        assertEquals(List.of("old"), items.getFirst().replaces().stream().map(Agreement::id).toList());
        assertEquals(List.of("per 1 januari 2022"), items.getFirst().replacedDates().stream().map(Deadline::label).toList(),
                "the old agreement's own date");
        DatedItem alone = Timeline.of(List.of(moved), LocalDate.of(2021, 1, 1)).getFirst();
        assertEquals(List.of("in 2022"), alone.replacedDates().stream().map(Deadline::label).toList(),
                "without the old agreement: the date the sentence says it replaces");
        assertTrue(items.getFirst().moved());
        List<DatedItem> withOld = Timeline.withSuperseded(all, LocalDate.of(2021, 1, 1));
        assertEquals(List.of("1 januari 2023=komend", "per 1 januari 2022=komend"), labels(withOld));
        assertTrue(withOld.get(1).superseded());
    }

    private static Deadline day(String day, Kind kind) {
        LocalDate d = LocalDate.parse(day);
        return new Deadline(day, d, d, Precision.DAY, kind);
    }

    private static Deadline year(int y, Kind kind) {
        return new Deadline("in " + y, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Precision.YEAR, kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        2021-12-31 | DEADLINE  | die termijn is verstreken
        2026-12-01 | DEADLINE  | die termijn loopt nog
        2026-12-01 | EVENT     | dat is vandaag
        2026-12-02 | EVENT     | dat is morgen
        2026-12-05 | DEADLINE  | dat is over 4 dagen
        2026-12-20 | DEADLINE  | dat is over 3 weken
        2027-05-01 | DEADLINE  | dat is over 5 maanden
        2029-12-01 | DEADLINE  | dat is over 3 jaar
        2027-12-10 | START     | dat is over een jaar
        2018-06-01 | EVENT     | dat is voorbij
        2018-06-01 | REFERENCE | dat is een peildatum, geen termijn
        2018-06-01 | REPLACED  | die datum is vervangen
        2018-06-01 | RECURRING | dat komt steeds terug
        """)
    void aPhraseSaysWhereADateStandsToday(String day, Kind kind, String phrase) {
        assertEquals(phrase, Timeline.phrase(day(day, kind), TODAY));
    }

    @Test
    void aYearIsCountedInYears() {
        assertEquals("dat is over 3 jaar", Timeline.phrase(year(2029, Kind.TARGET), TODAY));
        assertEquals("dat is volgend jaar", Timeline.phrase(year(2027, Kind.DEADLINE), TODAY));
        assertEquals("die termijn loopt nog", Timeline.phrase(year(2026, Kind.DEADLINE), TODAY));
        assertEquals("die termijn is verstreken", Timeline.phrase(year(2021, Kind.DEADLINE), TODAY));
    }
}

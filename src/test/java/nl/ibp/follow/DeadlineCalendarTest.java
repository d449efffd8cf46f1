package nl.ibp.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.ibp.agreements.Agreement;
import org.junit.jupiter.api.Test;

class DeadlineCalendarTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 2, 1);
    private static final Instant STAMP = Instant.parse("2021-02-01T08:00:00Z");
    private static final Agreement DAY = Agreements.dated("a1", 1, "Gemeenten stellen een plan vast; "
            + "deze zin is lang genoeg om gevouwen te worden, met een komma, een puntkomma; en é-tekens.",
            Agreements.day(LocalDate.of(2021, 6, 1)), LocalDate.of(2021, 1, 10));
    private static final Agreement YEAR = Agreements.dated("a2", 6, "Het Rijk evalueert de regeling.",
            Agreements.year(2021), LocalDate.of(2021, 1, 10));
    private static final Agreement MONTH = Agreements.dated("a3", 6, "De monitor verschijnt.",
            Agreements.month(2021, 5), LocalDate.of(2021, 1, 10));

    static Map<String, VEvent> events(String ics) throws Exception {
        Calendar c = new CalendarBuilder().build(new StringReader(ics));
        return c.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(e -> e.getProperty(Property.UID).orElseThrow().getValue(), e -> e));
    }

    static String value(VEvent e, String property) {
        return e.getProperty(property).map(Property::getValue).orElse("");
    }

    @Test
    void oneAllDayEventPerDeadlineOnItsLastDayWithThePrecisionInTheSummary() throws Exception {
        String ics = DeadlineCalendar.ics(List.of(DAY, YEAR, MONTH), TODAY, OptionalInt.empty(), STAMP);
        assertTrue(ics.contains("\r\n"), "CRLF line ends");
        assertTrue(ics.lines().allMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75),
                "folded at 75 octets");
        Map<String, VEvent> events = events(ics);
        assertEquals(3, events.size());
        Map<String, VEvent> bySummary = events.values().stream()
                .collect(Collectors.toMap(e -> value(e, Property.SUMMARY), e -> e));
        VEvent year = bySummary.get("uiterlijk eind 2021: Het Rijk evalueert de regeling.");
        assertEquals("20211231", value(year, Property.DTSTART));
        assertEquals("20220101", value(year, Property.DTEND));
        assertEquals("DATE", year.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue());
        VEvent month = bySummary.get("uiterlijk eind mei 2021: De monitor verschijnt.");
        assertEquals("20210531", value(month, Property.DTSTART));
        VEvent day = bySummary.get(DAY.text());
        assertEquals("20210601", value(day, Property.DTSTART));
        String description = value(day, Property.DESCRIPTION);
        assertTrue(description.contains("Wie: gemeenten (trekker)"), description);
        assertTrue(description.contains("Bron: Brief a1, 10 januari 2021 – Afspraken"), description);
    }

    @Test
    void aMovedDeadlineKeepsItsUidWithTheNewDateAndTheOldOneIsLeftOut() throws Exception {
        String before = DeadlineCalendar.ics(List.of(DAY, YEAR), TODAY, OptionalInt.empty(), STAMP);
        Agreement mover = Agreements.dated("a9", 1, "Het plan is uitgesteld tot 1 oktober.",
                Agreements.day(LocalDate.of(2021, 10, 1)), LocalDate.of(2021, 5, 1));
        String after = DeadlineCalendar.ics(List.of(DAY.withSupersededBy(Optional.of("a9")), YEAR, mover), TODAY,
                OptionalInt.empty(), STAMP);
        Map<String, VEvent> old = events(before);
        Map<String, VEvent> now = events(after);
        assertEquals(old.keySet(), now.keySet(), "the same UIDs: a re-import updates");
        String uid = old.entrySet().stream().filter(e -> value(e.getValue(), Property.DTSTART).equals("20210601"))
                .findFirst().orElseThrow().getKey();
        assertEquals("20211001", value(now.get(uid), Property.DTSTART));
        assertEquals("1", value(now.get(uid), Property.SEQUENCE), "a higher sequence for the changed event");
        assertEquals(mover.text(), value(now.get(uid), Property.SUMMARY));
    }

    @Test
    void oneOpgaveOnly() throws Exception {
        assertEquals(2, events(DeadlineCalendar.ics(List.of(DAY, YEAR, MONTH), TODAY, OptionalInt.of(6), STAMP)).size());
    }
}

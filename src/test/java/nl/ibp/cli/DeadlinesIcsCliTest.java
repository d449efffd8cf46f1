package nl.ibp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ibp deadlines --ics}: parsed back with ical4j; the UIDs of one index run are there in the
 * next, and the deadline a later letter moved keeps its UID with the new date.
 */
@org.junit.jupiter.api.Tag("slow")
class DeadlinesIcsCliTest {

    @TempDir
    Path tmp;

    private static void letter(Path corpus, String file, String title, String date, String text) throws IOException {
        Files.writeString(corpus.resolve(file), text);
        Files.writeString(corpus.resolve(file + ".meta.properties"), "title=" + title + "\ndate=" + date + "\ntype=ledenbrief\n");
    }

    private static Map<String, VEvent> events(Path ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(Files.readString(ics))).<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(e -> e.getProperty(Property.UID).orElseThrow().getValue(), e -> e));
    }

    private static String start(VEvent e) {
        return e.getProperty(Property.DTSTART).orElseThrow().getValue();
    }

    @Test
    void uidsAreStableAcrossIndexRunsAndAMovedDeadlineKeepsItsUid() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        letter(corpus, "herijking-maart.txt", "Herijking gemeentefonds uitgesteld", "2020-03-05", """
                # Herijking gemeentefonds

                De nieuwe verdeling van het gemeentefonds gaat niet per 1 januari 2021 in, maar een jaar later, per 1 januari 2022.

                Gemeenten leveren uiterlijk 1 oktober 2020 hun reactie op de nieuwe verdeling aan.
                """);
        CliTest.Run r = CliTest.run("", "index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        Path first = tmp.resolve("eerste.ics");
        r = CliTest.run("", "deadlines", "--ics", "-o", first.toString(), "--now", "2020-06-01T09:00", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Agendabestand geschreven"), r.err());

        letter(corpus, "verdeling-december.txt", "Verdeling gemeentefonds naar 2023", "2020-12-08", """
                # Verdeling gemeentefonds

                De nieuwe verdeling van het gemeentefonds gaat niet in 2022 in, maar op 1 januari 2023.

                Het woonplaatsbeginsel wordt per 1 januari 2022 in de bestaande verdeling van het gemeentefonds verwerkt.
                """);
        r = CliTest.run("", "index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        Path second = tmp.resolve("tweede.ics");
        r = CliTest.run("", "deadlines", "--ics", "-o", second.toString(), "--now", "2020-12-10T09:00", "--index", index.toString());
        assertEquals(0, r.code(), r.err());

        Map<String, VEvent> before = events(first);
        Map<String, VEvent> after = events(second);
        assertEquals(2, before.size(), before.values().toString());
        assertTrue(after.keySet().containsAll(before.keySet()), "every UID of the first run is in the second");
        String moved = before.entrySet().stream().filter(e -> start(e.getValue()).equals("20220101")).findFirst()
                .orElseThrow().getKey();
        assertEquals("20230101", start(after.get(moved)), "the moved deadline: same UID, new date");
        assertEquals("1", after.get(moved).getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertTrue(after.values().stream().anyMatch(e -> e.getProperty(Property.SUMMARY).orElseThrow().getValue()
                .contains("woonplaatsbeginsel")), "the new letter's own date is an event too");

        // the same run again: the same file apart from nothing (DTSTAMP from --now)
        Path again = tmp.resolve("nogmaals.ics");
        r = CliTest.run("", "deadlines", "--ics", "-o", again.toString(), "--now", "2020-12-10T09:00", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(second), Files.readString(again));
    }

    @Test
    void badUseGetsADutchMessage() throws Exception {
        CliTest.Run r = CliTest.run("", "deadlines", "-o", tmp.resolve("x.ics").toString(), "--index", tmp.resolve("i").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("hoort bij --ics"), r.err());
        r = CliTest.run("", "deadlines", "--ics", "--now", "gisteren", "--index", tmp.resolve("i").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("geen tijdstip"), r.err());
    }
}

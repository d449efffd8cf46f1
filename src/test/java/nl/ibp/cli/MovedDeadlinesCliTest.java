package nl.ibp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A later letter moves a deadline of an earlier one: letters written here, indexed, then the commands. */
class MovedDeadlinesCliTest {

    @TempDir
    static Path tmp;
    static Path index;

    private static void letter(Path corpus, String file, String title, String date, String text) throws IOException {
        Files.writeString(corpus.resolve(file), text);
        Files.writeString(corpus.resolve(file + ".meta.properties"), "title=" + title + "\ndate=" + date + "\ntype=ledenbrief\n");
    }

    @BeforeAll
    static void indexTwoLetters() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        letter(corpus, "herijking-maart.txt", "Herijking gemeentefonds uitgesteld", "2020-03-05", """
                # Herijking gemeentefonds

                De nieuwe verdeling van het gemeentefonds gaat niet per 1 januari 2021 in, maar een jaar later, per 1 januari 2022.

                De fondsbeheerders nemen direct na de zomer van 2020 een besluit over de nieuwe verdeling.

                De verdeling is ten opzichte van 1997 sterk veranderd; vier keer per jaar is er overleg.
                """);
        letter(corpus, "verdeling-december.txt", "Verdeling gemeentefonds naar 2023", "2020-12-08", """
                # Verdeling gemeentefonds

                De nieuwe verdeling van het gemeentefonds gaat niet in 2022 in, maar op 1 januari 2023.

                Het woonplaatsbeginsel wordt per 1 januari 2022 in de bestaande verdeling van het gemeentefonds verwerkt.
                """);
        index = tmp.resolve("index");
        CliTest.Run r = CliTest.run("", "index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void afsprakenJsonMarksTheOldAgreementSupersededByTheNewOne() throws IOException {
        CliTest.Run r = CliTest.run("", "afspraken", "--json", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            rows.add(json.readTree(line));
        }
        JsonNode old = rows.stream().filter(n -> n.get("text").asText().contains("een jaar later")).findFirst().orElseThrow();
        JsonNode newer = rows.stream().filter(n -> n.get("text").asText().contains("maar op 1 januari 2023")).findFirst().orElseThrow();
        assertEquals(newer.get("id").asText(), old.get("superseded_by").asText(), r.out());
        assertTrue(newer.get("superseded_by").isNull());
        assertEquals("replaced", newer.get("deadlines").get(0).get("kind").asText(), "the date it replaces keeps its role");
        assertEquals("herijking-maart.txt", old.get("source").get("document").asText(), "the old one is kept with its source");
        assertTrue(rows.stream().allMatch(n -> n.has("superseded_by")));
    }

    @Test
    void deadlinesShowTheCurrentDateFirstAndSayItMovedFromWhatAndByWhichDocument() {
        CliTest.Run r = CliTest.run("", "deadlines", "--today", "2021-06-01", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(1).startsWith("2022-01-01") && lines.get(1).contains("woonplaatsbeginsel"), r.out());
        int current = indexOf(lines, "maar op 1 januari 2023");
        assertTrue(current > 0, r.out());
        assertTrue(lines.get(current).contains("komend"), r.out());
        assertTrue(lines.get(current + 1).contains("verschoven; eerder per 1 januari 2022 (Herijking gemeentefonds uitgesteld, "
                + "5 maart 2020); nu volgens Verdeling gemeentefonds naar 2023, 8 december 2020"), r.out());
        assertFalse(r.out().contains("een jaar later"), "the superseded agreement is not current: " + r.out());
        assertFalse(r.out().contains("1997") || r.out().contains("vier keer per jaar"), "no reference year, no rhythm: " + r.out());
        assertTrue(r.out().contains("verstreken") && indexOf(lines, "verstreken") > current, "passed last: " + r.out());

        CliTest.Run all = CliTest.run("", "deadlines", "--vervallen", "--today", "2021-06-01", "--index", index.toString());
        List<String> rows = all.out().lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).toList();
        assertTrue(rows.getLast().contains("vervallen") && rows.getLast().contains("een jaar later"), all.out());
        assertTrue(all.out().contains("↳ vervallen; nu 1 januari 2023 volgens Verdeling gemeentefonds naar 2023"), all.out());
        assertTrue(all.out().contains("een jaar later"), all.out());
    }

    @Test
    void theOpgaveCardShowsTheMovedDate() {
        CliTest.Run r = CliTest.run("", "opgave", "9", "--today", "2021-06-01", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        String terms = r.out().substring(r.out().indexOf("\nTermijnen:"));
        assertTrue(terms.contains("(komend, moment)  1 januari 2023: De nieuwe verdeling"), r.out());
        assertTrue(terms.contains("↳ verschoven; eerder per 1 januari 2022"), r.out());
        assertFalse(terms.contains("een jaar later"), r.out());
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}

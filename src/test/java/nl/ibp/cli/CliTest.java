package nl.ibp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.ibp.TestCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in process, on a copy of the shipped corpus. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path corpus;
    static Path index;

    record Run(int code, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new BufferedReader(new StringReader(stdin)), new PrintWriter(out),
                new PrintWriter(err), false);
        int code = Main.execute(terminal, args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void indexTheCorpus() throws IOException {
        corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Run r = run("", "index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("toegevoegd: 2"), r.out());
        // Each new file is listed with the date and title found and where each came from.
        assertTrue(r.out().contains("toegevoegd: programmastart-ibp.txt — datum 2018-02-14 (sidecar), titel \"Programmastart IBP\" (sidecar)"),
                r.out());
    }

    @Test
    void askJsonlAnswersEachLineInOrderWithTheContractFields() throws IOException {
        String long7000 = "klimaat ".repeat(875);
        String stdin = String.join("\n", "Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?",
                "klimaat AND (wonen OR \"gas*\") ~2 [a TO z] {x} ^3 \\ / !", "", long7000, "wie is de algemeen directeur van de VNG?");
        Run r = run(stdin, "ask", "--jsonl", "--top", "3", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());

        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?", first.get("question").asText());
        JsonNode top = first.get("passages").get(0);
        for (String field : List.of("rank", "id", "text", "answer", "document", "title", "date", "section", "opgave", "score")) {
            assertTrue(top.has(field), "missing field " + field + " in " + top);
        }
        assertEquals(1, top.get("rank").asInt());
        assertTrue(top.get("text").asText().contains("uiterlijk in 2021 een planning"), top.toString());
        assertTrue(top.get("answer").asText().contains("2021"), top.get("answer").asText());
        assertTrue(top.get("text").asText().contains(top.get("answer").asText()));
        assertEquals(1, top.get("opgave").asInt());
        assertEquals("2018-02-14", top.get("date").asText());
        assertEquals("programmastart-ibp.txt", top.get("document").asText());

        JsonNode syntax = JSON.readTree(lines.get(1));
        assertTrue(syntax.get("passages").size() > 0, "query syntax is read as words, not parsed");
        assertEquals(long7000.strip(), JSON.readTree(lines.get(2)).get("question").asText());
        assertTrue(JSON.readTree(lines.get(2)).get("passages").size() > 0);
        JsonNode vng = JSON.readTree(lines.get(3)).get("passages").get(0);
        assertTrue(vng.get("text").asText().contains("Jantine Kriens"), vng.toString());
        assertTrue(vng.get("opgave").isNull());
    }

    @Test
    void askForPeopleLeadsWithTheAnswerSentenceAndTheSource() {
        Run r = run("", "ask", "--index", index.toString(), "Wie", "voert", "de", "regie", "over", "het", "Klimaatakkoord?");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Het Klimaatakkoord komt tot stand onder regie van de minister van EZK."), r.out());
        assertTrue(r.out().contains("\nBron: Programmastart IBP (14 februari 2018)"), r.out());
        String lead = r.out().lines().findFirst().orElseThrow();
        assertEquals(1, r.out().split(java.util.regex.Pattern.quote(lead), -1).length - 1, "the answer is not repeated: " + r.out());
        Run withPassage = run("", "ask", "--index", index.toString(), "--passage", "Wie voert de regie over het Klimaatakkoord?");
        assertTrue(withPassage.out().contains("\n1. Programmastart IBP"), withPassage.out());
    }

    @Test
    void aQuestionOfOnlyStopwordsSaysNothingWasFound() {
        Run r = run("", "ask", "--index", index.toString(), "wat", "is", "het?");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Daarop vind ik geen goed antwoord"), r.out());
    }

    @Test
    void badUsageGetsAMessageAndAnExitCodeNeverAStackTrace() {
        Run noIndex = run("", "ask", "--index", tmp.resolve("geen-index").toString(), "klimaat");
        assertEquals(ExitCodes.FAILURE, noIndex.code());
        assertTrue(noIndex.err().contains("geen index in"), noIndex.err());
        assertFalse(noIndex.err().contains("\tat "), noIndex.err());

        Run noQuestion = run("", "ask", "--index", index.toString());
        assertEquals(ExitCodes.USAGE, noQuestion.code());
        Run badTop = run("", "ask", "--index", index.toString(), "--top", "0", "klimaat");
        assertEquals(ExitCodes.USAGE, badTop.code());
        Run unknown = run("", "frobnicate");
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertFalse(unknown.err().contains("\tat "), unknown.err());
    }

    @Test
    void indexStrictFailsWhenAFileWasSkipped() throws IOException {
        Path strictCorpus = TestCorpus.copyTo(tmp.resolve("strict-corpus"));
        Files.write(strictCorpus.resolve("leeg.docx"), new byte[0]);
        String idx = tmp.resolve("strict-index").toString();
        Run lenient = run("", "index", "--corpus", strictCorpus.toString(), "--index", idx);
        assertEquals(0, lenient.code());
        assertTrue(lenient.out().contains("overgeslagen: leeg.docx (empty file)"), lenient.out());
        Run strict = run("", "index", "--strict", "--corpus", strictCorpus.toString(), "--index", idx);
        assertEquals(ExitCodes.SKIPPED, strict.code());
    }

    @Test
    void theChatAnswersTypedQuestionsUntilAnEmptyLine() {
        Run r = run("Wie voert de regie over het Klimaatakkoord?\nen wat is daarbij de tussenstap?\n\n", "chat", "--corpus", corpus.toString(),
                "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Vraag: "), r.out());
        assertTrue(r.out().contains("minister van EZK"), r.out());
        assertTrue(r.out().contains("Over opgave 1"), "the second line is read as a follow-up: " + r.out());
        assertTrue(r.out().contains("Bron: "), r.out());
        assertTrue(r.out().contains("Tot ziens."), r.out());
    }

    @Test
    void evalReportsTheMetricsBesideTheBaseline() throws IOException {
        Path questions = tmp.resolve("q.jsonl");
        Files.writeString(questions, """
                {"id": "t1", "question": "Wie is de algemeen directeur van de VNG?", "expect": [["Jantine Kriens"]]}
                {"id": "t2", "question": "Hoeveel krimpregio's zijn er?", "expect": [["20 regio's"]]}
                """);
        Run r = run("", "eval", "--corpus", corpus.toString(), "--index", index.toString(), "--questions", questions.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("IBP-assistent"), r.out());
        assertTrue(r.out().contains("baseline (StandardAnalyzer)"), r.out());
        assertTrue(r.out().contains("hit@1"), r.out());
    }

    @Test
    void opgavenListsAllTenWithCounts() {
        Run r = run("", "opgaven", "--index", index.toString(), "--today", "2019-06-01");
        assertEquals(0, r.code(), r.err());
        assertEquals(11, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("  1  Samen aan de slag voor het klimaat"), r.out());
        assertTrue(r.out().contains(" 10  Overkoepelende thema's"), r.out());
    }

    @Test
    void opgaveShowsAmbitionDeadlinesActorsAndSources() {
        Run r = run("", "opgave", "1", "--index", index.toString(), "--today", "2019-06-01");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("1. Samen aan de slag voor het klimaat (fysiek)"), r.out());
        assertTrue(r.out().contains("\nAmbitie (Programmastart IBP – "), r.out());
        assertTrue(r.out().contains("49 % CO₂-reductie in 2030"), r.out());
        assertTrue(r.out().contains("  2019 (loopt, termijn)  uiterlijk in 2019: Met behulp van de stresstesten"), r.out());
        assertTrue(r.out().contains("(verstreken, "), r.out());
        assertTrue(r.out().contains("\nTerugkerend:\n  Vier keer per jaar: "), r.out());
        String terms = r.out().substring(r.out().indexOf("\nTermijnen:"), r.out().indexOf("\nTerugkerend:"));
        assertTrue(terms.indexOf("(loopt") < terms.indexOf("(verstreken"), "open before passed: " + terms);
        assertTrue(!terms.contains("  1990 (") && !terms.contains("Vier keer per jaar"), "no reference year, no rhythm: " + terms);
        assertTrue(r.out().contains("IPO (voortouw)"), r.out());
        Run bad = run("", "opgave", "11", "--index", index.toString());
        assertEquals(ExitCodes.USAGE, bad.code());
    }

    @Test
    void deadlinesFilterByOpgavePeriodAndWhetherTheyHavePassed() {
        Run past = run("", "deadlines", "--opgave", "1", "--past", "--today", "2020-01-01", "--index", index.toString());
        assertEquals(0, past.code(), past.err());
        assertTrue(past.out().contains("uiterlijk in 2019"), past.out());
        assertFalse(past.out().contains("komend"), past.out());
        Run upcoming = run("", "deadlines", "--opgave", "1", "--upcoming", "--today", "2020-01-01", "--index", index.toString());
        assertTrue(upcoming.out().contains("uiterlijk in 2021"), upcoming.out());
        assertFalse(upcoming.out().contains("uiterlijk in 2019"), upcoming.out());
        Run window = run("", "deadlines", "--from", "2040-01-01", "--to", "2040-12-31", "--index", index.toString());
        assertTrue(window.out().lines().skip(1).allMatch(l -> l.contains("2040")), window.out());
        Run now = run("", "deadlines", "--upcoming", "--today", "2026-12-01", "--index", index.toString());
        List<String> rows = now.out().lines().skip(1).toList();
        assertTrue(rows.stream().noneMatch(l -> l.contains("terugkerend") || l.contains("Vier keer per jaar")), now.out());
        assertTrue(rows.stream().filter(l -> l.contains("gebouwde omgeving in 2050")).allMatch(l -> l.contains(" doel ")),
                "2050 is a goal: " + now.out());
        assertTrue(rows.stream().noneMatch(l -> l.contains("uiterlijk in 2021")), "2021 passed, whatever else its sentence names");
        Run both = run("", "deadlines", "--past", "--upcoming", "--index", index.toString());
        assertEquals(ExitCodes.USAGE, both.code());
    }

    @Test
    void afsprakenJsonIsTheContract() throws IOException {
        Run r = run("", "afspraken", "--opgave", "1", "--json", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() > 20, "agreements: " + lines.size());
        JsonNode planning = null;
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            for (String field : List.of("id", "opgave", "text", "deadlines", "actors", "source", "status", "curated",
                    "superseded_by")) {
                assertTrue(n.has(field), "missing " + field + " in " + line);
            }
            assertEquals(1, n.get("opgave").get("number").asInt());
            if (n.get("text").asText().contains("uiterlijk in 2021 een planning")) {
                planning = n;
            }
        }
        assertTrue(planning != null, "the planning agreement is listed");
        JsonNode deadline = planning.get("deadlines").get(0);
        assertEquals("uiterlijk in 2021", deadline.get("label").asText());
        assertEquals("2021-01-01", deadline.get("start").asText());
        assertEquals("2021-12-31", deadline.get("end").asText());
        assertEquals("year", deadline.get("precision").asText());
        assertEquals("deadline", deadline.get("kind").asText());
        assertEquals("gemeenten", planning.get("actors").get(0).get("name").asText());
        assertEquals("programmastart-ibp.txt", planning.get("source").get("document").asText());
        assertEquals("open", planning.get("status").asText());
    }

    @Test
    void askJsonlCarriesTheOpgaveAndTheAgreements() throws IOException {
        Run r = run("wie neemt het voortouw bij de regionale energie- en klimaatstrategieen?\n", "ask", "--jsonl",
                "--index", index.toString());
        JsonNode line = JSON.readTree(r.out().lines().findFirst().orElseThrow());
        assertEquals(1, line.get("opgave").get("number").asInt());
        assertTrue(line.get("agreements").size() > 0, line.toString());
        assertTrue(line.get("agreements").get(0).get("text").asText().contains("voortouw"), line.toString());
    }

    @Test
    void whereDocumentsDisagreeTheAnswerShowsBothNewestFirst() throws IOException {
        Run r = run("Wanneer gaat de integratie-uitkering sociaal domein naar de algemene uitkering?\n", "ask", "--jsonl",
                "--index", index.toString());
        JsonNode agreements = JSON.readTree(r.out().lines().findFirst().orElseThrow()).get("agreements");
        List<String> texts = new java.util.ArrayList<>();
        agreements.forEach(a -> texts.add(a.get("source").get("document").asText() + ": " + a.get("text").asText()));
        int letter = -1;
        int programme = -1;
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains("In 2020 zal de overheveling van de integratie-uitkering")) {
                letter = i;
            }
            if (texts.get(i).contains("Per 2019 gaan de volgende onderdelen over")) {
                programme = i;
            }
        }
        assertTrue(letter >= 0 && programme >= 0, texts.toString());
        assertTrue(letter < programme, "the letter (15 February) is newer than the Programmastart (14 February): " + texts);
    }

    @Test
    void unansweredQuestionsFromTheChatAreListedNewestFirstWithoutNames() {
        Run chat = run("wat is de hoofdstad van Australië\nWie is de burgemeester van Zwolle?\n\n", "chat",
                "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, chat.code(), chat.err());
        assertTrue(chat.out().contains("geen goed antwoord"), chat.out());
        Run list = run("", "vragen", "--onbeantwoord", "--index", index.toString());
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().toList();
        int zwolle = lines.indexOf(lines.stream().filter(l -> l.contains("Zwolle")).findFirst().orElseThrow());
        int australia = lines.indexOf(lines.stream().filter(l -> l.contains("Australië")).findFirst().orElseThrow());
        assertTrue(zwolle <= australia, "newest first: " + list.out());
        Run bad = run("", "vragen", "--index", index.toString());
        assertEquals(ExitCodes.USAGE, bad.code(), "the kind must be named: " + bad.err());
    }
}

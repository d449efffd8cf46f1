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
        assertTrue(r.out().startsWith("Afspraken (opgave 1, Samen aan de slag voor het klimaat):\n"
                + "- Het Klimaatakkoord komt tot stand onder regie van de minister van EZK.\n"
                + "     wie: minister van EZK (regie)"), r.out());
        assertTrue(r.out().contains("\nAntwoord: Het Klimaatakkoord komt tot stand onder regie van de minister van EZK."), r.out());
        assertTrue(r.out().contains("Programmastart IBP (14 februari 2018)"), r.out());
    }

    @Test
    void aQuestionOfOnlyStopwordsSaysNothingWasFound() {
        Run r = run("", "ask", "--index", index.toString(), "wat", "is", "het?");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Daarover vind ik niets"), r.out());
    }

    @Test
    void badUsageGetsAMessageAndAnExitCodeNeverAStackTrace() {
        Run noIndex = run("", "ask", "--index", tmp.resolve("geen-index").toString(), "klimaat");
        assertEquals(ExitCodes.FAILURE, noIndex.code());
        assertTrue(noIndex.err().contains("no index in") || noIndex.err().contains("geen index"), noIndex.err());
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
        Run r = run("Hoeveel krimpregio's zijn er?\n\n", "chat", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Vraag: "), r.out());
        assertTrue(r.out().contains("Antwoord: "), r.out());
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
}

package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.ibp.cli.Main;
import nl.ibp.cli.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibp feedback}: what the bot stored, newest first, for maintainers. */
class FeedbackCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(out),
                new PrintWriter(err), false), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listsTheFeedbackNewestFirst() throws Exception {
        Path index = Files.createDirectories(tmp.resolve("index"));
        try (BotStore store = BotStore.open(index)) {
            store.addFeedback("Wanneer van het gas af?", "aaa111", 1, Instant.parse("2026-01-01T10:00:00Z"));
            store.addFeedback("Wie doet de RES?", "bbb222", -1, Instant.parse("2026-03-01T10:00:00Z"));
            store.addFeedback("Wat is opgave 6?", "ccc333", 1, Instant.parse("2026-02-01T10:00:00Z"));
        }
        Run r = run("feedback", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).contains("👎") && lines.get(0).contains("bbb222") && lines.get(0).contains("Wie doet de RES?"), r.out());
        assertTrue(lines.get(1).contains("ccc333") && lines.get(1).contains("👍"), r.out());
        assertTrue(lines.get(2).contains("aaa111") && lines.get(2).contains("2026-01-01"), r.out());

        Run j = run("feedback", "--index", index.toString(), "--json");
        assertEquals(0, j.code(), j.err());
        List<String> objects = j.out().lines().toList();
        assertEquals(3, objects.size());
        assertEquals("{\"time\":\"2026-03-01T10:00:00Z\",\"question\":\"Wie doet de RES?\",\"passage\":\"bbb222\",\"vote\":\"down\"}",
                objects.getFirst());
        assertTrue(objects.get(2).contains("\"vote\":\"up\""));
    }

    @Test
    void noFeedbackYetIsSaid() throws Exception {
        Path index = Files.createDirectories(tmp.resolve("index"));
        BotStore.open(index).close();
        Run r = run("feedback", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Nog geen reacties"), r.out());
        assertEquals("", run("feedback", "--index", index.toString(), "--json").out());
    }

    @Test
    void aMissingIndexIsAClearMessageWithoutAStackTrace() {
        Path missing = tmp.resolve("nowhere");
        Run r = run("feedback", "--index", missing.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("ibp index"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(missing), "listing must not create an index");
    }
}

package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.config.Build;
import nl.ibp.index.IndexLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** /status and /reindex: admins only, in a private chat; a re-index swaps the index without a restart. */
class MaintainerCommandsTest {

    static final long ADMIN = 42;
    static final long OTHER = 4711;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static Path index;
    static BotStore store;
    static ChatHandler handler;
    static final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    /** The outbox waits for this before it reports, so a test can act while a re-index is still running. */
    static volatile CountDownLatch reportGate = new CountDownLatch(0);
    static ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void open() throws Exception {
        index = BotFixture.index(tmp);
        store = BotStore.open(index);
        handler = ChatHandler.open(new IndexLayout(index), tmp.resolve("corpus"), store, CLOCK,
                new RateLimiter(1000, 60_000, CLOCK));
        handler.connect(Set.of(ADMIN), (chat, message) -> {
            try {
                reportGate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.add(chat + ": " + message.html());
        });
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(Maintenance.class)).addAppender(logs);
    }

    @AfterAll
    static void close() throws Exception {
        ((Logger) LoggerFactory.getLogger(Maintenance.class)).detachAppender(logs);
        handler.close();
        store.close();
    }

    static String say(long chat, long user, String text) throws Exception {
        List<Reply> replies = handler.handle(new Incoming.Text(chat, user, text));
        assertEquals(1, replies.size(), replies.toString());
        Reply.Message m = (Reply.Message) replies.getFirst();
        HtmlCheck.valid(m.html());
        return m.html();
    }

    @Test
    void othersAreRefusedPolitelyAndLoggedByUserId() throws Exception {
        for (String command : List.of("/reindex", "/status")) {
            logs.list.clear();
            String reply = say(OTHER, OTHER, command);
            assertTrue(reply.contains("alleen voor de beheerders"), reply);
            assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("refused " + command)
                    && e.getFormattedMessage().contains("user " + OTHER)), logs.list.toString());
        }
        assertNull(sent.poll(300, TimeUnit.MILLISECONDS), "a refused /reindex indexes nothing");
    }

    @Test
    void anAdminInAGroupIsSentToThePrivateChat() throws Exception {
        String reply = say(-100123, ADMIN, "/reindex@ibp_bot");
        assertTrue(reply.contains("privégesprek"), reply);
        assertNull(sent.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void statusShowsTheIndexVersionAndUptime() throws Exception {
        String reply = say(ADMIN, ADMIN, "/status");
        assertTrue(reply.matches("(?s).*Documenten: [23]\\b.*"), reply); // 3 once the re-index test added one
        for (String part : List.of("Passages: ", "Afspraken: ", "Geïndexeerd: ", "Laatste herindexering",
                "Versie: " + Html.esc(Build.current().id()), "Actief sinds: 0 d 0 u 0 min")) {
            assertTrue(reply.contains(part), part + " in " + reply);
        }
        assertFalse(reply.contains("Afspraken: 0\n"), reply);
    }

    @Test
    void reindexFindsANewDocumentWithoutARestartAndASecondOneWaits() throws Exception {
        String question = "Wanneer begint de kwallenbestrijding in de havens van Terschelling?";
        assertTrue(say(7, 7, question).contains("geen goed antwoord"), "not in the corpus yet");
        Files.writeString(tmp.resolve("corpus").resolve("kwallen-terschelling.txt"),
                "Kwallenbestrijding Terschelling\n\nDe kwallenbestrijding in de havens van Terschelling begint uiterlijk in 2027. "
                        + "Gemeente Terschelling en het waterschap nemen het voortouw bij de kwallenbestrijding.\n",
                StandardCharsets.UTF_8);
        reportGate = new CountDownLatch(1);
        try {
            assertTrue(say(ADMIN, ADMIN, "/reindex").contains("gestart"));
            String busy = say(ADMIN, ADMIN, "/reindex");
            assertTrue(busy.contains("bezig"), busy);
            // questions are answered meanwhile
            assertNotNull(say(8, 8, "Wat is het Interbestuurlijk Programma?"));
        } finally {
            reportGate.countDown();
        }
        String report = sent.poll(120, TimeUnit.SECONDS);
        assertNotNull(report, "the admin hears how the re-index went");
        assertTrue(report.startsWith(ADMIN + ": "), report);
        assertTrue(report.contains("Index bijgewerkt") && report.contains("toegevoegd 1")
                && report.contains("kwallen-terschelling.txt"), report);
        assertNull(sent.poll(300, TimeUnit.MILLISECONDS), "the refused second run reports nothing");

        String answer = say(9, 9, question);
        assertTrue(answer.contains("Terschelling") && answer.contains("2027"), answer);
        assertTrue(say(ADMIN, ADMIN, "/status").contains("Documenten: 3"));
        assertTrue(say(ADMIN, ADMIN, "/status").contains("bijgewerkt"));

        // nothing changed since: said so, and the index in use stays
        assertTrue(say(ADMIN, ADMIN, "/reindex").contains("gestart"));
        String again = sent.poll(120, TimeUnit.SECONDS);
        assertNotNull(again);
        assertTrue(again.contains("al actueel"), again);
        assertTrue(say(10, 10, question).contains("Terschelling"));
    }

    @Test
    void aSnapshotStaysOpenUntilItsLastAnswerIsDone() throws Exception {
        Snapshot s = Snapshot.open(new IndexLayout(index));
        assertTrue(s.tryAcquire()); // an answer in progress
        s.release(); // the holder swaps it out
        assertFalse(s.isClosed());
        assertFalse(s.engine.ask("Wat is het Interbestuurlijk Programma?", 3).passages().isEmpty());
        s.release(); // the answer is done
        assertTrue(s.isClosed());
        assertFalse(s.tryAcquire(), "a closed snapshot is not handed out again");
    }
}

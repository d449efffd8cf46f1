package nl.ibp.bot;

import static nl.ibp.bot.BotApiStub.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nl.ibp.cli.Main;
import nl.ibp.cli.Terminal;
import nl.ibp.config.Now;
import nl.ibp.follow.FollowStore;
import nl.ibp.index.IndexLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following an opgave through the Telegram adapter against the stub Bot API, on a clock the test
 * moves: one reminder 14 days before a deadline, with its source; not again after a restart;
 * nothing after /ontvolg; one alert to the following chat (none to another) after another process
 * indexed a new document about the opgave; a 403 forgets what the chat followed; /agenda sends a
 * calendar file.
 */
@Tag("slow")
class FollowTelegramTest {

    private static final String TOKEN = "4244:follow-TOKEN_value";
    private static final long A = 501;
    private static final long B = 502;
    private static final long C = 503;
    private static final String REMINDER = "⏰ <b>Herinnering";

    @TempDir
    Path tmp;
    BotApiStub api;
    BotStore store;
    TelegramAssistant bot;
    final AtomicLong updateIds = new AtomicLong(1);
    final MovableClock clock = new MovableClock(at("2018-03-01T09:00"));

    /** A clock the test sets; everything of the bot reads it. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant t) {
            now.set(t);
        }

        @Override
        public ZoneId getZone() {
            return Now.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Now.ZONE).toInstant();
    }

    private void startBot(Path index) throws Exception {
        store = BotStore.open(index);
        BotConfig config = new BotConfig(TOKEN, api.url(), Set.of(), Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5), 4)
                .withRetries(1, Duration.ofMillis(50));
        bot = TelegramAssistant.open(config, new IndexLayout(index), tmp.resolve("corpus"), store, clock,
                new RateLimiter(100, 60_000, Clock.systemUTC()), new Pacer(System::nanoTime), ResponseCheck.TELEGRAM, clock);
        bot.start();
    }

    private void stopBot() throws Exception {
        if (bot != null) {
            bot.close();
            bot = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @AfterEach
    void stop() throws Exception {
        stopBot();
        if (api != null) {
            api.close();
        }
    }

    private void say(long chat, String text, String expected) throws InterruptedException {
        int before = api.texts(chat).size();
        api.add(BotApiStub.message(updateIds.getAndIncrement(), chat, text));
        await(() -> api.texts(chat).size() > before && api.texts(chat).getLast().contains(expected), 30,
                "a reply to '" + text + "' with '" + expected + "'");
    }

    private void tick() throws Exception {
        bot.follow().tick();
    }

    private List<String> containing(long chat, String part) {
        return api.texts(chat).stream().filter(t -> t.contains(part)).toList();
    }

    @Test
    void remindersAndAlertsReachTheFollowersOnceAndA403ForgetsTheChat() throws Exception {
        Path index = BotFixture.index(tmp);
        api = new BotApiStub();
        startBot(index);
        tick(); // the first look at the agreements: no alerts

        say(A, "/volg 1", "U volgt nu");
        say(B, "/volg 6", "U volgt nu");
        say(A, "/volg", "opgave 1");

        // "Dit plan wordt voor 1 mei besproken …" (opgave 1, 1 May 2018): 14 days before, at 08:00.
        clock.set(at("2018-04-17T07:30"));
        tick();
        assertTrue(containing(A, REMINDER).isEmpty(), "not before 08:00: " + containing(A, REMINDER));
        clock.set(at("2018-04-17T09:00"));
        tick();
        tick();
        List<String> reminders = containing(A, REMINDER);
        assertEquals(1, reminders.size(), api.texts(A).toString());
        String reminder = reminders.getFirst();
        assertTrue(reminder.contains("over 14 dagen"), reminder);
        assertTrue(reminder.contains("voor 1 mei besproken"), reminder);
        assertTrue(reminder.contains("bron:") && reminder.contains("Programmastart IBP, 14 februari 2018"), reminder);

        // A restart: nothing claimed is sent again.
        stopBot();
        startBot(index);
        tick();
        tick();
        assertEquals(1, containing(A, REMINDER).size(), "not again after the restart: " + api.texts(A));

        // Another process indexes a new letter about opgave 1; the bot picks the generation up.
        Path corpus = tmp.resolve("corpus");
        Files.writeString(corpus.resolve("brief-warmtevisie-2018.md"), """
                # Samen aan de slag voor het klimaat

                ## Afspraken over de warmtevisie

                Gemeenten stellen uiterlijk 1 december 2018 een warmtevisie vast, samen met de woningcorporaties.
                De minister van BZK stelt uiterlijk 1 oktober 2018 een handreiking voor de warmtevisie beschikbaar.
                """);
        Files.writeString(corpus.resolve("brief-warmtevisie-2018.md.meta.properties"),
                "title=Brief over de warmtevisie\ndate=2018-04-20\ntype=brief\n");
        index(corpus, index);
        int bBefore = api.texts(B).size();
        tick();
        List<String> alerts = containing(A, "Nieuw in de documenten");
        assertEquals(1, alerts.size(), api.texts(A).toString());
        assertTrue(alerts.getFirst().contains("Brief over de warmtevisie"), alerts.getFirst());
        assertTrue(alerts.getFirst().contains("warmtevisie vast"), alerts.getFirst());
        assertTrue(containing(B, "Nieuw in de documenten").isEmpty(), "B follows opgave 6 only: " + api.texts(B));
        tick();
        assertEquals(1, containing(A, "Nieuw in de documenten").size(), "one alert");
        assertTrue(api.texts(B).subList(bBefore, api.texts(B).size()).stream().allMatch(t -> t.startsWith(REMINDER)),
                "nothing to B but its own reminders: " + api.texts(B));

        // /agenda 1: the calendar as a document.
        api.add(BotApiStub.message(updateIds.getAndIncrement(), A, "/agenda 1"));
        await(() -> api.documents().stream().anyMatch(d -> d.chat() == A), 30, "the calendar file");
        String form = api.documents().stream().filter(d -> d.chat() == A).findFirst().orElseThrow().text();
        assertTrue(form.contains("ibp-termijnen-opgave-1.ics") && form.contains("BEGIN:VCALENDAR"), form);
        assertTrue(form.contains("Dit plan wordt voor 1 mei besproken"), "the deadline is in it");

        // /ontvolg 1: nothing more for A, also not the 1-day reminder.
        say(A, "/ontvolg 1", "niet meer");
        FollowStore follows = new FollowStore(store.state());
        say(C, "/volg 1", "U volgt nu");
        api.fail("sendMessage", BotApiStub.Failure.FORBIDDEN, 1); // C blocked the bot meanwhile
        clock.set(at("2018-04-30T09:00"));
        int aBefore = api.texts(A).size();
        tick();
        await(() -> {
            try {
                return follows.following(C).isEmpty();
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }, 20, "the 403 forgets what C followed");
        assertFalse(store.isActive(C));
        tick();
        assertEquals(aBefore, api.texts(A).size(), "after /ontvolg nothing more: " + api.texts(A));
        assertTrue(follows.following(A).isEmpty());
    }

    private static void index(Path corpus, Path index) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(out), new PrintWriter(err), false);
        int code = Main.execute(terminal, "index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, code, err.toString());
    }
}

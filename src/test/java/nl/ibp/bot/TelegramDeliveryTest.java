package nl.ibp.bot;

import static nl.ibp.bot.BotApiStub.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ibp.bot.BotApiStub.Failure;
import nl.ibp.bot.BotStore.Outcome;
import nl.ibp.bot.Handler.Button;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The adapter's delivery guarantees against a stub Bot API with Telegram's offset semantics:
 * answers that are not Telegram's JSON are failures, drops are logged and confirmed, lower ids
 * are accepted, resent updates answered once, a stored plan resumed, edits made in place, and
 * every button press answered.
 */
class TelegramDeliveryTest {

    private static final String TOKEN = "4244:delivery-TOKEN_value";

    @TempDir
    Path tmp;
    BotApiStub api;
    BotStore store;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() throws Exception {
        api = new BotApiStub();
        store = BotStore.open(tmp);
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger("nl.ibp.bot")).addAppender(logs);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger("nl.ibp.bot")).detachAppender(logs);
        store.close();
        api.close();
    }

    private BotConfig config() {
        return new BotConfig(TOKEN, api.url(), Set.of(), Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5), 4)
                .withRetries(3, Duration.ofMillis(100));
    }

    private TelegramBot bot(Handler handler) {
        return new TelegramBot(config(), handler, store);
    }

    private static Handler echo() {
        return in -> List.of(new Reply.Message("echo " + ((Incoming.Text) in).text()));
    }

    private boolean logged(String part) {
        return List.copyOf(logs.list).stream().anyMatch(e -> e.getFormattedMessage().contains(part));
    }

    private List<Outcome> outcomes(long updateId) {
        try {
            return store.outcomes(updateId);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anHtml502FromSendMessageIsRetriedThenApologisedForAndNotRecordedAsDelivered() throws Exception {
        api.fail("sendMessage", Failure.HTML_502, 4); // the first try and all three retries
        api.add(BotApiStub.message(1, 5, "hallo"));
        try (TelegramBot bot = bot(echo())) {
            bot.start();
            await(() -> !outcomes(1).isEmpty(), 20, "the update's outcome");
        }
        List<String> tried = api.calls("sendMessage").stream().map(c -> c.body().path("text").asText()).toList();
        assertEquals(List.of("echo hallo", "echo hallo", "echo hallo", "echo hallo", Html.esc(TelegramBot.APOLOGY)), tried,
                "four tries with back-off, then the apology");
        assertEquals(List.of(Html.esc(TelegramBot.APOLOGY)), api.texts(5), "only the apology got through");
        assertEquals(List.of(Outcome.APOLOGISED), outcomes(1), "not recorded as answered");
        assertTrue(logged("HTTP 502 with an HTML page, not Telegram's JSON"), "the failure is named in the log");
    }

    @Test
    void anHtmlPageWithStatus200IsAFailureAndRetried() throws Exception {
        api.fail("sendMessage", Failure.HTML_200, 2);
        api.add(BotApiStub.message(1, 5, "hallo"));
        try (TelegramBot bot = bot(echo())) {
            bot.start();
            await(() -> !outcomes(1).isEmpty(), 20, "the update's outcome");
        }
        assertEquals(3, api.calls("sendMessage").size(), "two HTML pages, then Telegram's answer");
        assertEquals(List.of("echo hallo"), api.texts(5), "delivered once");
        assertEquals(List.of(Outcome.ANSWERED), outcomes(1));
    }

    @Test
    void aMessageWithoutChatIsLoggedAndConfirmedNotPolledForever() throws Exception {
        var noChat = BotApiStub.message(1, 5, "zonder chat");
        ((com.fasterxml.jackson.databind.node.ObjectNode) noChat.get("message")).remove("chat");
        api.add(noChat);
        api.add(BotApiStub.message(2, 5, "met chat"));
        try (TelegramBot bot = bot(echo())) {
            bot.start();
            await(() -> api.texts(5).contains("echo met chat"), 20, "the next message answered");
            await(() -> api.unconfirmed() == 0, 20, "both confirmed");
            int polls = api.offsets().size();
            Thread.sleep(1000);
            int more = api.offsets().size() - polls;
            assertTrue(more <= 25, more + " polls in a second: the empty-poll pause holds, no tight loop");
        }
        assertTrue(logged("update 1 dropped: a message without a chat"), "the drop is logged with its reason");
        assertEquals(List.of("echo met chat"), api.texts(5));
        assertTrue(api.offsets().contains(OptionalLong.of(3)), "confirmed past both: " + api.offsets());
    }

    @Test
    void afterAQuietWeekTheBotPollsWithoutOffsetAndAnswersALowerId() throws Exception {
        store.setLastUpdate(5_000, Instant.now().minus(Duration.ofDays(8)));
        api.add(BotApiStub.message(17, 5, "na een stille week")); // Telegram's documented reset: a random, lower id
        try (TelegramBot bot = bot(echo())) {
            bot.start();
            await(() -> api.texts(5).contains("echo na een stille week"), 20, "the answer");
            await(() -> api.offsets().contains(OptionalLong.of(18)), 20, "the update confirmed");
        }
        assertEquals(OptionalLong.empty(), api.offsets().getFirst(), "asked without an offset, so id 17 is not confirmed away");
        assertEquals(17, store.lastUpdateId().orElseThrow());
        assertTrue(logged("polling without an offset"));
    }

    @Test
    void anUpdateIdBelowTheStoredOneIsAnsweredAndLogged() throws Exception {
        store.setLastUpdate(5_000, Instant.now()); // as after a restart against a fresh Bot API (an emulator starts at 1)
        try (BotApiStub fresh = new BotApiStub(true);
             TelegramBot bot = new TelegramBot(config().withApiUrl(fresh.url()), echo(), store)) {
            fresh.add(BotApiStub.message(3, 5, "/start"));
            bot.start();
            await(() -> fresh.texts(5).contains("echo /start"), 20, "the answer");
            Thread.sleep(300); // it is handed out again on every poll: still answered once
            assertEquals(List.of("echo /start"), fresh.texts(5));
        }
        assertTrue(logged("update id 3 is below the expected 5001"), "the lower id is logged, and taken in");
        assertTrue(logged("update 3 dropped: already taken in"), "the resends are logged as such");
    }

    @Test
    void aStoredPlanIsSentOnFromTheFirstStepNotSentWithoutAskingTheHandlerAgain() throws Exception {
        String json = BotApiStub.message(40, 5, "drie delen").toString();
        BotStore.Intake intake = store.enqueue(List.of(new BotStore.Received(40, 5, json)), 40, Instant.now()).getFirst();
        store.plan(intake.seq(), List.of(Step.send(5, "deel 1", List.of()).toJson(), Step.send(5, "deel 2", List.of()).toJson(),
                Step.send(5, "deel 3", List.of()).toJson()));
        store.markSent(intake.seq(), 0); // the process died after part 1
        AtomicInteger asked = new AtomicInteger();
        try (TelegramBot bot = bot(in -> {
            asked.incrementAndGet();
            return List.of(new Reply.Message("opnieuw"));
        })) {
            bot.start();
            await(() -> !outcomes(40).isEmpty(), 20, "the update's outcome");
        }
        assertEquals(List.of("deel 2", "deel 3"), api.texts(5), "the rest of the answer, nothing twice");
        assertEquals(0, asked.get(), "the handler is not asked again");
        assertEquals(List.of(Outcome.ANSWERED), outcomes(40));
    }

    private static Handler editing() {
        return in -> in instanceof Incoming.Callback cb
                ? List.of(new Reply.Edit(cb.messageId(), new Reply.Message("<b>pagina 2</b>",
                        List.of(List.of(new Button("Meer", "m:3"))))))
                : List.of();
    }

    @Test
    void anEditIsAnEditMessageTextInHtmlWithItsButtonsAndThePressIsAnswered() throws Exception {
        api.add(BotApiStub.press(1, 5, 77, "m:2"));
        try (TelegramBot bot = bot(editing())) {
            bot.start();
            await(() -> !outcomes(1).isEmpty(), 20, "the update's outcome");
        }
        var edits = api.calls("editMessageText");
        assertEquals(1, edits.size());
        var body = edits.getFirst().body();
        assertEquals(77, body.path("message_id").asLong());
        assertEquals(5, body.path("chat_id").asLong());
        assertEquals("HTML", body.path("parse_mode").asText());
        assertEquals("<b>pagina 2</b>", body.path("text").asText());
        assertTrue(body.path("reply_markup").toString().contains("m:3"), body.toString());
        assertEquals(List.of(), api.texts(5), "no new message");
        assertEquals(List.of("cq1"), api.calls("answerCallbackQuery").stream()
                .map(c -> c.body().path("callback_query_id").asText()).toList(), "the press answered once");
        assertEquals(List.of(Outcome.ANSWERED), outcomes(1));
    }

    @Test
    void anEditThatChangesNothingIsNoErrorAndOneTelegramRefusesBecomesANewMessage() throws Exception {
        api.fail("editMessageText", Failure.NOT_MODIFIED, 1);
        api.fail("editMessageText", Failure.CANNOT_EDIT, 1);
        api.add(BotApiStub.press(1, 5, 77, "m:2"));
        api.add(BotApiStub.press(2, 5, 78, "m:2"));
        try (TelegramBot bot = bot(editing())) {
            bot.start();
            await(() -> !outcomes(2).isEmpty(), 20, "the second update's outcome");
        }
        assertEquals(List.of("<b>pagina 2</b>"), api.texts(5), "only the refused edit became a new message; no apology");
        assertEquals(List.of(Outcome.ANSWERED), outcomes(1));
        assertEquals(List.of(Outcome.ANSWERED), outcomes(2));
        assertEquals(2, api.calls("answerCallbackQuery").size(), "both presses answered");
    }

    @Test
    void everyPressIsAnsweredAlsoWhenTheHandlerForgetsOrFails() throws Exception {
        api.add(BotApiStub.press(1, 5, 70, "o:6"));
        api.add(BotApiStub.press(2, 6, 71, "boem"));
        Handler handler = in -> {
            if (((Incoming.Callback) in).data().equals("boem")) {
                throw new IllegalStateException("boem");
            }
            return List.of(new Reply.Message("Opgave 6"));
        };
        try (TelegramBot bot = bot(handler)) {
            bot.start();
            await(() -> !outcomes(1).isEmpty() && !outcomes(2).isEmpty(), 20, "both outcomes");
        }
        assertEquals(List.of("cq1", "cq2"), api.calls("answerCallbackQuery").stream()
                .map(c -> c.body().path("callback_query_id").asText()).sorted().toList());
        assertEquals(List.of("Opgave 6"), api.texts(5));
        assertEquals(List.of(Html.esc(TelegramBot.APOLOGY)), api.texts(6));
        assertEquals(List.of(Outcome.ANSWERED), outcomes(1));
    }

    @Test
    void closeWithABacklogEndsQuicklyAndLeavesTheRestPending() throws Exception {
        for (int i = 1; i <= 10; i++) {
            api.add(BotApiStub.message(i, 5, "vraag " + i)); // one chat: about one answer a second
        }
        long took;
        try (TelegramBot bot = bot(echo())) {
            bot.start();
            await(() -> api.texts(5).size() >= 2, 20, "two answers");
            long t0 = System.nanoTime();
            bot.close();
            took = (System.nanoTime() - t0) / 1_000_000;
        }
        assertTrue(took < 5_000, "closed in " + took + " ms (SIGTERM must end the process within 10 s)");
        int answered = api.texts(5).size();
        assertEquals(10 - answered, store.pending().size(), "the rest is pending: " + answered + " answered");
        assertEquals(0, api.unconfirmed(), "all were taken in and confirmed");
        try (TelegramBot again = bot(echo())) {
            again.start();
            await(() -> api.texts(5).size() >= 10, 30, "all ten answered after the restart");
            Thread.sleep(300);
        }
        List<String> expected = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "echo vraag " + i).toList();
        assertEquals(expected, api.texts(5), "each once, in order");
        assertFalse(logged("dropped: already taken in"));
    }

    @Test
    void bookkeepingPerChatIsGoneOnceTheChatsAreAnswered() throws Exception {
        for (int i = 1; i <= 40; i++) {
            api.add(BotApiStub.message(i, 100 + i, "hallo"));
        }
        Clock clock = Clock.systemUTC();
        Pacer pacer = new Pacer(System::nanoTime);
        try (TelegramBot bot = new TelegramBot(config(), echo(), store, pacer, ResponseCheck.TELEGRAM, clock)) {
            bot.start();
            await(() -> api.sent().size() >= 40, 20, "forty chats answered");
            await(() -> pacer.chats() == 0, 5, "the pacer forgets chats whose slot has passed");
        }
    }
}

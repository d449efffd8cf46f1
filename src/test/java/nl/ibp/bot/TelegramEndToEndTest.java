package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.ibp.index.IndexLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The bot against the Telegram Bot API emulator {@code telegram-test-api} (npm; {@code npm ci}
 * installs it from the repository's package.json). Skipped when it is not installed.
 */
class TelegramEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "123456789:AAE-testTOKENsecret_xyz";
    private static final long ADMIN = 108;
    private static final Path EMULATOR = Path.of("node_modules", "telegram-test-api");

    @TempDir
    static Path tmp;
    static Process node;
    static String api;
    static BotStore store;
    static ChatHandler handler;
    static TelegramBot bot;
    static ListAppender<ILoggingEvent> logs;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isDirectory(EMULATOR),
                "telegram-test-api is not installed (run 'npm ci' in the repository root): end-to-end bot tests skipped");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String script = "const S = require('telegram-test-api');"
                + "const s = new S({port: " + port + ", host: '127.0.0.1', storeTimeout: 600});"
                + "s.start().then(() => console.log('READY'));"
                + "process.stdin.on('end', () => s.stop().then(() => process.exit(0)));"
                + "process.stdin.resume();";
        node = new ProcessBuilder("node", "-e", script).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertEquals("READY", line, "the emulator did not start");
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "emulator-output");
        drain.setDaemon(true);
        drain.start();
        api = "http://127.0.0.1:" + port;

        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger("nl.ibp.bot")).setLevel(ch.qos.logback.classic.Level.DEBUG);

        Path index = BotFixture.index(tmp);
        store = BotStore.open(index);
        Clock clock = Clock.systemUTC();
        handler = ChatHandler.open(new IndexLayout(index), tmp.resolve("corpus"), store, clock,
                new RateLimiter(20, 60_000, clock));
        BotConfig config = BotConfig.fromEnv(Map.of(BotConfig.TOKEN, TOKEN, BotConfig.API_URL, api,
                        BotConfig.ADMIN_IDS, Long.toString(ADMIN))).orElseThrow()
                .withTimings(Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(10));
        // "/boem" makes the handler throw, as a bug would.
        Handler failing = new Handler() {
            @Override
            public List<Handler.Reply> handle(Handler.Incoming in) throws Exception {
                if (in instanceof Handler.Incoming.Text t && t.text().equals("/boem")) {
                    throw new IllegalStateException("boem");
                }
                return handler.handle(in);
            }

            @Override
            public void connect(java.util.Set<Long> admins, Handler.Outbox outbox) {
                handler.connect(admins, outbox);
            }
        };
        // The emulator's answers in its own shape are read by the tests' adapter (EmulatorResponses).
        bot = new TelegramBot(config, failing, store, new Pacer(System::nanoTime), EmulatorResponses.CHECK, Clock.systemUTC());
        bot.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (bot != null) {
            long t0 = System.nanoTime();
            bot.close();
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "close within 10 s");
        }
        if (handler != null) {
            handler.close();
        }
        if (store != null) {
            store.close();
        }
        if (node != null) {
            node.getOutputStream().close();
            if (!node.waitFor(5, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        if (logs != null) {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        }
    }

    static JsonNode post(String path, ObjectNode body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static ObjectNode common(long chat, String type) {
        ObjectNode m = JSON.createObjectNode();
        m.put("botToken", TOKEN);
        m.put("date", System.currentTimeMillis() / 1000);
        m.putObject("from").put("id", chat).put("first_name", "Raadslid").put("is_bot", false);
        m.putObject("chat").put("id", chat).put("first_name", "Raadslid").put("type", type);
        return m;
    }

    static void say(long chat, String text) throws Exception {
        ObjectNode m = common(chat, "private");
        m.put("text", text);
        post("/sendMessage", m);
    }

    static void press(long chat, String data) throws Exception {
        ObjectNode m = common(chat, "private");
        ObjectNode cq = JSON.createObjectNode();
        cq.put("botToken", TOKEN);
        cq.set("from", m.get("from"));
        cq.set("message", m);
        cq.put("data", data);
        post("/sendCallback", cq);
    }

    /** The bot's messages to a chat, waiting until at least {@code n} arrived. */
    static List<JsonNode> replies(long chat, int n) throws Exception {
        List<JsonNode> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (got.size() < n && System.nanoTime() < deadline) {
            ObjectNode q = JSON.createObjectNode().put("token", TOKEN).put("chatId", chat);
            post("/getUpdates", q).get("result").forEach(u -> got.add(u.get("message")));
            if (got.size() < n) {
                Thread.sleep(50);
            }
        }
        assertTrue(got.size() >= n, "expected " + n + " replies in chat " + chat + ", got " + got);
        return got;
    }

    static List<String> callbackData(JsonNode message) {
        List<String> data = new ArrayList<>();
        JsonNode markup = message.get("reply_markup");
        if (markup != null && markup.isTextual()) {
            try {
                markup = JSON.readTree(markup.asText());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        if (markup != null && markup.has("inline_keyboard")) {
            markup.get("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.get("callback_data").asText())));
        }
        return data;
    }

    @Test
    void startGetsTheWelcomeAndTheOpgavenKeyboard() throws Exception {
        say(101, "/start");
        JsonNode reply = replies(101, 1).getFirst();
        assertTrue(reply.get("text").asText().contains("Welkom bij de IBP-assistent"), reply.toString());
        assertEquals("HTML", reply.get("parse_mode").asText());
        assertEquals(10, callbackData(reply).size(), reply.toString());
    }

    @Test
    void aQuestionIsAnsweredWithTheRightPassage() throws Exception {
        say(102, "Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?");
        JsonNode reply = replies(102, 1).getFirst();
        String text = reply.get("text").asText();
        assertTrue(text.contains("uiterlijk in 2021 een planning"), text);
        assertTrue(text.contains("Programmastart IBP"), text);
        assertTrue(callbackData(reply).contains("o:1"), reply.toString());
    }

    @Test
    void aFullNewQuestionAfterACommandCarriesNoOldTopicButAFollowUpDoes() throws Exception {
        say(103, "/wie schulden");
        replies(103, 1);
        say(103, "Wie neemt het voortouw bij de regionale energiestrategieën?");
        String switched = replies(103, 1).getFirst().get("text").asText();
        assertFalse(switched.contains("Over "), "a full new question is read on its own: " + switched);
        assertFalse(switched.toLowerCase(java.util.Locale.ROOT).contains("schuld"), switched);
        say(103, "en wanneer?");
        String followUp = replies(103, 1).getFirst().get("text").asText();
        assertTrue(followUp.contains("Over "), "a follow-up says which topic it was read with: " + followUp);
        say(103, "/nieuw");
        assertTrue(replies(103, 1).getFirst().get("text").asText().contains("Nieuw onderwerp"));
    }

    @Test
    void opgaveOneComesWithItsKeyboard() throws Exception {
        say(111, "/opgave 1");
        JsonNode reply = replies(111, 1).getFirst();
        assertTrue(reply.get("text").asText().contains("Opgave 1: Samen aan de slag voor het klimaat"), reply.toString());
        assertEquals(List.of("d:1", "v:1", "l"), callbackData(reply));
    }

    @Test
    void luceneSyntaxAndVeryLongInputAreJustQuestions() throws Exception {
        say(112, "klimaat AND (wonen OR \"gas*\") ~2 [a TO z] {x} ^3 \\ / !");
        String syntax = replies(112, 1).getFirst().get("text").asText();
        assertFalse(syntax.contains("er ging iets mis"), syntax);
        say(113, "klimaatadaptatie ".repeat(412)); // 7,004 characters
        String longOne = replies(113, 1).getFirst().get("text").asText();
        assertFalse(longOne.contains("er ging iets mis"), longOne);
        assertTrue(longOne.length() > 20, longOne);
    }

    @Test
    void aButtonPressIsAnsweredAndOpensTheOpgave() throws Exception {
        press(103, "o:6");
        JsonNode reply = replies(103, 1).getFirst();
        assertTrue(reply.get("text").asText().contains("Opgave 6: Problematische schulden"), reply.toString());
        assertEquals(List.of("d:6", "v:6", "l"), callbackData(reply));
    }

    @Test
    void aLongListIsOnePageBelowTheLimitWithAButtonToTheNext() throws Exception {
        say(104, "/deadlines");
        JsonNode page = replies(104, 1).getFirst();
        String text = page.get("text").asText();
        assertTrue(text.length() <= 4096, "one page of " + text.length());
        HtmlCheck.valid(text);
        assertTrue(callbackData(page).stream().anyMatch(d -> d.startsWith("dl:")), page.toString());
    }

    @Test
    void anExceptionInAHandlerIsApologisedForAndTheNextMessageAnswered() throws Exception {
        say(105, "/boem");
        assertEquals(TelegramBot.APOLOGY, replies(105, 1).getFirst().get("text").asText());
        say(105, "/opgave 1");
        assertTrue(replies(105, 1).getFirst().get("text").asText().contains("Opgave 1"));
        say(105, "/onbekend");
        assertTrue(replies(105, 1).getFirst().get("text").asText().contains("ken ik niet"));
    }

    @Test
    void theTokenIsInNoLogLine() throws Exception {
        say(106, "/help");
        replies(106, 1);
        for (ILoggingEvent e : List.copyOf(logs.list)) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(line.contains(TOKEN) || line.contains("AAE-testTOKENsecret"), line);
        }
        assertFalse(bot.toString().contains("secret"));
        assertFalse(BotConfig.fromEnv(Map.of(BotConfig.TOKEN, TOKEN)).orElseThrow().toString().contains("secret"));
    }

    @Test
    void theLastUpdateIdIsPersisted() throws Exception {
        say(107, "/opgaven");
        replies(107, 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (store.lastUpdateId().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(store.lastUpdateId().isPresent());
    }

    @Test
    void onlyAnAdminMayReindexAndHearsTheOutcome() throws Exception {
        say(109, "/reindex");
        String refusal = replies(109, 1).getFirst().get("text").asText();
        assertTrue(refusal.contains("alleen voor de beheerders"), refusal);
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("refused /reindex for user 109")));

        say(ADMIN, "/reindex");
        List<JsonNode> got = replies(ADMIN, 2);
        assertTrue(got.get(0).get("text").asText().contains("Herindexeren is gestart"), got.toString());
        assertTrue(got.get(1).get("text").asText().contains("Index was al actueel"), got.toString());
        say(ADMIN, "/status");
        assertTrue(replies(ADMIN, 1).getFirst().get("text").asText().contains("al actueel"));
        assertTrue(replies(109, 0).isEmpty(), "the non-admin gets no report");
    }
}

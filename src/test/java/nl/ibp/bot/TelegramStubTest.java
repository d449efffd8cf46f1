package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against a stub Bot API server (the JDK's HttpServer) for what the emulator cannot
 * do: answer 429 with {@code retry_after}, 403 and 400, fail polls, and keep Telegram's offset
 * semantics (an update is handed out until an offset passes it, as after a restart, where
 * Telegram resends what was not confirmed).
 */
class TelegramStubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "4242:stub-TOKEN_value";

    @TempDir
    Path tmp;
    HttpServer server;
    final List<ObjectNode> updates = new CopyOnWriteArrayList<>();
    final List<Long> offsets = new CopyOnWriteArrayList<>();
    /** sendMessage calls as they arrived: the body's text and the time in nanoseconds. */
    final List<Sent> attempts = new CopyOnWriteArrayList<>();
    final List<String> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger tooMany = new AtomicInteger();
    /** Answer sendMessage with 403 (the user blocked the bot) this many times. */
    final AtomicInteger forbidden = new AtomicInteger();
    /** Answer sendMessage in HTML parse mode with 400 "can't parse entities" this many times. */
    final AtomicInteger badHtml = new AtomicInteger();
    final List<String> parseModes = new CopyOnWriteArrayList<>();
    /** Fail getUpdates (as a lost network would, with a gateway error) this many times. */
    final AtomicInteger failPolls = new AtomicInteger();

    record Sent(String text, long at) {
    }

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        if (body == null) {
            body = JSON.createObjectNode();
        }
        ObjectNode reply = JSON.createObjectNode().put("ok", true);
        int status = 200;
        switch (method) {
            case "getme" -> reply.putObject("result").put("id", 999).put("is_bot", true).put("first_name", "IBP")
                    .put("username", "IbpStubBot");
            case "getupdates" -> {
                offsets.add(body.path("offset").asLong(0));
                if (failPolls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    byte[] down = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(502, down.length);
                    ex.getResponseBody().write(down);
                    ex.close();
                    return;
                }
                ArrayNode result = reply.putArray("result");
                long offset = body.path("offset").asLong(0);
                updates.removeIf(u -> u.get("update_id").asLong() < offset); // confirmed: Telegram forgets it
                updates.forEach(result::add);
            }
            case "sendmessage" -> {
                String text = body.path("text").asText();
                attempts.add(new Sent(text, System.nanoTime()));
                parseModes.add(body.path("parse_mode").asText(""));
                boolean html = body.path("parse_mode").asText("").equals("HTML");
                if (forbidden.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 403;
                    reply = JSON.createObjectNode().put("ok", false).put("error_code", 403)
                            .put("description", "Forbidden: bot was blocked by the user");
                } else if (html && badHtml.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 400;
                    reply = JSON.createObjectNode().put("ok", false).put("error_code", 400)
                            .put("description", "Bad Request: can't parse entities: Unsupported start tag \"x\"");
                } else if (tooMany.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 429;
                    reply = JSON.createObjectNode().put("ok", false).put("error_code", 429)
                            .put("description", "Too Many Requests: retry after 1");
                    reply.putObject("parameters").put("retry_after", 1);
                } else {
                    sent.add(text);
                    ObjectNode m = reply.putObject("result").put("message_id", sent.size()).put("date", 1_700_000_000)
                            .put("text", text);
                    m.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
                }
            }
            default -> reply.put("result", true);
        }
        byte[] out = reply.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    private static ObjectNode update(long id, long chat, String text) {
        ObjectNode u = JSON.createObjectNode().put("update_id", id);
        ObjectNode m = u.putObject("message").put("message_id", id).put("date", 1_700_000_000).put("text", text);
        m.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Raadslid");
        m.putObject("chat").put("id", chat).put("type", "private");
        return u;
    }

    private BotConfig config() {
        return new BotConfig(TOKEN, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Set.of(),
                Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5), 4);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private static Handler echo() {
        return in -> List.of(new Handler.Reply.Message("echo " + ((Handler.Incoming.Text) in).text()));
    }

    @Test
    void a429IsRetriedAfterRetryAfterSeconds() throws Exception {
        tooMany.set(1);
        updates.add(update(1, 5, "hallo"));
        try (BotStore store = BotStore.open(tmp); TelegramBot bot = new TelegramBot(config(), echo(), store)) {
            bot.start();
            await(() -> sent.contains("echo hallo"), "the answer after the 429");
            assertEquals(2, attempts.size(), attempts.toString());
            long gap = TimeUnit.NANOSECONDS.toMillis(attempts.get(1).at() - attempts.get(0).at());
            assertTrue(gap >= 950, "retried after " + gap + " ms, retry_after was 1 s");
            Thread.sleep(300);
            assertEquals(List.of("echo hallo"), sent, "answered once");
            assertEquals("IbpStubBot", bot.me().orElseThrow().username(), "getMe at start");
        }
    }

    @Test
    void afterANetworkLossPollingBacksOffAndResumes() throws Exception {
        failPolls.set(3);
        updates.add(update(1, 9, "hallo"));
        try (BotStore store = BotStore.open(tmp); TelegramBot bot = new TelegramBot(config(), echo(), store)) {
            long start = System.nanoTime();
            bot.start();
            await(() -> sent.contains("echo hallo"), "the answer once the network is back");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(offsets.size() >= 4, "polled again after each failure: " + offsets);
            assertTrue(seconds >= 3 && seconds < 20, "backed off 1 + 2 + 4 s, resumed after " + seconds + " s");
        }
    }

    @Test
    void a403MarksTheChatInactiveWithoutRetrying() throws Exception {
        forbidden.set(1);
        updates.add(update(1, 7, "hallo"));
        try (BotStore store = BotStore.open(tmp); TelegramBot bot = new TelegramBot(config(), echo(), store)) {
            assertTrue(store.isActive(7));
            bot.start();
            await(() -> !attempts.isEmpty(), "the attempt");
            await(() -> {
                try {
                    return !store.isActive(7);
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            }, "the chat marked inactive");
            Thread.sleep(1500);
            assertEquals(1, attempts.size(), "no retry after a 403: " + attempts);
        }
    }

    @Test
    void htmlTelegramCannotParseIsResentAsPlainText() throws Exception {
        badHtml.set(1);
        updates.add(update(1, 8, "hallo"));
        try (BotStore store = BotStore.open(tmp); TelegramBot bot = new TelegramBot(config(), echo(), store)) {
            bot.start();
            await(() -> sent.contains("echo hallo"), "the plain-text resend");
            assertEquals(List.of("HTML", ""), parseModes, "first HTML, then plain text");
            Thread.sleep(300);
            assertEquals(List.of("echo hallo"), sent, "answered once");
        }
    }

    @Test
    void aRestartAnswersWhatWasTakenInButNotAnsweredAndNothingTwice() throws Exception {
        updates.add(update(10, 5, "eerste"));
        updates.add(update(11, 6, "traag"));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Handler slow = in -> {
            if (((Handler.Incoming.Text) in).text().equals("traag")) {
                entered.countDown();
                never.await(); // still busy when the bot stops
            }
            return echo().handle(in);
        };
        try (BotStore store = BotStore.open(tmp)) {
            try (TelegramBot first = new TelegramBot(config(), slow, store)) {
                first.start();
                await(() -> sent.contains("echo eerste"), "the first answer");
                assertTrue(entered.await(10, TimeUnit.SECONDS));
                await(() -> updates.isEmpty(), "both updates confirmed to Telegram once stored");
            }
            assertEquals(11, store.lastUpdateId().orElse(-1), "both taken in");
            assertEquals(List.of(11L), store.pending().stream().map(BotStore.Intake::updateId).toList(),
                    "the abandoned update 11 is still pending");
            assertEquals(List.of("echo eerste"), sent);

            offsets.clear();
            try (TelegramBot second = new TelegramBot(config(), echo(), store)) {
                second.start();
                await(() -> sent.contains("echo traag"), "the answer to the update taken in but not answered");
                await(() -> offsets.size() >= 5, "a few more polls");
                assertEquals(12, offsets.getFirst(), "the second bot asks from the update after the last taken in");
                await(() -> {
                    try {
                        return store.pending().isEmpty();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }, "update 11 answered");
            }
            assertEquals(List.of("echo eerste", "echo traag"), sent, "each update answered once");
        }
    }

    private static ObjectNode group(long id, String text, boolean replyToBot) {
        ObjectNode u = update(id, 42, text);
        ObjectNode m = (ObjectNode) u.get("message");
        m.putObject("chat").put("id", -77).put("type", "supergroup").put("title", "Raad");
        if (replyToBot) {
            ObjectNode r = m.putObject("reply_to_message").put("message_id", 1).put("date", 1_700_000_000).put("text", "x");
            r.putObject("from").put("id", 999).put("is_bot", true).put("first_name", "IBP").put("username", "IbpStubBot");
            r.putObject("chat").put("id", -77).put("type", "supergroup");
        }
        return u;
    }

    @Test
    void inAGroupOnlyWhatIsMeantForTheBotIsAnsweredAtTwentyAMinute() throws Exception {
        updates.add(group(20, "/help@IbpStubBot", false));
        updates.add(group(21, "praten we onderling", false));
        updates.add(group(22, "/help@AnderBot", false));
        updates.add(group(23, "@IbpStubBot wanneer?", false));
        updates.add(group(24, "en wie?", true));
        try (BotStore store = BotStore.open(tmp); TelegramBot bot = new TelegramBot(config(), echo(), store)) {
            bot.start();
            await(() -> sent.size() >= 2, "two answers in the group");
            Thread.sleep(300);
            assertEquals(List.of("echo /help", "echo wanneer?"), sent, "the third waits its turn: 20 a minute");
            await(() -> sent.size() >= 3, "the reply to the bot answered");
            assertEquals(List.of("echo /help", "echo wanneer?", "echo en wie?"), sent);
            for (int i = 1; i < attempts.size(); i++) {
                long gap = TimeUnit.NANOSECONDS.toMillis(attempts.get(i).at() - attempts.get(i - 1).at());
                assertTrue(gap >= 2900, "group messages " + gap + " ms apart");
            }
        }
    }

    @Test
    void aPrivateChatGetsAboutOneMessageASecond() throws Exception {
        updates.add(update(30, 8, "drie"));
        Handler three = in -> List.of(new Handler.Reply.Message("een"), new Handler.Reply.Message("twee"),
                new Handler.Reply.Message("drie"));
        try (BotStore store = BotStore.open(tmp); TelegramBot bot = new TelegramBot(config(), three, store)) {
            bot.start();
            await(() -> sent.size() >= 3, "three messages");
            for (int i = 1; i < attempts.size(); i++) {
                long gap = TimeUnit.NANOSECONDS.toMillis(attempts.get(i).at() - attempts.get(i - 1).at());
                assertTrue(gap >= 950, "messages " + gap + " ms apart");
            }
        }
    }
}

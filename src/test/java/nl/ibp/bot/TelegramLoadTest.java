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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded load test of the adapter against a stub Bot API server (the JDK's HttpServer): 50
 * simulated users in private chats each send 20 messages on their own schedule (open loop, seeded
 * gaps of 0–3.4 s, about 29 messages a second offered in total, close to Telegram's 30 a second),
 * and the stub records every sendMessage. Every message must be answered exactly once, and the
 * answers in each chat must come in the order the messages were sent. Latency is measured from
 * the moment an update is made available to {@code getUpdates} to the moment the matching
 * sendMessage reaches the stub; p50/p99/max are printed and recorded in docs/BENCHMARKS.md §6.
 *
 * <p>The handler echoes, so this measures the adapter (polling, per-chat ordering, workers and the
 * {@link Pacer}), not the search. Takes about 40 s.
 */
@Tag("load")
class TelegramLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "4242:load-TOKEN_value";

    static final int USERS = 50;
    static final int MESSAGES = 20;
    static final long MAX_GAP_MS = 3_400;
    static final long FIRST_CHAT = 1_000;

    @TempDir
    Path tmp;
    HttpServer server;
    ScheduledExecutorService users;

    /** Guards {@link #updates}, {@link #nextId} and {@link #availableAt}: ids are appended in order. */
    private final Object lock = new Object();
    private final TreeMap<Long, ObjectNode> updates = new TreeMap<>();
    private long nextId = 1;
    /** "u{user}-m{i}" to the nanoTime the update became available. */
    private final Map<String, Long> availableAt = new HashMap<>();
    /** Per chat, the texts of sendMessage calls in arrival order, and the nanoTime they arrived. */
    private final Map<Long, List<String>> answers = new HashMap<>();
    private final Map<String, List<Long>> answeredAt = new HashMap<>();
    private final AtomicInteger sends = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        users = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-users");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stopStub() {
        users.shutdownNow();
        server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        String path = ex.getRequestURI().getPath();
        String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        if (body == null) {
            body = JSON.createObjectNode();
        }
        ObjectNode reply = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "getme" -> reply.putObject("result").put("id", 999).put("is_bot", true).put("first_name", "IBP")
                    .put("username", "IbpLoadBot");
            case "getupdates" -> {
                polls.incrementAndGet();
                long offset = body.path("offset").asLong(0);
                int limit = body.path("limit").asInt(100);
                ArrayNode result = reply.putArray("result");
                synchronized (lock) {
                    updates.headMap(offset).clear(); // confirmed, as Telegram forgets them
                    updates.values().stream().limit(limit).forEach(result::add);
                }
            }
            case "sendmessage" -> {
                String text = body.path("text").asText();
                long chat = body.path("chat_id").asLong();
                int n = sends.incrementAndGet();
                synchronized (lock) {
                    answers.computeIfAbsent(chat, k -> new ArrayList<>()).add(text);
                    answeredAt.computeIfAbsent(text, k -> new ArrayList<>()).add(now);
                }
                ObjectNode m = reply.putObject("result").put("message_id", n).put("date", 1_700_000_000).put("text", text);
                m.putObject("chat").put("id", chat).put("type", "private");
            }
            default -> reply.put("result", true);
        }
        byte[] out = reply.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    private static String key(int user, int i) {
        return "u" + user + "-m" + i;
    }

    /** A user sends message i: it becomes available to getUpdates with the next update id. */
    private void post(int user, int i) {
        long chat = FIRST_CHAT + user;
        synchronized (lock) {
            long id = nextId++;
            ObjectNode u = JSON.createObjectNode().put("update_id", id);
            ObjectNode m = u.putObject("message").put("message_id", i + 1).put("date", 1_700_000_000).put("text", key(user, i));
            m.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Raadslid" + user);
            m.putObject("chat").put("id", chat).put("type", "private");
            updates.put(id, u);
            availableAt.put(key(user, i), System.nanoTime());
        }
    }

    private BotConfig config() {
        return new BotConfig(TOKEN, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Set.of(),
                Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5), Integer.getInteger("ibp.load.workers", 4));
    }

    private static Handler echo() {
        return in -> List.of(new Handler.Reply.Message("echo " + ((Handler.Incoming.Text) in).text()));
    }

    private int answered() {
        synchronized (lock) {
            return answers.values().stream().mapToInt(List::size).sum();
        }
    }

    @Test
    @Timeout(120)
    void fiftyUsersTimesTwentyMessagesAreEachAnsweredOnceInOrder() throws Exception {
        int total = USERS * MESSAGES;
        // The schedule: seeded, so every run offers the same load.
        Random random = new Random(4);
        long[][] at = new long[USERS][MESSAGES];
        for (int u = 0; u < USERS; u++) {
            long t = random.nextLong(MAX_GAP_MS / 2);
            for (int i = 0; i < MESSAGES; i++) {
                at[u][i] = t;
                t += random.nextLong(MAX_GAP_MS + 1);
            }
        }
        long lastPost = Arrays.stream(at).mapToLong(a -> a[MESSAGES - 1]).max().orElseThrow();

        long start;
        long end;
        try (BotStore store = BotStore.open(tmp); TelegramBot bot = new TelegramBot(config(), echo(), store)) {
            bot.start();
            start = System.nanoTime();
            for (int u = 0; u < USERS; u++) {
                for (int i = 0; i < MESSAGES; i++) {
                    int user = u;
                    int msg = i;
                    users.schedule(() -> post(user, msg), at[u][i], TimeUnit.MILLISECONDS);
                }
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(100);
            while (answered() < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            end = System.nanoTime();
            Thread.sleep(1_500); // late duplicates would arrive here
        }

        // Report first, so that a failing run still shows its numbers.
        List<Long> latencies = new ArrayList<>();
        synchronized (lock) {
            availableAt.forEach((k, t0) -> {
                List<Long> got = answeredAt.get("echo " + k);
                if (got != null) {
                    latencies.add(got.getFirst() - t0);
                }
            });
        }
        // What the per-chat pacing alone (one message a second per private chat) would allow.
        List<Long> floor = new ArrayList<>();
        synchronized (lock) {
            for (int u = 0; u < USERS; u++) {
                long prev = Long.MIN_VALUE / 2;
                for (int i = 0; i < MESSAGES; i++) {
                    Long t0 = availableAt.get(key(u, i));
                    if (t0 == null) {
                        continue;
                    }
                    long t = Math.max(t0, prev + Pacer.PRIVATE_GAP);
                    floor.add(t - t0);
                    prev = t;
                }
            }
        }
        List<Long> ideal = idealPacing();
        long[] idealMs = ideal.stream().mapToLong(n -> TimeUnit.NANOSECONDS.toMillis(n)).sorted().toArray();
        long[] floorMs = floor.stream().mapToLong(n -> TimeUnit.NANOSECONDS.toMillis(n)).sorted().toArray();
        long[] ms = latencies.stream().mapToLong(n -> TimeUnit.NANOSECONDS.toMillis(n)).sorted().toArray();
        double seconds = (end - start) / 1e9;
        System.out.printf(Locale.ROOT,
                "telegram load: %d workers, %d users x %d messages, %d answered (%d sendMessage calls) in %.1f s (last message offered at %.1f s),"
                        + " %.1f answers/s, %d getUpdates; latency ms p50 %d, p90 %d, p99 %d, max %d%n",
                config().workers(), USERS, MESSAGES, ms.length, sends.get(), seconds, lastPost / 1e3, sends.get() / seconds, polls.get(),
                pct(ms, 50), pct(ms, 90), pct(ms, 99), ms.length == 0 ? -1 : ms[ms.length - 1]);
        System.out.printf(Locale.ROOT, "telegram load: floor set by per-chat pacing alone, ms p50 %d, p90 %d, p99 %d, max %d%n",
                pct(floorMs, 50), pct(floorMs, 90), pct(floorMs, 99), floorMs.length == 0 ? -1 : floorMs[floorMs.length - 1]);
        System.out.printf(Locale.ROOT, "telegram load: floor set by per-chat pacing and 30/s overall (oldest first), ms p50 %d, p90 %d, p99 %d, max %d%n",
                pct(idealMs, 50), pct(idealMs, 90), pct(idealMs, 99), idealMs.length == 0 ? -1 : idealMs[idealMs.length - 1]);

        synchronized (lock) {
            assertEquals(total, availableAt.size(), "all messages offered");
            for (int u = 0; u < USERS; u++) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < MESSAGES; i++) {
                    expected.add("echo " + key(u, i));
                }
                assertEquals(expected, answers.getOrDefault(FIRST_CHAT + u, List.of()),
                        "chat of user " + u + ": every message answered once, in order");
            }
            assertEquals(total, sends.get(), "no other or duplicate sendMessage calls");
        }
        assertTrue(ms.length == total, "a latency for every message");
    }

    /**
     * Latencies an ideal sender would reach with the same arrivals: one global slot every
     * {@link Pacer#GLOBAL_GAP}, each given to the oldest waiting message whose chat is free again
     * ({@link Pacer#PRIVATE_GAP} after its previous answer), with no processing time.
     */
    private List<Long> idealPacing() {
        long[][] avail = new long[USERS][MESSAGES];
        synchronized (lock) {
            for (int u = 0; u < USERS; u++) {
                for (int i = 0; i < MESSAGES; i++) {
                    Long t0 = availableAt.get(key(u, i));
                    avail[u][i] = t0 == null ? Long.MAX_VALUE : t0;
                }
            }
        }
        int[] next = new int[USERS];
        long[] chatFree = new long[USERS];
        Arrays.fill(chatFree, Long.MIN_VALUE / 2);
        long t = Arrays.stream(avail).mapToLong(a -> a[0]).min().orElse(0);
        List<Long> out = new ArrayList<>();
        while (true) {
            int best = -1;
            long bestAvail = Long.MAX_VALUE;
            long soonest = Long.MAX_VALUE;
            for (int u = 0; u < USERS; u++) {
                if (next[u] >= MESSAGES || avail[u][next[u]] == Long.MAX_VALUE) {
                    continue;
                }
                long ready = Math.max(avail[u][next[u]], chatFree[u]);
                soonest = Math.min(soonest, ready);
                if (ready <= t && avail[u][next[u]] < bestAvail) {
                    bestAvail = avail[u][next[u]];
                    best = u;
                }
            }
            if (soonest == Long.MAX_VALUE) {
                return out;
            }
            if (best < 0) {
                t = soonest;
                continue;
            }
            out.add(t - bestAvail);
            chatFree[best] = t + Pacer.PRIVATE_GAP;
            next[best]++;
            t += Pacer.GLOBAL_GAP;
        }
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}

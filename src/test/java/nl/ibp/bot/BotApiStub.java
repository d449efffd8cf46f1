package nl.ibp.bot;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Bot API server for tests (the JDK's HttpServer) with Telegram's offset semantics: an update
 * is handed out until a {@code getUpdates} asks with an offset above its id, and is then
 * forgotten; without an offset the earliest not forgotten come first. It records every call, and
 * can be told to fail the next calls of a method in a given way.
 */
final class BotApiStub implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** How a scripted call fails. */
    enum Failure {
        /** A proxy's error page: HTML with status 502. */
        HTML_502,
        /** An HTML page with status 200 (a captive portal, a misconfigured proxy). */
        HTML_200,
        /** Telegram's 429 with retry_after 1. */
        TOO_MANY,
        /** Telegram's 403: the user blocked the bot. */
        FORBIDDEN,
        /** Telegram's 400 for a chat that does not exist (deleted, or never was). */
        CHAT_NOT_FOUND,
        /** Telegram's 400 for an edit that changes nothing. */
        NOT_MODIFIED,
        /** Telegram's 400 for an edit of a message that can no longer be edited. */
        CANNOT_EDIT
    }

    /** A call as it arrived: method (lower case), body, and when (nanoTime). */
    record Call(String method, JsonNode body, long at) {
    }

    /** A message the stub accepted: its chat, text and message id. */
    record Sent(long chat, String text, long messageId) {
    }

    private final HttpServer server;
    private final Object lock = new Object();
    private final TreeMap<Long, ObjectNode> updates = new TreeMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    /** Documents sent (sendDocument): the chat, the multipart body as text, a message id. */
    private final List<Sent> documents = new ArrayList<>();
    private final List<OptionalLong> offsets = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private long nextMessageId = 1000;
    private final boolean ignoresOffset;

    BotApiStub() throws IOException {
        this(false);
    }

    /** With {@code ignoresOffset}, every update is handed out on every poll, whatever the offset (as an emulator does). */
    BotApiStub(boolean ignoresOffset) throws IOException {
        this.ignoresOffset = ignoresOffset;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Makes an update available. */
    void add(ObjectNode update) {
        synchronized (lock) {
            updates.put(update.get("update_id").asLong(), update);
        }
    }

    /** The next {@code n} calls of {@code method} (e.g. "sendmessage") fail like this. */
    void fail(String method, Failure how, int n) {
        synchronized (lock) {
            Deque<Failure> q = failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
            for (int i = 0; i < n; i++) {
                q.add(how);
            }
        }
    }

    /** Updates not yet confirmed. */
    int unconfirmed() {
        synchronized (lock) {
            return updates.size();
        }
    }

    List<Sent> sent() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    List<Sent> documents() {
        synchronized (lock) {
            return List.copyOf(documents);
        }
    }

    List<String> texts(long chat) {
        return sent().stream().filter(s -> s.chat() == chat).map(Sent::text).toList();
    }

    List<Call> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equals(method.toLowerCase(Locale.ROOT))).toList();
        }
    }

    /** The offsets of the getUpdates calls, in order (empty: asked without one). */
    List<OptionalLong> offsets() {
        synchronized (lock) {
            return List.copyOf(offsets);
        }
    }

    static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static ObjectNode message(long id, long chat, String text) {
        ObjectNode u = JSON.createObjectNode().put("update_id", id);
        ObjectNode m = u.putObject("message").put("message_id", id).put("date", 1_700_000_000).put("text", text);
        m.putObject("from").put("id", Math.abs(chat)).put("is_bot", false).put("first_name", "Raadslid");
        m.putObject("chat").put("id", chat).put("type", chat < 0 ? "supergroup" : "private");
        return u;
    }

    static ObjectNode press(long id, long chat, long onMessage, String data) {
        ObjectNode u = JSON.createObjectNode().put("update_id", id);
        ObjectNode cq = u.putObject("callback_query").put("id", "cq" + id).put("data", data).put("chat_instance", "ci");
        cq.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Raadslid");
        ObjectNode m = cq.putObject("message").put("message_id", onMessage).put("date", 1_700_000_000).put("text", "x");
        m.putObject("chat").put("id", chat).put("type", "private");
        return u;
    }

    private void serve(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        String path = ex.getRequestURI().getPath();
        String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body;
        try {
            body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        ObjectNode reply = JSON.createObjectNode().put("ok", true);
        int status = 200;
        synchronized (lock) {
            calls.add(new Call(method, body, now));
            Deque<Failure> q = failures.get(method);
            Failure failure = q == null ? null : q.poll();
            if (failure == Failure.HTML_502 || failure == Failure.HTML_200) {
                send(ex, failure == Failure.HTML_502 ? 502 : 200, "text/html",
                        "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>");
                return;
            }
            if (failure != null) {
                status = switch (failure) {
                    case TOO_MANY -> 429;
                    case FORBIDDEN -> 403;
                    default -> 400;
                };
                reply = JSON.createObjectNode().put("ok", false).put("error_code", status).put("description", switch (failure) {
                    case TOO_MANY -> "Too Many Requests: retry after 1";
                    case FORBIDDEN -> "Forbidden: bot was blocked by the user";
                    case CHAT_NOT_FOUND -> "Bad Request: chat not found";
                    case NOT_MODIFIED -> "Bad Request: message is not modified: specified new message content and reply "
                            + "markup are exactly the same as a current content and reply markup of the message";
                    default -> "Bad Request: message can't be edited";
                });
                if (failure == Failure.TOO_MANY) {
                    reply.putObject("parameters").put("retry_after", 1);
                }
            } else {
                switch (method) {
                    case "getme" -> reply.putObject("result").put("id", 999).put("is_bot", true).put("first_name", "IBP")
                            .put("username", "IbpStubBot");
                    case "getupdates" -> {
                        OptionalLong offset = body.path("offset").isIntegralNumber()
                                ? OptionalLong.of(body.get("offset").asLong()) : OptionalLong.empty();
                        offsets.add(offset);
                        if (!ignoresOffset) {
                            offset.ifPresent(o -> updates.headMap(o).clear()); // confirmed: forgotten
                        }
                        int limit = body.path("limit").asInt(100);
                        ArrayNode result = reply.putArray("result");
                        updates.values().stream().limit(limit).forEach(result::add);
                    }
                    case "sendmessage", "editmessagetext" -> {
                        long chat = body.path("chat_id").asLong();
                        String text = body.path("text").asText();
                        long id = method.equals("sendmessage") ? ++nextMessageId : body.path("message_id").asLong();
                        if (method.equals("sendmessage")) {
                            sent.add(new Sent(chat, text, id));
                        }
                        ObjectNode m = reply.putObject("result").put("message_id", id).put("date", 1_700_000_000)
                                .put("text", text);
                        m.putObject("chat").put("id", chat).put("type", chat < 0 ? "supergroup" : "private");
                    }
                    case "senddocument" -> {
                        String form = new String(raw, StandardCharsets.UTF_8);
                        java.util.regex.Matcher m = java.util.regex.Pattern
                                .compile("name=\"chat_id\"\r\n(?:[^\r\n]+\r\n)*\r\n(-?\\d+)").matcher(form);
                        long chat = m.find() ? Long.parseLong(m.group(1)) : 0;
                        long id = ++nextMessageId;
                        documents.add(new Sent(chat, form, id));
                        ObjectNode msg = reply.putObject("result").put("message_id", id).put("date", 1_700_000_000);
                        msg.putObject("chat").put("id", chat).put("type", chat < 0 ? "supergroup" : "private");
                    }
                    default -> reply.put("result", true);
                }
            }
        }
        send(ex, status, "application/json", reply.toString());
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

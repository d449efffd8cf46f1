package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A document sent in a private chat reaches the handler as {@link Handler.Incoming.Document}, and
 * its download goes {@code getFile} → {@code GET {apiUrl}/file/bot{token}/{path}} on the configured
 * URL (a JDK HttpServer stub: the emulator has no files), with the token in no log line.
 */
class TelegramFileDownloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "4243:file-TOKEN_value";
    private static final byte[] CONTENT = "Zeewering Vlieland\n\nDe zeewering wordt versterkt.\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    HttpServer server;
    final List<String> paths = new CopyOnWriteArrayList<>();
    volatile long declaredSize = CONTENT.length;
    volatile boolean sendUpdate = true;

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
        paths.add(path);
        byte[] raw = ex.getRequestBody().readAllBytes();
        if (path.startsWith("/file/")) {
            boolean ok = path.equals("/file/bot" + TOKEN + "/documents/file_7.txt");
            byte[] out = ok ? CONTENT : "not found".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ok ? 200 : 404, out.length);
            ex.getResponseBody().write(out);
            ex.close();
            return;
        }
        String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        ObjectNode reply = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "getupdates" -> {
                var result = reply.putArray("result");
                if (sendUpdate && body.path("offset").asLong(0) <= 1) {
                    ObjectNode u = result.addObject().put("update_id", 1);
                    ObjectNode m = u.putObject("message").put("message_id", 1).put("date", 1_700_000_000);
                    m.putObject("from").put("id", 42).put("is_bot", false).put("first_name", "Beheerder");
                    m.putObject("chat").put("id", 42).put("type", "private");
                    m.putObject("document").put("file_id", "F7").put("file_unique_id", "U7")
                            .put("file_name", "../../geheim.txt").put("mime_type", "text/plain").put("file_size", CONTENT.length);
                }
            }
            case "getfile" -> {
                String id = body.path("file_id").asText();
                reply.putObject("result").put("file_id", id).put("file_unique_id", "U")
                        .put("file_size", declaredSize).put("file_path", id.equals("F7") ? "documents/file_7.txt" : "documents/gone.txt");
            }
            case "sendmessage" -> {
                ObjectNode m = reply.putObject("result").put("message_id", 5).put("date", 1_700_000_000).put("text", "x");
                m.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
            }
            case "getme" -> reply.putObject("result").put("id", 999).put("is_bot", true).put("first_name", "IBP")
                    .put("username", "IbpStubBot");
            default -> reply.put("result", true);
        }
        byte[] out = reply.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    private BotConfig config() {
        return new BotConfig(TOKEN, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Set.of(42L),
                Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5), 2);
    }

    /** A handler that downloads every document it gets, as ChatHandler does for an admin. */
    static final class Downloading implements Handler {
        volatile FileSource files;
        final List<Incoming> seen = new CopyOnWriteArrayList<>();
        final List<Object> results = new CopyOnWriteArrayList<>();

        @Override
        public void files(FileSource files) {
            this.files = files;
        }

        @Override
        public List<Reply> handle(Incoming incoming) {
            seen.add(incoming);
            if (incoming instanceof Incoming.Document d) {
                try {
                    results.add(files.download(d.fileId(), 1000));
                } catch (IOException e) {
                    results.add(e);
                }
            }
            return List.of(new Reply.Message("ok"));
        }
    }

    @Test
    void aPrivateDocumentIsDownloadedFromTheConfiguredUrlWithoutLoggingTheToken() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger botLog = (Logger) LoggerFactory.getLogger(TelegramBot.class);
        botLog.addAppender(logs);
        Downloading handler = new Downloading();
        try (BotStore store = BotStore.open(tmp); TelegramBot bot = new TelegramBot(config(), handler, store)) {
            bot.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (handler.results.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(1, handler.seen.size(), handler.seen.toString());
            Handler.Incoming.Document d = (Handler.Incoming.Document) handler.seen.getFirst();
            assertEquals(new Handler.Incoming.Document(42, 42, "F7", "../../geheim.txt", "text/plain", CONTENT.length), d);
            assertArrayEquals(CONTENT, (byte[]) handler.results.getFirst());
            assertTrue(paths.contains("/file/bot" + TOKEN + "/documents/file_7.txt"), paths.toString());

            // a file the server does not have, and one declared too large: errors without URL or token
            IOException missing = assertThrows(IOException.class, () -> bot.download("F8", 1000));
            assertTrue(missing.getMessage().contains("404"), missing.getMessage());
            assertFalse(missing.getMessage().contains(TOKEN) || missing.getMessage().contains("/file/"), missing.getMessage());
            int before = paths.size();
            declaredSize = 5000;
            IOException large = assertThrows(IOException.class, () -> bot.download("F7", 1000));
            assertTrue(large.getMessage().contains("too large"), large.getMessage());
            assertTrue(paths.subList(before, paths.size()).stream().noneMatch(p -> p.startsWith("/file/")), "not fetched");
            declaredSize = 5; // the declared size lies: the read is capped
            IOException lying = assertThrows(IOException.class, () -> bot.download("F7", 10));
            assertTrue(lying.getMessage().contains("too large"), lying.getMessage());
        } finally {
            botLog.detachAppender(logs);
        }
        assertTrue(logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains(TOKEN)
                || (e.getThrowableProxy() != null && String.valueOf(e.getThrowableProxy().getMessage()).contains(TOKEN))));
    }
}

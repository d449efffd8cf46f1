package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibp bot} as a real process: started against a stub Bot API, stopped with SIGTERM. */
class BotProcessTest {

    private static final String TOKEN = "987654321:AAF-processTOKEN_secret";

    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void sigtermStopsTheBotWithinTenSecondsAfterClosingEverything() throws Exception {
        Path index = BotFixture.index(tmp);
        CountDownLatch polling = new CountDownLatch(1);
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath().toLowerCase(java.util.Locale.ROOT);
            if (path.endsWith("/getupdates")) {
                polling.countDown();
            }
            reply(ex, path.endsWith("/getme")
                    ? "{\"ok\":true,\"result\":{\"id\":987654321,\"is_bot\":true,\"first_name\":\"IBP\",\"username\":\"IbpBot\"}}"
                    : path.endsWith("/getupdates") ? "{\"ok\":true,\"result\":[]}" : "{\"ok\":true,\"result\":true}");
        });
        api.start();
        Path log = tmp.resolve("bot.log");
        try {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "nl.ibp.cli.Main", "bot",
                    "--corpus", tmp.resolve("corpus").toString(), "--index", index.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("IBP_TELEGRAM_TOKEN", TOKEN);
            pb.environment().put("IBP_TELEGRAM_API_URL", "http://127.0.0.1:" + api.getAddress().getPort());
            pb.environment().remove("IBP_TELEGRAM_TOKEN_FILE");
            Process bot = pb.start();
            assertTrue(polling.await(30, TimeUnit.SECONDS), "the bot polls: " + Files.readString(log));

            long start = System.nanoTime();
            bot.destroy(); // SIGTERM
            assertTrue(bot.waitFor(10, TimeUnit.SECONDS), "the bot exits within 10 s of SIGTERM");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String output = Files.readString(log);
            assertTrue(output.contains("De bot stopt."), "the shutdown hook closed the bot: " + output);
            assertFalse(output.contains(TOKEN.substring(TOKEN.indexOf(':') + 1)), "no token in the output: " + output);
            assertTrue(millis < 10_000, "stopped in " + millis + " ms");
        } finally {
            api.stop(0);
        }
    }

    private static void reply(HttpExchange ex, String json) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }
}

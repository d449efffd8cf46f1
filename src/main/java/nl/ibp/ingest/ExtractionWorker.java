package nl.ibp.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link WorkerClient}: reads one JSON request per line on stdin (corpus,
 * file, id, hash, maxChars), extracts the file with {@link DocumentReader}, and answers one JSON
 * line on stdout ({@code {"document": …}} or {@code {"skipped": reason}}). It runs with a small
 * heap and {@code -XX:+ExitOnOutOfMemoryError}: a hostile file ends this process, never the
 * indexer. It ends when its input ends.
 */
public final class ExtractionWorker {

    private ExtractionWorker() {
    }

    public static void main(String[] args) throws IOException {
        // stdout carries the answers only: everything else (logging) goes to stderr.
        PrintStream answers = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ObjectMapper json = new ObjectMapper();
        DocumentReader reader = new DocumentReader();
        answers.println("{\"ready\":true}");
        answers.flush();
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        idleExit();
        String line;
        while ((line = requests.readLine()) != null) {
            lastRequest = System.nanoTime();
            if (line.isBlank()) {
                continue;
            }
            JsonNode request = json.readTree(line);
            int maxChars = request.get("maxChars").asInt();
            ObjectNode answer = json.createObjectNode();
            try {
                SourceDocument d = reader.read(Path.of(request.get("corpus").asText()), Path.of(request.get("file").asText()),
                        request.get("id").asText(), request.get("hash").asText(), maxChars);
                answer.set("document", DocumentJson.toJson(d));
            } catch (OutOfMemoryError e) {
                throw e; // -XX:+ExitOnOutOfMemoryError ends the process; the client reports it
            } catch (Exception e) {
                answer.put("skipped", DocumentReader.reason(e, maxChars));
            } catch (StackOverflowError e) {
                answer.put("skipped", "corrupt: nesting too deep");
            }
            answers.println(answer);
            answers.flush();
            lastRequest = System.nanoTime();
        }
    }

    /** A worker nobody asks anything for this long ends; the client starts a new one when needed. */
    private static final long IDLE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    private static volatile long lastRequest = System.nanoTime();

    private static void idleExit() {
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - lastRequest > IDLE_NANOS) {
                    System.exit(0);
                }
            }
        }, "worker-idle");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}

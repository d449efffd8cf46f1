package nl.ibp.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to an {@link ExtractionWorker} child JVM: one request (a file) and one answer (a document
 * or a skip reason) at a time, as JSON lines over the child's stdin and stdout. The child has its
 * own {@code -Xmx} and exits on OutOfMemoryError; a parse over the timeout is killed. Either way
 * the file is skipped with the reason and the next file gets a fresh child.
 */
final class WorkerClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The JVM's exit code after -XX:+ExitOnOutOfMemoryError. */
    private static final int OOM_EXIT = 3;
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final int STDERR_LINES = 20;

    /**
     * The workers of this process, by heap size and slot (an extractor parses as many files at once
     * as it has slots): a JVM start costs more than most parses, so each worker stays alive for the
     * next file (until it is idle, or a file killed it).
     */
    private static final java.util.Map<java.util.List<Integer>, WorkerClient> SHARED = new java.util.HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (SHARED) {
                SHARED.values().forEach(WorkerClient::close);
            }
        }, "ingest-worker-shutdown"));
    }

    private final int heapMb;
    private ExtractionLimits limits;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ingest-worker-io");
        t.setDaemon(true);
        return t;
    });
    private Process process;
    private BufferedWriter requests;
    private BufferedReader answers;
    private final Deque<String> stderr = new ArrayDeque<>();

    private WorkerClient(int heapMb) {
        this.heapMb = heapMb;
    }

    /** The worker of this process for a heap size and slot; it starts on first use and again after it died. */
    static WorkerClient shared(int heapMb, int slot) {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(java.util.List.of(heapMb, slot), k -> new WorkerClient(heapMb));
        }
    }

    synchronized SourceDocument read(Path corpusDir, Path file, String id, String hash, ExtractionLimits limits)
            throws DocumentReader.SkipException {
        this.limits = limits;
        for (int attempt = 0; ; attempt++) {
            try {
                ensureStarted();
            } catch (IOException e) {
                stop();
                throw new DocumentReader.SkipException("extraction process did not start: " + DocumentReader.shortCause(e));
            }
            String request = JSON.createObjectNode()
                    .put("corpus", corpusDir.toAbsolutePath().toString()).put("file", file.toAbsolutePath().toString())
                    .put("id", id).put("hash", hash).put("maxChars", limits.maxChars()).toString();
            JsonNode answer;
            try {
                requests.write(request);
                requests.newLine();
                requests.flush();
                answer = await(limits.parseTimeout().toNanos());
            } catch (TimeoutException e) {
                stop();
                throw new DocumentReader.SkipException("parse timed out after " + Extractor.format(limits.parseTimeout()));
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null) {
                DocumentReader.SkipException skip = died();
                if (skip == null && attempt == 0) {
                    continue; // the worker had just ended because it was idle: ask a fresh one
                }
                throw skip != null ? skip : new DocumentReader.SkipException("extraction process ended unexpectedly");
            }
            if (answer.has("skipped")) {
                throw new DocumentReader.SkipException(answer.get("skipped").asText());
            }
            try {
                return DocumentJson.fromJson(answer.get("document"));
            } catch (RuntimeException e) {
                throw new DocumentReader.SkipException("extraction process gave no document: " + DocumentReader.shortCause(e));
            }
        }
    }

    /** The skip for a child that ended without an answer (out of memory, killed); null after a clean exit. */
    private DocumentReader.SkipException died() {
        Integer exit = null;
        try {
            if (process != null && process.waitFor(5, TimeUnit.SECONDS)) {
                exit = process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String last;
        synchronized (stderr) {
            last = String.join(" | ", stderr);
        }
        stop();
        if (exit != null && exit == 0) {
            return null; // a clean exit: it was idle, not hurt by the file
        }
        if (exit != null && exit == OOM_EXIT || last.contains("OutOfMemoryError")) {
            return new DocumentReader.SkipException("out of memory while parsing (limit " + heapMb
                    + " MB): a zip bomb or a far too large document");
        }
        LOG.warn("extraction process ended (exit {}): {}", exit, last);
        return new DocumentReader.SkipException("extraction process ended unexpectedly"
                + (exit == null ? "" : " (exit code " + exit + ")"));
    }

    private JsonNode await(long nanos) throws IOException, TimeoutException {
        BufferedReader in = answers;
        Future<String> line = io.submit(in::readLine);
        try {
            String text = line.get(nanos, TimeUnit.NANOSECONDS);
            return text == null ? null : JSON.readTree(text);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            line.cancel(true);
            throw e;
        }
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        stop();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx" + heapMb + "m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), ExtractionWorker.class.getName());
        process = new ProcessBuilder(command).start();
        requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        InputStream err = process.getErrorStream();
        io.submit(() -> drain(err));
        try {
            JsonNode ready = await(TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS));
            if (ready == null || !ready.path("ready").asBoolean()) {
                throw new IOException("no ready signal");
            }
        } catch (TimeoutException e) {
            throw new IOException("no ready signal within " + START_TIMEOUT_SECONDS + " s");
        }
    }

    private Void drain(InputStream err) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                LOG.debug("worker: {}", line);
                synchronized (stderr) {
                    stderr.addLast(line.length() > 300 ? line.substring(0, 300) : line);
                    while (stderr.size() > STDERR_LINES) {
                        stderr.removeFirst();
                    }
                }
            }
        }
        return null;
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        synchronized (stderr) {
            stderr.clear();
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            try {
                requests.close(); // the worker ends at the end of its input
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        process = null;
    }
}

package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.index.IndexLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** An admin sends a document: checked, stored under our own name, indexed, reported; others are refused. */
class DocumentUploadTest {

    static final long ADMIN = 42;
    static final long OTHER = 4711;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    static final Pattern STORED = Pattern.compile("upload-\\d{8}-\\d{6}-[0-9a-f]{6}\\.(txt|html|pdf|docx|odt)");

    @TempDir
    static Path tmp;
    static Path corpus;
    static BotStore store;
    static ChatHandler handler;
    static final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    /** The fake Telegram file store: file id → content; every download asked for is recorded. */
    static final Map<String, byte[]> telegramFiles = new ConcurrentHashMap<>();
    static final List<String> downloads = new CopyOnWriteArrayList<>();
    static ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void open() throws Exception {
        Path index = BotFixture.index(tmp);
        corpus = tmp.resolve("corpus");
        store = BotStore.open(index);
        handler = ChatHandler.open(new IndexLayout(index), corpus, store, CLOCK, new RateLimiter(1000, 60_000, CLOCK));
        handler.connect(Set.of(ADMIN), (chat, message) -> sent.add(chat + ": " + message.html()));
        handler.files((fileId, max) -> {
            downloads.add(fileId);
            byte[] b = telegramFiles.get(fileId);
            if (b == null) {
                throw new java.io.IOException("file not found");
            }
            return b;
        });
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(Maintenance.class)).addAppender(logs);
    }

    @AfterAll
    static void close() throws Exception {
        ((Logger) LoggerFactory.getLogger(Maintenance.class)).detachAppender(logs);
        handler.close();
        store.close();
    }

    @BeforeEach
    void clear() {
        downloads.clear();
        logs.list.clear();
    }

    static String send(long user, String fileId, String name, String mime, long size) throws Exception {
        List<Reply> replies = handler.handle(new Incoming.Document(user, user, fileId, name, mime, size));
        assertEquals(1, replies.size(), replies.toString());
        String html = ((Reply.Message) replies.getFirst()).html();
        HtmlCheck.valid(html);
        return html;
    }

    static String ask(String question) throws Exception {
        return ((Reply.Message) handler.handle(new Incoming.Text(9, 9, question)).getFirst()).html();
    }

    static List<String> corpusFiles() throws Exception {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()).filter(p -> !p.startsWith("index")).sorted().toList();
        }
    }

    /** The report of the re-index after the upload stored as {@code name}. */
    static String reportFor(String name) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            String r = sent.poll(1, TimeUnit.SECONDS);
            if (r != null && r.contains(name)) {
                return r;
            }
        }
        throw new AssertionError("no report for " + name);
    }

    static String storedName(String reply) {
        Matcher m = STORED.matcher(reply);
        assertTrue(m.find(), reply);
        return m.group();
    }

    @Test
    void anAdminsDocumentIsStoredIndexedAndFindable() throws Exception {
        String question = "Wanneer begint de mosselcontrole bij de sluizen van Harlingen?";
        assertTrue(ask(question).contains("geen goed antwoord"), "not in the corpus yet");
        telegramFiles.put("f-mossel", ("Mosselcontrole Harlingen\n\nDe mosselcontrole bij de sluizen van Harlingen begint in 2028. "
                + "Gemeente Harlingen en Rijkswaterstaat voeren de mosselcontrole samen uit.\n").getBytes(StandardCharsets.UTF_8));
        String reply = send(ADMIN, "f-mossel", "mossels.txt", "text/plain", 200);
        assertTrue(reply.contains("opgeslagen als") && reply.contains("text/plain"), reply);
        String name = storedName(reply);
        assertTrue(name.endsWith(".txt"));
        assertTrue(Files.isRegularFile(corpus.resolve(name)));
        assertFalse(corpusFiles().stream().anyMatch(f -> f.contains("mossels") || f.endsWith(".part")), corpusFiles().toString());
        assertEquals(List.of("f-mossel"), downloads);

        String report = reportFor(name);
        assertTrue(report.startsWith(ADMIN + ": "), report);
        assertTrue(report.contains("is opgenomen") && report.contains("toegevoegd 1") && report.contains("passages"), report);
        String answer = ask(question);
        assertTrue(answer.contains("Harlingen") && answer.contains("2028"), answer);
    }

    @Test
    void othersAreRefusedPolitelyLoggedAndNothingIsDownloaded() throws Exception {
        List<String> before = corpusFiles();
        telegramFiles.put("f-other", "Iets\n".getBytes(StandardCharsets.UTF_8));
        String reply = send(OTHER, "f-other", "iets.txt", "text/plain", 5);
        assertTrue(reply.contains("alleen voor de beheerders"), reply);
        assertTrue(downloads.isEmpty());
        assertEquals(before, corpusFiles());
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("refused document upload")
                && e.getFormattedMessage().contains("user " + OTHER)), logs.list.toString());
        // an admin in a group: to the private chat
        List<Reply> group = handler.handle(new Incoming.Document(-100123, ADMIN, "f-other", "iets.txt", "text/plain", 5));
        assertTrue(((Reply.Message) group.getFirst()).html().contains("privégesprek"));
        assertTrue(downloads.isEmpty());
    }

    @Test
    void anOversizeDocumentIsRefusedBeforeTheDownload() throws Exception {
        List<String> before = corpusFiles();
        String reply = send(ADMIN, "f-huge", "groot.pdf", "application/pdf", ChatHandler.MAX_UPLOAD + 1);
        assertTrue(reply.contains("te groot") && reply.contains("20 MB") && reply.contains("niets opgeslagen"), reply);
        assertTrue(downloads.isEmpty(), "no download for a declared size over the limit");
        assertEquals(before, corpusFiles());

        // a declared size that lies: what comes is measured too
        telegramFiles.put("f-liar", new byte[(int) ChatHandler.MAX_UPLOAD + 1]);
        assertTrue(send(ADMIN, "f-liar", "klein.txt", "text/plain", 10).contains("te groot"));
        telegramFiles.remove("f-liar");
        assertEquals(before, corpusFiles());
    }

    @Test
    void anUnsupportedTypeIsRefusedByItsContentNotItsName() throws Exception {
        List<String> before = corpusFiles();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1};
        telegramFiles.put("f-png", png);
        String reply = send(ADMIN, "f-png", "notulen.pdf", "application/pdf", png.length);
        assertTrue(reply.contains("bestandstype") && reply.contains("image/png") && reply.contains("niets opgeslagen"), reply);
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
        telegramFiles.put("f-exe", exe);
        assertTrue(send(ADMIN, "f-exe", "tekst.txt", "text/plain", exe.length).contains("bestandstype"));
        telegramFiles.put("f-empty", new byte[0]);
        assertTrue(send(ADMIN, "f-empty", "leeg.txt", "text/plain", 0).contains("leeg"));
        assertTrue(send(ADMIN, "f-missing", "weg.txt", "text/plain", 10).contains("niet worden opgehaald"));
        assertEquals(before, corpusFiles());
    }

    @Test
    void theSendersFileNameIsNeverUsed() throws Exception {
        telegramFiles.put("f-evil", ("<!DOCTYPE html><html><head><title>Zeewering Vlieland</title></head><body>"
                + "<h1>Zeewering Vlieland</h1><p>De zeewering van Vlieland wordt in 2029 versterkt door het waterschap.</p>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8));
        String reply = send(ADMIN, "f-evil", "../../../evil.txt", "text/plain", 150);
        String name = storedName(reply);
        assertTrue(name.endsWith(".html"), "the extension follows the detected type: " + name);
        assertTrue(Files.isRegularFile(corpus.resolve(name)));
        assertFalse(corpusFiles().stream().anyMatch(f -> f.contains("evil")), corpusFiles().toString());
        try (Stream<Path> s = Files.walk(tmp.getParent(), 2)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("evil")));
        }
        assertTrue(reportFor(name).contains("is opgenomen"));
        // the same content again is not stored twice
        assertTrue(send(ADMIN, "f-evil", "again.html", "text/html", 150).contains("staat al"));
    }
}

package nl.ibp.bot;

import static nl.ibp.bot.Html.esc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Tracker;
import nl.ibp.agreements.Deadline;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.answer.AnswerEngine.Answer;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.bot.Handler.Button;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.config.Build;
import nl.ibp.index.IndexBusyException;
import nl.ibp.index.IndexException;
import nl.ibp.index.Reindexer;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.IndexReport;
import nl.ibp.index.Indexer;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Sentences;
import nl.ibp.search.Hit;
import nl.ibp.search.PassageSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What maintainers do through the bot: {@code /status}, {@code /reindex} and sending a document.
 * Admins are known by numeric user id and must write in a private chat; others are refused and
 * logged. A re-index runs on one background thread while the bot keeps answering from the old
 * index, then swaps the new one in and reports to the admin.
 */
final class Maintenance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    /** Documents larger than this (declared or downloaded) are refused. */
    static final long MAX_UPLOAD = 20L * 1024 * 1024;
    /** The document types an admin may upload (detected from the content by Tika) and their extension. */
    static final Map<String, String> UPLOAD_TYPES = Map.of(
            "application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/vnd.oasis.opendocument.text", "odt",
            "text/html", "html",
            "application/xhtml+xml", "html",
            "text/plain", "txt");
    private static final DateTimeFormatter UPLOAD_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Snapshots snapshots;
    /** Null when the bot runs without an index directory (tests): then there is nothing to re-index. */
    private final Reindexer reindexer;
    private final IndexLayout layout;
    private final Path corpus;
    private final Clock clock;
    private final Instant started;
    private final AtomicBoolean reindexing = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ibp-bot-reindex");
        t.setDaemon(true);
        return t;
    });
    private volatile Set<Long> admins = Set.of();
    private volatile Handler.Outbox outbox = (chat, reply) -> { };
    private volatile Handler.FileSource files;
    private volatile String lastOutcome = "";
    /** One swap of the snapshot at a time: a /reindex and a generation from another process. */
    private final Object swapping = new Object();

    /** {@code layout} and {@code corpus} are null when the bot runs without an index directory (tests). */
    Maintenance(Snapshots snapshots, IndexLayout layout, Path corpus, Clock clock) {
        this.snapshots = snapshots;
        this.layout = layout;
        this.corpus = corpus;
        this.clock = clock;
        this.started = clock.instant();
        this.reindexer = layout == null || corpus == null ? null
                : new Reindexer(corpus, layout, clock, () -> List.of(new Tracker(corpus, clock)), Indexer.Progress.NONE);
    }

    void connect(Set<Long> admins, Handler.Outbox outbox) {
        this.admins = Set.copyOf(admins);
        this.outbox = outbox;
    }

    void files(Handler.FileSource files) {
        this.files = files;
    }

    /** Whether a command is one of the maintainers'. */
    static boolean isCommand(String name) {
        return name.equals("status") || name.equals("reindex");
    }

    // --- maintainers ---------------------------------------------------------------------

    /** /status and /reindex: for admins, in a private chat (there the chat id is the user id). */
    List<Reply> maintainer(Incoming.Text t, String command) throws IOException {
        if (!admins.contains(t.userId()) || t.chatId() != t.userId()) {
            LOG.warn("refused /{} for user {} in chat {}{}", command, t.userId(), t.chatId(),
                    admins.contains(t.userId()) ? " (not a private chat)" : "");
            return List.of(new Reply.Message(admins.contains(t.userId())
                    ? "Dit commando werkt alleen in een privégesprek met mij."
                    : "Sorry, dit commando is alleen voor de beheerders van de IBP-assistent. Een vraag stellen kan altijd; met /help ziet u wat ik kan."));
        }
        return command.equals("status") ? List.of(status()) : List.of(reindex(t.chatId()));
    }

    private Reply status() throws IOException {
        Snapshot s = snapshots.acquire();
        try {
            var manifest = s.engine.manifest();
            long documents = manifest.files().stream().filter(f -> f.indexed()).count();
            long skipped = manifest.files().size() - documents;
            Duration up = Duration.between(started, clock.instant());
            String outcome = lastOutcome.isEmpty() ? "geen herindexering sinds de start" : lastOutcome;
            String html = "<b>Status</b>\n"
                    + "Documenten: " + documents + (skipped > 0 ? " (" + skipped + " overgeslagen)" : "") + "\n"
                    + "Passages: " + s.searcher.size() + "\n"
                    + "Afspraken: " + s.agreements.size() + "\n"
                    + "Geïndexeerd: " + esc(manifest.indexedAt()) + " (generatie " + manifest.generation() + ")\n"
                    + "Laatste herindexering: " + esc(outcome) + (reindexing.get() ? " – er loopt er nu een" : "") + "\n"
                    + "Nieuwste document: " + esc(manifest.newestDocumentDate().orElse("onbekend")) + "\n"
                    + "Versie: " + esc(Build.current().id()) + "\n"
                    + "Actief sinds: " + up.toDaysPart() + " d " + up.toHoursPart() + " u " + up.toMinutesPart() + " min";
            return new Reply.Message(html);
        } finally {
            s.release();
        }
    }

    private Reply reindex(long chat) {
        if (layout == null || corpus == null) {
            return new Reply.Message("Herindexeren kan hier niet: deze bot is zonder indexmap gestart.");
        }
        if (!reindexing.compareAndSet(false, true)) {
            return new Reply.Message("Er wordt al geherindexeerd; ik ben nog bezig. U krijgt bericht zodra het klaar is.");
        }
        try {
            background.execute(() -> {
                try {
                    outbox.send(chat, new Reply.Message(runReindex(null)));
                } catch (RuntimeException e) {
                    LOG.error("reporting the re-index to chat {} failed: {}", chat, e.toString());
                } finally {
                    reindexing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            reindexing.set(false);
            return new Reply.Message("De bot stopt; herindexeren kan nu niet.");
        }
        return new Reply.Message("Herindexeren is gestart. Ik beantwoord vragen intussen uit de huidige index en meld het resultaat.");
    }

    /**
     * An admin's document: checked (private chat, declared size before the download, size and type
     * of what came), stored under a name of our own (never the sender's), then indexed like
     * {@code /reindex}; the report follows through the outbox. Nothing is stored when a check fails.
     */
    Reply upload(Incoming.Document d) {
        boolean admin = admins.contains(d.userId());
        if (!admin || d.chatId() != d.userId()) {
            LOG.warn("refused document upload for user {} in chat {}{}", d.userId(), d.chatId(),
                    admin ? " (not a private chat)" : "");
            return new Reply.Message(admin
                    ? "Documenten toevoegen werkt alleen in een privégesprek met mij."
                    : "Sorry, documenten toevoegen is alleen voor de beheerders van de IBP-assistent. "
                    + "Ik kan alleen tekst lezen: stel uw vraag gerust in woorden; met /help ziet u wat ik kan.");
        }
        Handler.FileSource source = files;
        if (layout == null || corpus == null || source == null) {
            return new Reply.Message("Documenten toevoegen kan hier niet: deze bot is zonder corpus- of indexmap gestart.");
        }
        if (d.size() > MAX_UPLOAD) {
            LOG.info("refused upload from admin {}: declared size {} bytes over the limit", d.userId(), d.size());
            return tooLarge();
        }
        byte[] bytes;
        try {
            bytes = source.download(d.fileId(), MAX_UPLOAD);
        } catch (IOException e) {
            LOG.warn("download of a document from admin {} failed: {}", d.userId(), e.getMessage());
            return new Reply.Message("Het bestand kon niet worden opgehaald bij Telegram (" + esc(String.valueOf(e.getMessage()))
                    + "). Er is niets opgeslagen; probeer het nog eens.");
        }
        if (bytes.length > MAX_UPLOAD) {
            LOG.info("refused upload from admin {}: {} bytes over the limit", d.userId(), bytes.length);
            return tooLarge();
        }
        if (bytes.length == 0) {
            return new Reply.Message("Dit bestand is leeg. Er is niets opgeslagen.");
        }
        String type = new org.apache.tika.Tika().detect(bytes);
        String ext = UPLOAD_TYPES.get(type);
        if (ext == null) {
            LOG.info("refused upload from admin {}: detected type {}", d.userId(), type);
            return new Reply.Message("Dit bestandstype (" + esc(type) + ") neem ik niet op. Stuur een PDF-, DOCX-, ODT-, HTML- of "
                    + "TXT-bestand. Er is niets opgeslagen.");
        }
        String name;
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 6);
            name = "upload-" + UPLOAD_STAMP.format(clock.instant().atZone(ZoneId.systemDefault())) + "-" + hash + "." + ext;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path target = corpus.resolve(name);
        if (Files.exists(target)) {
            return new Reply.Message("Dit bestand staat al in de corpusmap als <code>" + esc(name) + "</code>; niets gewijzigd.");
        }
        Path tmp = null;
        try {
            Files.createDirectories(corpus);
            tmp = Files.createTempFile(corpus, ".upload-", ".part"); // hidden: the indexer skips it
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("storing an upload from admin {} failed: {}", d.userId(), e.toString());
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // a hidden temporary file left behind is not indexed
            }
            return new Reply.Message("Opslaan is mislukt (" + esc(e.getClass().getSimpleName()) + "). Er is niets opgeslagen.");
        }
        LOG.info("admin {} uploaded {} ({} bytes, {})", d.userId(), name, bytes.length, type);
        long chat = d.chatId();
        try {
            background.execute(() -> {
                reindexing.set(true);
                try {
                    outbox.send(chat, new Reply.Message(runReindex(name)));
                } catch (RuntimeException e) {
                    LOG.error("reporting the upload re-index to chat {} failed: {}", chat, e.toString());
                } finally {
                    reindexing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            return new Reply.Message("Opgeslagen als <code>" + esc(name) + "</code>, maar de bot stopt; stuur na de herstart /reindex.");
        }
        return new Reply.Message("Ontvangen (" + esc(type) + ", " + (bytes.length + 1023) / 1024 + " kB) en opgeslagen als <code>"
                + esc(name) + "</code>. Ik herindexeer nu en meld het resultaat.");
    }

    private static Reply tooLarge() {
        return new Reply.Message("Dit bestand is te groot: de grens is " + MAX_UPLOAD / (1024 * 1024)
                + " MB. Er is niets opgeslagen.");
    }

    /**
     * Runs the incremental index and swaps in the new generation; returns the report for the admin,
     * headed by what became of {@code upload} (a corpus file id) when there is one.
     */
    private String runReindex(String upload) {
        long t0 = System.nanoTime();
        try {
            // One single-flight runner for /reindex and uploads; another process's run holds the index lock.
            IndexReport r = reindexer.run(false);
            if (r.rebuilt()) {
                synchronized (swapping) {
                    snapshots.swap(Snapshot.open(layout));
                }
            }
            String summary = String.format(Locale.ROOT,
                    "toegevoegd %d, gewijzigd %d, verwijderd %d, overgeslagen %d; %d documenten, %d passages",
                    r.added().size(), r.updated().size(), r.removed().size(), r.skipped().size(), r.documents(), r.passages());
            lastOutcome = clock.instant() + ": " + (r.rebuilt() ? "bijgewerkt" : "al actueel") + " (" + summary + ")";
            LOG.info("re-index: {} ({} ms)", summary, (System.nanoTime() - t0) / 1_000_000);
            StringBuilder sb = new StringBuilder();
            if (upload != null) {
                Optional<IndexReport.Skip> skip = r.skipped().stream().filter(k -> k.id().equals(upload)).findFirst();
                sb.append(skip.isPresent()
                        ? "<b>Document " + esc(upload) + " overgeslagen</b> (" + esc(skip.get().reason()) + ").\n"
                        : r.added().contains(upload) || r.updated().contains(upload) || r.unchanged().contains(upload)
                        ? "<b>Document " + esc(upload) + " is opgenomen.</b>\n"
                        : "<b>Document " + esc(upload) + " niet gevonden in de index.</b>\n");
            }
            sb.append(r.rebuilt() ? "<b>Index bijgewerkt.</b>\n" : "<b>Index was al actueel; niets te doen.</b>\n");
            sb.append(esc(summary)).append('\n');
            r.added().stream().limit(20).forEach(id -> sb.append("+ ").append(esc(id)).append('\n'));
            r.updated().stream().limit(20).forEach(id -> sb.append("~ ").append(esc(id)).append('\n'));
            r.removed().stream().limit(20).forEach(id -> sb.append("− ").append(esc(id)).append('\n'));
            r.skipped().stream().limit(20).forEach(k -> sb.append("overgeslagen: ").append(esc(k.id())).append(" (")
                    .append(esc(k.reason())).append(")\n"));
            r.notes().stream().limit(10).forEach(n -> sb.append("afspraken: ").append(esc(n)).append('\n'));
            return sb.toString();
        } catch (IndexBusyException e) {
            lastOutcome = clock.instant() + ": wachtte op een andere indexering";
            LOG.info("re-index refused: {}", e.getMessage());
            return "Er loopt al een indexering (ook buiten de bot); ik ben nog bezig. Probeer het straks opnieuw.";
        } catch (IndexException e) {
            lastOutcome = clock.instant() + ": mislukt (" + e.getMessage() + ")";
            LOG.warn("re-index failed: {}", e.getMessage());
            return "<b>Herindexeren mislukt</b>; de vorige index blijft in gebruik.\n" + esc(e.getMessage());
        } catch (Exception e) {
            lastOutcome = clock.instant() + ": mislukt (onverwachte fout)";
            LOG.error("re-index failed", e);
            return "<b>Herindexeren mislukt</b> door een onverwachte fout (zie het logboek); de vorige index blijft in gebruik.";
        }
    }

    /**
     * Puts in use the generation another process published ({@code ibp index} beside the bot),
     * when CURRENT names another than the one served. Failures are logged; the old one stays.
     */
    void reloadIfNewer() {
        if (layout == null || reindexing.get()) {
            return;
        }
        try {
            Optional<Path> current = layout.current();
            if (current.isEmpty()) {
                return;
            }
            synchronized (swapping) {
                Snapshot s = snapshots.acquire();
                String served;
                try {
                    served = s.generation;
                } finally {
                    s.release();
                }
                if (current.get().getFileName().toString().equals(served)) {
                    return;
                }
                snapshots.swap(Snapshot.open(layout));
                LOG.info("index generation {} published by another process: in use (was {})", current.get().getFileName(), served);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("picking up a new index generation failed; the old one stays in use: {}", e.getMessage());
        }
    }

    /** Stops a running re-index, waiting a little. */
    @Override
    public void close() {
        if (reindexer != null) {
            reindexer.close();
        }
        background.shutdown();
        try {
            if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

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
import nl.ibp.index.IndexException;
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
 * The bot's conversation: commands, questions, buttons. Uses the same {@link AnswerEngine} as
 * {@code ibp ask}. Keeps a little state per chat (the last opgave and passage, recent questions
 * for the buttons) in memory; feedback goes to {@link BotStore}. Thread-safe across chats; the
 * adapter hands it one update per chat at a time.
 */
public final class ChatHandler implements Handler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatHandler.class);

    /** Questions longer than this are cut (at a word) before they are searched. */
    static final int MAX_QUESTION = 500;
    /** Passages shown per answer page. */
    static final int PAGE = 3;
    /** The shortened passage shows about this many characters around the answer sentence. */
    static final int CONTEXT = 280;
    /** Below this score the best passage is not an answer; the nearest opgaven are offered instead. */
    static final float WEAK_SCORE = 5.5f;
    private static final int REMEMBERED_QUESTIONS = 2000;
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

    private static final Pattern COMMAND = Pattern.compile("^/([^\\s@]+)(?:@\\w+)?(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "(?iu)^(en\\s|maar\\s|ook\\s)|\\b(daarvoor|daarvan|daarbij|daarin|daaraan|hiervoor|hiervan|dat|dit|die|deze|het)\\b");
    private static final Pattern QUESTION_ONLY = Pattern.compile(
            "(?iu)^\\s*(en\\s+)?(wanneer|wie|hoe|hoeveel|waarom|wat|waar)(\\s+\\S+){0,5}\\s*\\??\\s*$");

    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    /** The snapshot the current thread answers from, for the duration of one {@link #handle}. */
    private final ThreadLocal<Snapshot> leased = new ThreadLocal<>();
    private final IndexLayout layout;
    private final Path corpus;
    private final Instant started;
    private final AtomicBoolean reindexing = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ibp-bot-reindex");
        t.setDaemon(true);
        return t;
    });
    private volatile Set<Long> admins = Set.of();
    private volatile Outbox outbox = (chat, reply) -> { };
    private volatile Handler.FileSource files;
    private volatile String lastOutcome = "";
    private final BotStore store;
    private final Clock clock;
    private final RateLimiter limiter;
    private final Map<Long, ChatState> chats = new ConcurrentHashMap<>();
    private final Map<Long, Asked> asked = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Asked> eldest) {
            return size() > REMEMBERED_QUESTIONS;
        }
    });
    private final AtomicLong nextQuestion = new AtomicLong(1);

    /** What a chat talked about last. */
    private static final class ChatState {
        volatile Integer opgave;
        volatile String passage;
    }

    /** A question answered, for its buttons: "meer resultaten" and feedback. */
    private record Asked(String question, String passage) {
    }

    public ChatHandler(AnswerEngine engine, PassageSearcher searcher, List<Agreement> agreements, BotStore store,
                       Clock clock, RateLimiter limiter) {
        this(new Snapshot(engine, searcher, agreements), null, null, store, clock, limiter);
    }

    private ChatHandler(Snapshot snapshot, IndexLayout layout, Path corpus, BotStore store, Clock clock, RateLimiter limiter) {
        this.current.set(snapshot);
        this.layout = layout;
        this.corpus = corpus;
        this.store = store;
        this.clock = clock;
        this.limiter = limiter;
        this.started = clock.instant();
    }

    /** Opens everything over an index directory built from {@code corpus}; {@code store} stays the caller's. */
    public static ChatHandler open(IndexLayout layout, Path corpus, BotStore store, Clock clock, RateLimiter limiter)
            throws IOException, SQLException {
        return new ChatHandler(Snapshot.open(layout), layout, corpus, store, clock, limiter);
    }

    /**
     * Connects the maintainers' commands: who may use them, and where the result of a
     * {@code /reindex} that finishes later goes. The Telegram adapter calls it at start.
     */
    @Override
    public void connect(Set<Long> admins, Outbox outbox) {
        this.admins = Set.copyOf(admins);
        this.outbox = outbox;
    }

    @Override
    public void files(Handler.FileSource files) {
        this.files = files;
    }

    @Override
    public List<Reply> handle(Incoming incoming) throws IOException, SQLException {
        RateLimiter.Verdict verdict = limiter.check(incoming.userId());
        if (verdict != RateLimiter.Verdict.ALLOW) {
            List<Reply> replies = new ArrayList<>();
            if (incoming instanceof Incoming.Callback cb) {
                replies.add(new Reply.CallbackAnswer(cb.callbackId(), "Even geduld: u drukt snel achter elkaar."));
            } else if (verdict == RateLimiter.Verdict.NOTIFY) {
                replies.add(new Reply.Message("U stuurt veel berichten kort na elkaar. Wacht "
                        + limiter.waitSeconds(incoming.userId()) + " seconden; daarna beantwoord ik uw vragen graag weer."));
            }
            return replies;
        }
        ChatState state = chats.computeIfAbsent(incoming.chatId(), c -> new ChatState());
        if (incoming instanceof Incoming.Text t) {
            Matcher m = COMMAND.matcher(t.text().strip());
            String name = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
            if (name.equals("status") || name.equals("reindex")) {
                return maintainer(t, name);
            }
        }
        if (incoming instanceof Incoming.Document d) {
            return List.of(upload(d));
        }
        Snapshot snapshot = acquire();
        leased.set(snapshot);
        try {
            return switch (incoming) {
                case Incoming.Text t -> text(state, t.text());
                case Incoming.Callback c -> callback(state, c);
                case Incoming.Document d -> List.of(upload(d)); // handled above
                case Incoming.Other o -> List.of(new Reply.Message(
                        "Ik kan alleen tekst lezen. Stel uw vraag in woorden, bijvoorbeeld: <i>Wanneer moeten gemeenten van het gas af?</i>"));
            };
        } finally {
            leased.remove();
            snapshot.release();
        }
    }

    /** A reference to the index in use; a re-index may swap it meanwhile, the old one stays open until released. */
    private Snapshot acquire() {
        for (;;) {
            Snapshot s = current.get();
            if (s.tryAcquire()) {
                return s;
            }
        }
    }

    private AnswerEngine engine() {
        return leased.get().engine;
    }

    private PassageSearcher searcher() {
        return leased.get().searcher;
    }

    private List<Agreement> agreements() {
        return leased.get().agreements;
    }

    // --- maintainers ---------------------------------------------------------------------

    /** /status and /reindex: for admins, in a private chat (there the chat id is the user id). */
    private List<Reply> maintainer(Incoming.Text t, String command) throws IOException {
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
        Snapshot s = acquire();
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
    private Reply upload(Incoming.Document d) {
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
            Tracker tracker = new Tracker(corpus, clock);
            IndexReport r;
            try (Indexer indexer = new Indexer(corpus, layout, Indexer.Progress.NONE, clock, List.of(tracker))) {
                r = indexer.run(false);
            }
            if (r.rebuilt()) {
                Snapshot fresh = Snapshot.open(layout);
                Snapshot old = current.getAndSet(fresh);
                old.release();
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
            tracker.notes().stream().limit(10).forEach(n -> sb.append("afspraken: ").append(esc(n)).append('\n'));
            return sb.toString();
        } catch (IndexException e) {
            lastOutcome = clock.instant() + ": mislukt (" + e.getMessage() + ")";
            LOG.warn("re-index refused or failed: {}", e.getMessage());
            return e.getMessage() != null && e.getMessage().startsWith("another index run")
                    ? "Er loopt al een indexering (ook buiten de bot); ik ben nog bezig. Probeer het straks opnieuw."
                    : "<b>Herindexeren mislukt</b>; de vorige index blijft in gebruik.\n" + esc(e.getMessage());
        } catch (Exception e) {
            lastOutcome = clock.instant() + ": mislukt (" + e.getClass().getSimpleName() + ")";
            LOG.error("re-index failed", e);
            return "<b>Herindexeren mislukt</b>; de vorige index blijft in gebruik.\n" + esc(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    // --- text and commands ---------------------------------------------------------------

    private List<Reply> text(ChatState state, String raw) throws IOException {
        String text = raw.strip();
        if (text.isEmpty()) {
            return List.of(new Reply.Message("Ik zie geen tekst. Typ uw vraag over het Interbestuurlijk Programma, of /help."));
        }
        Matcher m = COMMAND.matcher(text);
        if (!m.matches()) {
            return question(state, text);
        }
        String arg = m.group(2) == null ? "" : m.group(2).strip();
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "start" -> start(state, arg);
            case "help" -> List.of(help());
            case "opgaven" -> List.of(opgavenList());
            case "opgave" -> opgaveCommand(state, arg);
            case "deadlines", "termijnen" -> List.of(deadlines(arg));
            case "wie" -> arg.isEmpty()
                    ? List.of(new Reply.Message("Waarover? Bijvoorbeeld: <code>/wie regionale energiestrategieën</code>"))
                    : who(state, arg);
            case "zoek" -> arg.isEmpty()
                    ? List.of(new Reply.Message("Wat zoekt u? Bijvoorbeeld: <code>/zoek schuldhulpverlening</code>"))
                    : List.of(search(arg));
            case "bron" -> List.of(source(state));
            default -> List.of(new Reply.Message("Het commando <code>/" + esc(m.group(1))
                    + "</code> ken ik niet. Met /help ziet u wat ik kan; een gewone vraag mag ook."));
        };
    }

    private List<Reply> start(ChatState state, String arg) throws IOException {
        Matcher deep = Pattern.compile("(?i)^opgave_(\\d{1,2})$").matcher(arg);
        if (deep.matches()) {
            return opgaveCommand(state, deep.group(1));
        }
        String html = "<b>Welkom bij de IBP-assistent.</b>\n\n"
                + "Ik beantwoord vragen over het Interbestuurlijk Programma (IBP) met de tekst uit de brondocumenten zelf, "
                + "met de bron erbij. Stel gewoon een vraag, bijvoorbeeld:\n"
                + "• <i>Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?</i>\n"
                + "• <i>Wie neemt het voortouw bij de regionale energiestrategieën?</i>\n\n"
                + "Of kies hieronder een van de tien opgaven. Met /help ziet u alle commando's.";
        return List.of(new Reply.Message(html, opgavenKeyboard()));
    }

    private Reply help() {
        var manifest = engine().manifest();
        String fresh = manifest.newestDocumentDate().map(d -> dutchDate(LocalDate.parse(d))).orElse("onbekend");
        long documents = manifest.files().stream().filter(f -> f.indexed()).count();
        String html = "<b>Wat ik kan</b>\n"
                + "Typ een vraag in gewone taal; ik antwoord met de passage uit de documenten en de bron.\n\n"
                + "/opgaven – de tien opgaven van het IBP\n"
                + "/opgave <i>N</i> – één opgave: ambitie, termijnen, wie wat doet\n"
                + "/deadlines [<i>N</i> | <i>jaar</i> | komend | verstreken] – termijnen uit de afspraken\n"
                + "/wie <i>onderwerp</i> – wie is verantwoordelijk\n"
                + "/zoek <i>woorden</i> – de passages die het best passen\n"
                + "/bron – de volledige passage en bron van het laatste antwoord\n\n"
                + "Na een antwoord kunt u doorvragen, bijvoorbeeld <i>en wie is daarvoor verantwoordelijk?</i> of <i>wanneer?</i>\n\n"
                + "<i>Index: " + documents + " documenten, " + searcher().size() + " passages, " + agreements().size()
                + " afspraken; nieuwste document van " + esc(fresh) + ".</i>";
        return new Reply.Message(html);
    }

    private Reply opgavenList() {
        StringBuilder sb = new StringBuilder("<b>De tien opgaven van het IBP</b>\n");
        String cluster = "";
        for (Opgave o : Opgaven.ALL) {
            if (!o.cluster().equals(cluster)) {
                cluster = o.cluster();
                sb.append("\n<i>").append(esc(cluster)).append("</i>\n");
            }
            sb.append(o.number()).append(". ").append(esc(o.title())).append('\n');
        }
        sb.append("\nKies een opgave voor de ambitie, de termijnen en wie wat doet.");
        return new Reply.Message(sb.toString(), opgavenKeyboard());
    }

    private static List<List<Button>> opgavenKeyboard() {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < Opgaven.ALL.size(); i += 2) {
            List<Button> row = new ArrayList<>();
            for (Opgave o : Opgaven.ALL.subList(i, Math.min(i + 2, Opgaven.ALL.size()))) {
                row.add(opgaveButton(o));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Button opgaveButton(Opgave o) {
        return new Button(o.number() + ". " + shortTitle(o.title()), "o:" + o.number());
    }

    private static String shortTitle(String title) {
        return title.length() <= 28 ? title : title.substring(0, title.lastIndexOf(' ', 27)) + "…";
    }

    private List<Reply> opgaveCommand(ChatState state, String arg) throws IOException {
        int n;
        try {
            n = Integer.parseInt(arg.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 10) {
            return List.of(new Reply.Message("Kies een opgave van 1 tot en met 10, bijvoorbeeld <code>/opgave 6</code>.",
                    opgavenKeyboard()));
        }
        return List.of(opgave(state, n));
    }

    private Reply opgave(ChatState state, int n) throws IOException {
        Opgave o = Opgaven.byNumber(n);
        state.opgave = n;
        StringBuilder sb = new StringBuilder();
        sb.append("<b>Opgave ").append(n).append(": ").append(esc(o.title())).append("</b> <i>(")
                .append(esc(o.cluster())).append(")</i>\n");
        searcher().passagesOf(n).stream()
                .filter(h -> h.passage().headingPath().stream().anyMatch(s -> s.matches("(?i)gezamenlijke? ambitie")))
                .findFirst()
                .ifPresent(h -> {
                    sb.append("\n<b>Ambitie</b>\n").append(esc(shorten(h.passage().text(), 700))).append('\n');
                    state.passage = h.passage().id();
                });
        List<Agreement> mine = agreements().stream().filter(a -> a.opgave().equals(OptionalInt.of(n))).toList();
        List<Agreement> dated = mine.stream().filter(a -> !a.deadlines().isEmpty())
                .sorted(Comparator.comparing(a -> a.deadlines().getFirst().start())).toList();
        if (!dated.isEmpty()) {
            sb.append("\n<b>Termijnen</b>\n");
            LocalDate now = LocalDate.now(clock);
            dated.stream().limit(5).forEach(a -> {
                Deadline d = a.deadlines().getFirst();
                sb.append("• ").append(esc(d.label())).append(d.end().isBefore(now) ? " <i>(verstreken)</i>" : "")
                        .append(": ").append(esc(shorten(a.text(), 200))).append('\n');
            });
            if (dated.size() > 5) {
                sb.append("<i>en nog ").append(dated.size() - 5).append(" – zie /deadlines ").append(n).append("</i>\n");
            }
        }
        Set<String> who = new LinkedHashSet<>();
        mine.forEach(a -> a.actors().forEach(r -> who.add(r.actor().name())));
        if (!who.isEmpty()) {
            sb.append("\n<b>Wie doet mee</b>\n").append(esc(who.stream().limit(12).collect(Collectors.joining(", ")))).append('\n');
        }
        List<List<Button>> keyboard = List.of(
                List.of(new Button("Termijnen", "d:" + n), new Button("Alle opgaven", "l")));
        return new Reply.Message(sb.toString(), keyboard);
    }

    private Reply deadlines(String arg) {
        String a = arg.strip().toLowerCase(Locale.ROOT);
        LocalDate now = LocalDate.now(clock);
        OptionalInt opgave = OptionalInt.empty();
        Integer year = null;
        String when = "";
        if (a.matches("\\d{1,2}")) {
            int n = Integer.parseInt(a);
            if (n < 1 || n > 10) {
                return new Reply.Message("Kies een opgave van 1 tot en met 10, bijvoorbeeld <code>/deadlines 1</code>.");
            }
            opgave = OptionalInt.of(n);
        } else if (a.matches("\\d{4}")) {
            year = Integer.parseInt(a);
        } else if (a.equals("komend") || a.equals("verstreken")) {
            when = a;
        } else if (!a.isEmpty()) {
            return new Reply.Message("Gebruik <code>/deadlines</code>, <code>/deadlines 6</code> (een opgave), "
                    + "<code>/deadlines 2021</code> (een jaar), <code>/deadlines komend</code> of <code>/deadlines verstreken</code>.");
        }
        record Row(Deadline d, Agreement a) {
        }
        List<Row> rows = new ArrayList<>();
        for (Agreement g : agreements()) {
            if (opgave.isPresent() && !g.opgave().equals(opgave)) {
                continue;
            }
            for (Deadline d : g.deadlines()) {
                boolean passed = d.end().isBefore(now);
                if ((year == null || d.spans(year)) && (!when.equals("komend") || !passed)
                        && (!when.equals("verstreken") || passed)) {
                    rows.add(new Row(d, g));
                }
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.d().start()).thenComparing(r -> r.d().end()));
        String title = "<b>Termijnen" + (opgave.isPresent() ? " van opgave " + opgave.getAsInt() : "")
                + (year != null ? " in " + year : "") + (when.isEmpty() ? "" : " (" + when + ")") + "</b>\n";
        if (rows.isEmpty()) {
            return new Reply.Message(title + "\nGeen termijnen gevonden.");
        }
        StringBuilder sb = new StringBuilder(title);
        for (Row r : rows) {
            Deadline d = r.d();
            String status = d.end().isBefore(now) ? "verstreken" : d.start().isAfter(now) ? "komend" : "loopt";
            sb.append("\n• <b>").append(esc(span(d))).append("</b> <i>(").append(status).append(")</i>");
            r.a().opgave().ifPresent(n -> sb.append(" · opgave ").append(n));
            sb.append("\n").append(esc(shorten(r.a().text(), 220))).append('\n');
        }
        return new Reply.Message(sb.toString());
    }

    private List<Reply> who(ChatState state, String topic) throws IOException {
        String question = "Wie is verantwoordelijk voor " + cut(topic, MAX_QUESTION);
        Answer answer = engine().ask(question, PAGE);
        List<Agreement> withActors = answer.agreements().stream().filter(a -> !a.actors().isEmpty()).toList();
        if (withActors.isEmpty()) {
            return question(state, question);
        }
        StringBuilder sb = new StringBuilder("<b>Wie: ").append(esc(cut(topic, 100))).append("</b>\n");
        for (Agreement a : withActors) {
            sb.append('\n').append(agreementHtml(a));
        }
        answer.passages().stream().findFirst().ifPresent(p -> state.passage = p.hit().passage().id());
        answer.opgave().ifPresent(o -> state.opgave = o.number());
        return List.of(new Reply.Message(sb.toString()));
    }

    private Reply search(String words) throws IOException {
        String q = cut(words, MAX_QUESTION);
        List<Hit> hits = searcher().search(q, 5);
        if (hits.isEmpty()) {
            return new Reply.Message("Niets gevonden voor <i>" + esc(cut(words, 100)) + "</i>. Probeer andere woorden.");
        }
        StringBuilder sb = new StringBuilder("<b>Gevonden voor</b> <i>").append(esc(cut(words, 100))).append("</i>\n");
        int i = 1;
        for (Hit h : hits) {
            sb.append('\n').append(i++).append(". <i>").append(esc(sourceLine(h))).append("</i>\n")
                    .append(esc(shorten(h.passage().text(), 300))).append('\n');
        }
        return new Reply.Message(sb.toString());
    }

    private Reply source(ChatState state) throws IOException {
        String id = state.passage;
        Optional<Hit> hit = id == null ? Optional.empty() : searcher().byId(id);
        if (hit.isEmpty()) {
            return new Reply.Message("Er is nog geen antwoord in dit gesprek. Stel eerst een vraag; daarna toont /bron de volledige passage.");
        }
        Hit h = hit.get();
        return new Reply.Message("<b>Bron</b>\n" + sourceHtml(h) + "\n\n" + esc(h.passage().text()));
    }

    // --- questions -----------------------------------------------------------------------

    private List<Reply> question(ChatState state, String text) throws IOException {
        String question = cut(text, MAX_QUESTION);
        String search = question;
        Integer context = state.opgave;
        boolean followUp = context != null && isFollowUp(question);
        if (followUp) {
            search = question + " " + Opgaven.byNumber(context).title();
        }
        Answer answer = engine().ask(search, PAGE);
        if (answer.passages().isEmpty() || answer.passages().getFirst().hit().score() < WEAK_SCORE) {
            return List.of(nothing(question, answer));
        }
        RankedPassage best = answer.passages().getFirst();
        long qid = nextQuestion.getAndIncrement();
        asked.put(qid, new Asked(question, best.hit().passage().id()));
        state.passage = best.hit().passage().id();
        Optional<Opgave> opgave = followUp ? Optional.of(Opgaven.byNumber(context)) : answer.opgave();
        opgave.ifPresent(o -> state.opgave = o.number());

        StringBuilder sb = new StringBuilder();
        sb.append("<b>").append(esc(best.answerText().strip())).append("</b>\n\n");
        sb.append("<blockquote>").append(excerpt(best)).append("</blockquote>\n");
        sb.append("📄 ").append(sourceHtml(best.hit())).append('\n');
        if (!answer.agreements().isEmpty()) {
            sb.append("\n<b>Afspraken</b>");
            opgave.ifPresent(o -> sb.append(" <i>(opgave ").append(o.number()).append(", ").append(esc(o.title())).append(")</i>"));
            sb.append('\n');
            answer.agreements().forEach(a -> sb.append(agreementHtml(a)).append('\n'));
        }
        List<List<Button>> keyboard = new ArrayList<>();
        List<Button> first = new ArrayList<>();
        if (answer.passages().size() > 1) {
            first.add(new Button("Meer resultaten", "m:" + qid + ":1"));
        }
        opgave.ifPresent(o -> first.add(new Button("Opgave " + o.number(), "o:" + o.number())));
        if (!first.isEmpty()) {
            keyboard.add(first);
        }
        keyboard.add(List.of(new Button("👍", "f:" + qid + ":+"), new Button("👎", "f:" + qid + ":-")));
        return List.of(new Reply.Message(sb.toString(), keyboard));
    }

    /** A short question that leans on the previous one: "en wie is daarvoor verantwoordelijk?", "wanneer?". */
    static boolean isFollowUp(String question) {
        if (Opgaven.mentionedIn(question).isPresent() || question.matches("(?is).*\\bopgave\\s*\\d.*")) {
            return false;
        }
        int words = question.strip().split("\\s+").length;
        return words <= 8 && (QUESTION_ONLY.matcher(question).matches() || FOLLOW_UP.matcher(question).find());
    }

    private Reply nothing(String question, Answer answer) {
        Set<Opgave> near = new LinkedHashSet<>();
        answer.opgave().ifPresent(near::add);
        for (RankedPassage p : answer.passages()) {
            p.hit().passage().opgave().ifPresent(n -> near.add(Opgaven.byNumber(n)));
        }
        String html = "Op <i>" + esc(cut(question, 200)) + "</i> vind ik geen goed antwoord in de documenten. "
                + "Probeer het met andere woorden";
        List<List<Button>> keyboard;
        if (near.isEmpty()) {
            html += ", of kies een opgave:";
            keyboard = opgavenKeyboard();
        } else {
            html += ", of kijk bij de opgave die er het dichtst bij ligt:";
            keyboard = near.stream().limit(3).map(o -> List.of(opgaveButton(o))).toList();
        }
        return new Reply.Message(html, keyboard);
    }

    // --- buttons -------------------------------------------------------------------------

    private List<Reply> callback(ChatState state, Incoming.Callback cb) throws IOException, SQLException {
        String[] f = cb.data().split(":");
        List<Reply> replies = new ArrayList<>();
        try {
            switch (f[0]) {
                case "o" -> {
                    replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
                    replies.add(opgave(state, checkOpgave(Integer.parseInt(f[1]))));
                }
                case "d" -> {
                    replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
                    replies.add(deadlines(Integer.toString(checkOpgave(Integer.parseInt(f[1])))));
                }
                case "l" -> {
                    replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
                    replies.add(opgavenList());
                }
                case "m" -> more(state, cb, Long.parseLong(f[1]), Integer.parseInt(f[2]), replies);
                case "f" -> {
                    Asked q = asked.get(Long.parseLong(f[1]));
                    if (q == null) {
                        replies.add(new Reply.CallbackAnswer(cb.callbackId(), "Deze knop is verlopen; stel de vraag opnieuw."));
                    } else {
                        store.addFeedback(q.question(), q.passage(), f[2].equals("+") ? 1 : -1, clock.instant());
                        replies.add(new Reply.CallbackAnswer(cb.callbackId(), "Bedankt voor uw reactie!"));
                    }
                }
                default -> replies.add(new Reply.CallbackAnswer(cb.callbackId(), "Deze knop ken ik niet (meer)."));
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            replies.clear();
            replies.add(new Reply.CallbackAnswer(cb.callbackId(), "Deze knop ken ik niet (meer)."));
        }
        return replies;
    }

    private static int checkOpgave(int n) {
        if (n < 1 || n > 10) {
            throw new NumberFormatException("opgave " + n);
        }
        return n;
    }

    private void more(ChatState state, Incoming.Callback cb, long qid, int offset, List<Reply> replies) throws IOException {
        Asked q = asked.get(qid);
        if (q == null || offset < 1 || offset > 30) {
            replies.add(new Reply.CallbackAnswer(cb.callbackId(), "Deze knop is verlopen; stel de vraag opnieuw."));
            return;
        }
        replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
        List<RankedPassage> passages = engine().ask(q.question(), offset + PAGE + 1).passages();
        if (passages.size() <= offset) {
            replies.add(new Reply.Message("Er zijn geen verdere resultaten voor <i>" + esc(cut(q.question(), 200)) + "</i>."));
            return;
        }
        StringBuilder sb = new StringBuilder("<b>Meer resultaten voor</b> <i>").append(esc(cut(q.question(), 200))).append("</i>\n");
        List<RankedPassage> page = passages.subList(offset, Math.min(passages.size(), offset + PAGE));
        for (RankedPassage p : page) {
            sb.append('\n').append(p.rank()).append(". ").append(sourceHtml(p.hit())).append('\n')
                    .append(excerpt(p)).append('\n');
        }
        state.passage = page.getLast().hit().passage().id();
        List<List<Button>> keyboard = passages.size() > offset + PAGE
                ? List.of(List.of(new Button("Meer resultaten", "m:" + qid + ":" + (offset + PAGE))))
                : List.of();
        replies.add(new Reply.Message(sb.toString(), keyboard));
    }

    // --- formatting ----------------------------------------------------------------------

    /** The passage shortened around its answer sentence, the sentence in bold. */
    static String excerpt(RankedPassage p) {
        String text = p.hit().passage().text();
        Sentences.Span s = p.answer();
        int from = Math.max(0, s.start() - CONTEXT);
        int to = Math.min(text.length(), s.end() + CONTEXT);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space < 0 || space > s.start() ? s.start() : space + 1;
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space < s.end() ? s.end() : space;
        }
        return (from > 0 ? "…" : "") + esc(text.substring(from, s.start())) + "<b>" + esc(text.substring(s.start(), s.end()))
                + "</b>" + esc(text.substring(s.end(), to)) + (to < text.length() ? "…" : "");
    }

    private static String sourceHtml(Hit h) {
        StringBuilder sb = new StringBuilder("<i>").append(esc(h.document().title()));
        h.document().date().ifPresent(d -> sb.append(", ").append(dutchDate(d)));
        sb.append("</i>");
        if (!h.passage().section().isEmpty()) {
            sb.append(" – ").append(esc(h.passage().section()));
        }
        return sb.toString();
    }

    private static String sourceLine(Hit h) {
        return h.document().title() + h.document().date().map(d -> ", " + dutchDate(d)).orElse("")
                + (h.passage().section().isEmpty() ? "" : " – " + h.passage().section());
    }

    private static String agreementHtml(Agreement a) {
        StringBuilder sb = new StringBuilder("• ").append(esc(a.text()));
        if (!a.actors().isEmpty()) {
            sb.append("\n   <i>wie:</i> ").append(esc(a.actors().stream()
                    .map(r -> r.actor().name() + " (" + r.role().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")")
                    .distinct().collect(Collectors.joining(", "))));
        }
        if (!a.deadlines().isEmpty()) {
            sb.append("\n   <i>wanneer:</i> ").append(esc(a.deadlines().stream().map(d -> d.label() + " (" + span(d) + ")")
                    .collect(Collectors.joining(", "))));
        }
        sb.append("\n   <i>bron:</i> ").append(esc(a.source().title()));
        a.source().date().ifPresent(d -> sb.append(", ").append(dutchDate(d)));
        if (a.status().equals(Agreement.DONE)) {
            sb.append(" · <i>afgerond</i>");
        }
        return sb.toString();
    }

    private static String span(Deadline d) {
        return d.start().equals(d.end()) ? dutchDate(d.start()) : dutchDate(d.start()) + " t/m " + dutchDate(d.end());
    }

    static String dutchDate(LocalDate date) {
        String[] months = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december"};
        return date.getDayOfMonth() + " " + months[date.getMonthValue() - 1] + " " + date.getYear();
    }

    /** At most {@code max} characters, cut at a word, with "…" when cut. */
    static String shorten(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int space = t.lastIndexOf(' ', max - 1);
        return t.substring(0, space > max / 2 ? space : max - 1) + "…";
    }

    /** Input cut to a bound for search, at a word; never rejected. */
    static String cut(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int space = t.lastIndexOf(' ', max);
        String c = t.substring(0, space > max / 2 ? space : max);
        if (Character.isHighSurrogate(c.charAt(c.length() - 1))) {
            c = c.substring(0, c.length() - 1);
        }
        return c;
    }

    /** Stops a running re-index (waiting a little) and closes the index once no answer uses it. */
    @Override
    public void close() throws IOException {
        background.shutdown();
        try {
            if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
        Snapshot s = current.getAndSet(null);
        if (s != null) {
            s.release();
        }
    }
}

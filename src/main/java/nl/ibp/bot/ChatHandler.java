package nl.ibp.bot;

import static nl.ibp.bot.Html.esc;
import static nl.ibp.bot.TelegramView.shorten;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Deadline;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.DeadlineStatus;
import nl.ibp.agreements.Timeline;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.answer.AnswerEngine.Answer;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.bot.Handler.Button;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.config.Now;
import nl.ibp.conversation.Conversation;
import nl.ibp.conversation.Response;
import nl.ibp.conversation.Turn;
import nl.ibp.conversation.UnansweredLog;
import nl.ibp.index.IndexLayout;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.search.Hit;
import nl.ibp.search.PassageSearcher;

/**
 * The bot's commands and buttons over the face-neutral {@link Conversation}: a question is read
 * and answered there, exactly as in the terminal and in {@code ask --jsonl}; this class routes
 * commands, renders with {@link TelegramView} and remembers what the buttons refer to.
 * Maintainers' commands go to {@link Maintenance}. Thread-safe across chats; the adapter hands
 * it one update per chat at a time.
 */
public final class ChatHandler implements Handler, AutoCloseable {

    /** Questions longer than this are cut (at a word) before they are searched. */
    static final int MAX_QUESTION = Conversation.MAX_QUESTION;
    /** Passages shown per "more" page; deadlines per page of /deadlines. */
    static final int PAGE = 3;
    static final int DEADLINES_PAGE = 5;
    /** Documents larger than this (declared or downloaded) are refused. */
    static final long MAX_UPLOAD = Maintenance.MAX_UPLOAD;
    private static final int REMEMBERED_QUESTIONS = 5000;
    private static final Duration REMEMBER_FOR = Duration.ofDays(2);

    private static final Pattern COMMAND = Pattern.compile("^/([^\\s@]+)(?:@\\w+)?(?:\\s+(.*))?$", Pattern.DOTALL);

    private final Snapshots snapshots;
    private final Maintenance maintenance;
    /** The snapshot the current thread answers from, for the duration of one {@link #handle}. */
    private final ThreadLocal<Snapshot> leased = new ThreadLocal<>();
    private final Conversation conversation;
    private final BotStore store;
    private final Clock clock;
    private final RateLimiter limiter;
    /** What the buttons of an answer refer to, by question number; forgotten after a while. */
    private final Cache<Long, Asked> asked;
    /** The passage of each chat's last answer, for /bron. */
    private final Cache<Long, String> lastPassage;
    private final AtomicLong nextQuestion = new AtomicLong(1);
    /** Following opgaven: the commands, and the reminders and alerts once the adapter gives a courier. */
    private final FollowCommands follow;
    private volatile FollowScheduler followScheduler;

    /** A question answered, for its buttons: "meer", the passage, feedback. */
    private record Asked(String question, String passage) {
    }

    public ChatHandler(AnswerEngine engine, PassageSearcher searcher, List<Agreement> agreements, BotStore store,
                       Clock clock, RateLimiter limiter) {
        this(new Snapshot(engine, searcher, agreements), null, null, store, clock, limiter);
    }

    private ChatHandler(Snapshot snapshot, IndexLayout layout, Path corpus, BotStore store, Clock clock, RateLimiter limiter) {
        this.snapshots = new Snapshots(snapshot);
        this.maintenance = new Maintenance(snapshots, layout, corpus, clock);
        this.store = store;
        this.clock = clock;
        this.limiter = limiter;
        this.conversation = new Conversation(clock, store::recordUnanswered);
        this.follow = new FollowCommands(new nl.ibp.follow.FollowStore(store.state()), clock);
        this.asked = Caffeine.newBuilder().maximumSize(REMEMBERED_QUESTIONS).expireAfterAccess(REMEMBER_FOR).build();
        this.lastPassage = Caffeine.newBuilder().maximumSize(REMEMBERED_QUESTIONS).expireAfterAccess(REMEMBER_FOR).build();
    }

    /** Opens everything over an index directory built from {@code corpus}; {@code store} stays the caller's. */
    public static ChatHandler open(IndexLayout layout, Path corpus, BotStore store, Clock clock, RateLimiter limiter)
            throws IOException, SQLException {
        return new ChatHandler(Snapshot.open(layout), layout, corpus, store, clock, limiter);
    }

    @Override
    public void connect(Set<Long> admins, Outbox outbox) {
        maintenance.connect(admins, outbox);
    }

    @Override
    public void files(Handler.FileSource files) {
        maintenance.files(files);
    }

    @Override
    public void members(Handler.ChatMembers members) {
        follow.members(members);
    }

    /** Starts the reminders and alerts, sent through the adapter's courier. */
    @Override
    public void courier(Handler.Courier courier) {
        FollowScheduler scheduler = new FollowScheduler(new nl.ibp.follow.FollowStore(store.state()), this::generation,
                maintenance::reloadIfNewer, courier, clock);
        FollowScheduler old = followScheduler;
        followScheduler = scheduler;
        if (old != null) {
            old.close();
        }
        scheduler.start();
    }

    /** The scheduler of reminders and alerts, once a courier is connected (tests tick it). */
    Optional<FollowScheduler> followScheduler() {
        return Optional.ofNullable(followScheduler);
    }

    private FollowScheduler.Generation generation() {
        Snapshot s = snapshots.acquire();
        try {
            return new FollowScheduler.Generation(s.generation, s.agreements);
        } finally {
            try {
                s.release();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
        if (incoming instanceof Incoming.Text t) {
            Matcher m = COMMAND.matcher(t.text().strip());
            String name = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
            if (Maintenance.isCommand(name)) {
                return maintenance.maintainer(t, name);
            }
        }
        if (incoming instanceof Incoming.Document d) {
            return List.of(maintenance.upload(d));
        }
        Snapshot snapshot = snapshots.acquire();
        leased.set(snapshot);
        try {
            return switch (incoming) {
                case Incoming.Text t -> {
                    Optional<List<Reply>> followed = followCommand(t);
                    yield followed.isPresent() ? followed.get() : text(t.chatId(), t.text());
                }
                case Incoming.Callback c -> callback(c);
                case Incoming.Document d -> List.of(maintenance.upload(d)); // handled above
                case Incoming.Other o -> List.of(new Reply.Message(
                        "Ik kan alleen tekst lezen. Stel uw vraag in woorden, bijvoorbeeld: <i>Wanneer moeten gemeenten van het gas af?</i>"));
            };
        } finally {
            leased.remove();
            snapshot.release();
        }
    }

    /** The replies to a follow command (/volg, /ontvolg, /herinner, /agenda), when it is one. */
    private Optional<List<Reply>> followCommand(Incoming.Text t) throws IOException, SQLException {
        Matcher m = COMMAND.matcher(t.text().strip());
        if (!m.matches() || !FollowCommands.isCommand(m.group(1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(follow.command(t, m.group(1).toLowerCase(Locale.ROOT), m.group(2) == null ? "" : m.group(2),
                agreements()));
    }

    private AnswerEngine engine() {
        return leased.get().engine;
    }

    private List<Agreement> agreements() {
        return leased.get().agreements;
    }

    private LocalDate today() {
        return Now.today(clock);
    }

    // --- text and commands ---------------------------------------------------------------

    private List<Reply> text(long chat, String raw) throws IOException {
        String text = raw.strip();
        if (text.isEmpty()) {
            return List.of(new Reply.Message("Ik zie geen tekst. Typ uw vraag over het Interbestuurlijk Programma, of /help."));
        }
        Matcher m = COMMAND.matcher(text);
        if (!m.matches()) {
            return List.of(question(chat, text));
        }
        String arg = m.group(2) == null ? "" : m.group(2).strip();
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "start" -> start(chat, arg);
            case "help" -> List.of(help());
            case "opgaven" -> List.of(opgavenList());
            case "opgave" -> List.of(opgaveCommand(chat, arg));
            case "deadlines", "termijnen" -> List.of(deadlines(arg, 0));
            case "wie" -> arg.isEmpty()
                    ? List.of(new Reply.Message("Waarover? Bijvoorbeeld: <code>/wie regionale energiestrategieën</code>"))
                    : List.of(question(chat, "Wie is verantwoordelijk voor " + arg));
            case "zoek" -> arg.isEmpty()
                    ? List.of(new Reply.Message("Wat zoekt u? Bijvoorbeeld: <code>/zoek schuldhulpverlening</code>"))
                    : List.of(search(arg));
            case "bron" -> List.of(source(Optional.ofNullable(lastPassage.getIfPresent(chat))));
            case "nieuw" -> List.of(fresh(chat));
            default -> List.of(new Reply.Message("Het commando <code>/" + esc(m.group(1))
                    + "</code> ken ik niet. Met /help ziet u wat ik kan; een gewone vraag mag ook."));
        };
    }

    private List<Reply> start(long chat, String arg) throws IOException {
        Matcher deep = Pattern.compile("(?i)^opgave_(\\d{1,2})$").matcher(arg);
        if (deep.matches()) {
            return List.of(opgaveCommand(chat, deep.group(1)));
        }
        String html = "<b>Welkom bij de IBP-assistent.</b>\n\n"
                + "Ik beantwoord vragen over het Interbestuurlijk Programma (IBP) met de tekst uit de brondocumenten zelf, "
                + "met de bron erbij. Stel gewoon een vraag, bijvoorbeeld:\n"
                + "• <i>Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?</i>\n"
                + "• <i>Wie neemt het voortouw bij de regionale energiestrategieën?</i>\n\n"
                + "Of kies hieronder een van de tien opgaven. Met /help ziet u alle commando's.";
        return List.of(new Reply.Message(html, TelegramView.opgavenKeyboard()));
    }

    private Reply help() {
        var manifest = engine().manifest();
        String fresh = manifest.newestDocumentDate().map(d -> TelegramView.dutchDate(LocalDate.parse(d))).orElse("onbekend");
        long documents = manifest.files().stream().filter(f -> f.indexed()).count();
        String html = "<b>Wat ik kan</b>\n"
                + "Typ een vraag in gewone taal; ik antwoord kort, met de bron erbij.\n\n"
                + "/opgaven – de tien opgaven van het IBP\n"
                + "/opgave <i>N</i> – één opgave: ambitie, termijnen, wie wat doet\n"
                + "/deadlines [<i>N</i> | <i>jaar</i> | komend | verstreken] – termijnen uit de afspraken\n"
                + "/wie <i>onderwerp</i> – wie is verantwoordelijk\n"
                + "/zoek <i>woorden</i> – de passages die het best passen\n"
                + "/bron – de volledige passage en bron van het laatste antwoord\n"
                + "/volg <i>N</i> – volg een opgave: herinneringen voor termijnen, bericht bij nieuwe documenten\n"
                + "/ontvolg <i>N</i> · /herinner <i>7,1</i> · /agenda <i>N</i> (termijnen als agendabestand)\n"
                + "/nieuw – een nieuw onderwerp: ik vergeet waar we het over hadden\n\n"
                + "Na een antwoord kunt u doorvragen, bijvoorbeeld <i>en wie is daarvoor verantwoordelijk?</i> of <i>en wanneer?</i>\n\n"
                + "<i>Index: " + documents + " documenten, " + engine().searcher().size() + " passages, " + agreements().size()
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
        return new Reply.Message(sb.toString(), TelegramView.opgavenKeyboard());
    }

    private Reply opgaveCommand(long chat, String arg) throws IOException {
        int n;
        try {
            n = Integer.parseInt(arg.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > Opgaven.ALL.size()) {
            return new Reply.Message("Kies een opgave van 1 tot en met 10, bijvoorbeeld <code>/opgave 6</code>.",
                    TelegramView.opgavenKeyboard());
        }
        return question(chat, "opgave " + n);
    }

    private Reply fresh(long chat) {
        conversation.reset(Long.toString(chat));
        return new Reply.Message("Nieuw onderwerp: ik vergeet waar we het over hadden. Stel uw vraag.");
    }

    // --- questions -----------------------------------------------------------------------

    private Reply question(long chat, String text) throws IOException {
        Response r = conversation.respond(engine(), new Turn(Long.toString(chat), text), PAGE + 1);
        return switch (r.kind()) {
            case EMPTY -> new Reply.Message("Ik zie geen tekst. Typ uw vraag over het Interbestuurlijk Programma, of /help.");
            case SMALL_TALK -> new Reply.Message("Goedendag! Stel gerust een vraag over het Interbestuurlijk Programma, "
                    + "bijvoorbeeld: <i>Wanneer moeten gemeenten van het gas af?</i>");
            case OPGAVE -> card(chat, r.card().orElseThrow());
            case NO_ANSWER -> {
                List<List<Button>> keyboard = r.suggestions().stream()
                        .filter(s -> s instanceof Response.Suggestion.NearOpgave)
                        .map(s -> List.of(TelegramView.opgaveButton(((Response.Suggestion.NearOpgave) s).opgave())))
                        .toList();
                yield new Reply.Message(TelegramView.noAnswer(r), keyboard.isEmpty() ? TelegramView.opgavenKeyboard() : keyboard);
            }
            case ANSWER -> answer(chat, r);
        };
    }

    private Reply answer(long chat, Response r) {
        Response.Lead lead = r.lead().orElseThrow();
        long qid = nextQuestion.getAndIncrement();
        asked.put(qid, new Asked(r.question(), lead.source().passage().id()));
        lastPassage.put(chat, lead.source().passage().id());
        List<List<Button>> keyboard = new ArrayList<>();
        List<Button> first = new ArrayList<>();
        first.add(new Button("Meer", "b:" + qid));
        if (r.answer().map(a -> a.passages().size() > 1).orElse(false)) {
            first.add(new Button("Andere passages", "m:" + qid + ":1"));
        }
        lead.opgave().ifPresent(o -> first.add(new Button("Opgave " + o.number(), "o:" + o.number())));
        keyboard.add(first);
        List<Button> second = new ArrayList<>(List.of(new Button("👍", "f:" + qid + ":+"), new Button("👎", "f:" + qid + ":-")));
        if (r.context().isPresent()) {
            second.add(new Button("Nieuw onderwerp", "n"));
        }
        keyboard.add(second);
        return new Reply.Message(TelegramView.answer(r), keyboard);
    }

    private Reply card(long chat, Response.OpgaveCard card) {
        card.ambition().ifPresent(a -> lastPassage.put(chat, a.source().passage().id()));
        int n = card.opgave().number();
        return new Reply.Message(TelegramView.card(card, today()),
                List.of(List.of(new Button("Termijnen", "d:" + n), new Button("Volgen", "v:" + n), new Button("Alle opgaven", "l"))));
    }

    private Reply search(String words) throws IOException {
        String q = Conversation.cut(words, MAX_QUESTION);
        List<Hit> hits = engine().searcher().search(q, 5);
        if (hits.isEmpty()) {
            return new Reply.Message("Niets gevonden voor <i>" + esc(shorten(words, 100)) + "</i>. Probeer andere woorden.");
        }
        StringBuilder sb = new StringBuilder("<b>Gevonden voor</b> <i>").append(esc(shorten(words, 100))).append("</i>\n");
        int i = 1;
        for (Hit h : hits) {
            sb.append('\n').append(i++).append(". <i>").append(esc(TelegramView.sourceLine(h))).append("</i>\n")
                    .append(esc(shorten(h.passage().text(), 300))).append('\n');
        }
        return new Reply.Message(sb.toString());
    }

    private Reply source(Optional<String> passage) throws IOException {
        Optional<Hit> hit = passage.isEmpty() ? Optional.empty() : engine().searcher().byId(passage.get());
        if (hit.isEmpty()) {
            return new Reply.Message("Er is nog geen antwoord in dit gesprek. Stel eerst een vraag; daarna toont /bron de volledige passage.");
        }
        Hit h = hit.get();
        return new Reply.Message("<b>Bron</b>\n" + TelegramView.sourceHtml(h) + "\n\n" + esc(h.passage().text()));
    }

    // --- deadlines -----------------------------------------------------------------------

    /** One page of deadlines: upcoming first (soonest first), then the most recently passed. */
    private Reply deadlines(String arg, int page) {
        String a = arg.strip().toLowerCase(Locale.ROOT);
        LocalDate now = today();
        OptionalInt opgave = OptionalInt.empty();
        Integer year = null;
        String when = "";
        if (a.matches("\\d{1,2}")) {
            int n = Integer.parseInt(a);
            if (n < 1 || n > Opgaven.ALL.size()) {
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
        // The timeline: current ones first (soonest first), then the most recently passed; recurring
        // items, reference dates, replaced dates and superseded agreements are left out.
        List<DatedItem> rows = new ArrayList<>();
        for (DatedItem item : Timeline.of(agreements(), now)) {
            boolean passed = item.status() == DeadlineStatus.PASSED;
            if ((opgave.isEmpty() || item.agreement().opgave().equals(opgave)) && (year == null || item.deadline().spans(year))
                    && (!when.equals("komend") || !passed) && (!when.equals("verstreken") || passed)) {
                rows.add(item);
            }
        }
        String title = "<b>Termijnen" + (opgave.isPresent() ? " van opgave " + opgave.getAsInt() : "")
                + (year != null ? " in " + year : "") + (when.isEmpty() ? "" : " (" + when + ")") + "</b>";
        if (rows.isEmpty()) {
            return new Reply.Message(title + "\n\nGeen termijnen gevonden.");
        }
        int pages = (rows.size() + DEADLINES_PAGE - 1) / DEADLINES_PAGE;
        int p = Math.max(0, Math.min(page, pages - 1));
        StringBuilder sb = new StringBuilder(title).append(" <i>– ").append(p + 1).append(" van ").append(pages)
                .append(", gezien vanaf ").append(TelegramView.dutchDate(now)).append("</i>\n");
        for (DatedItem r : rows.subList(p * DEADLINES_PAGE, Math.min(rows.size(), (p + 1) * DEADLINES_PAGE))) {
            sb.append("\n• <b>").append(esc(r.deadline().label())).append("</b> <i>(")
                    .append(r.goal() ? "doel, " : "").append(r.status().dutch()).append(")</i>");
            r.agreement().opgave().ifPresent(n -> sb.append(" · opgave ").append(n));
            if (r.moved()) {
                sb.append(" · <i>verschoven</i>");
            }
            sb.append("\n").append(esc(shorten(r.agreement().text(), 220))).append('\n');
        }
        String key = a.isEmpty() ? "-" : a;
        List<Button> nav = new ArrayList<>();
        if (p > 0) {
            nav.add(new Button("◀ Vorige", "dl:" + key + ":" + (p - 1)));
        }
        if (p + 1 < pages) {
            nav.add(new Button("Volgende ▶", "dl:" + key + ":" + (p + 1)));
        }
        return new Reply.Message(sb.toString(), nav.isEmpty() ? List.of() : List.of(nav));
    }

    // --- buttons -------------------------------------------------------------------------

    private List<Reply> callback(Incoming.Callback cb) throws IOException, SQLException {
        String[] f = cb.data().split(":");
        List<Reply> replies = new ArrayList<>();
        long chat = cb.chatId();
        try {
            switch (f[0]) {
                case "o" -> {
                    replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
                    replies.add(opgaveCommand(chat, Integer.toString(checkOpgave(Integer.parseInt(f[1])))));
                }
                case "d" -> {
                    replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
                    replies.add(deadlines(Integer.toString(checkOpgave(Integer.parseInt(f[1]))), 0));
                }
                case "dl" -> {
                    replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
                    Reply page = deadlines(f[1].equals("-") ? "" : f[1], Integer.parseInt(f[2]));
                    replies.add(cb.messageId() > 0 && page instanceof Reply.Message m ? new Reply.Edit(cb.messageId(), m) : page);
                }
                case "l" -> {
                    replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
                    replies.add(opgavenList());
                }
                case "v", "vu" -> replies.addAll(follow.callback(cb, checkOpgave(Integer.parseInt(f[1])), f[0].equals("v"),
                        agreements()));
                case "n" -> {
                    replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
                    replies.add(fresh(chat));
                }
                case "b" -> {
                    Asked q = asked.getIfPresent(Long.parseLong(f[1]));
                    replies.add(new Reply.CallbackAnswer(cb.callbackId(), q == null ? "Deze knop is verlopen; stel de vraag opnieuw." : ""));
                    if (q != null) {
                        replies.add(source(Optional.of(q.passage())));
                    }
                }
                case "m" -> more(cb, Long.parseLong(f[1]), Integer.parseInt(f[2]), replies);
                case "f" -> {
                    Asked q = asked.getIfPresent(Long.parseLong(f[1]));
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
        if (n < 1 || n > Opgaven.ALL.size()) {
            throw new NumberFormatException("opgave " + n);
        }
        return n;
    }

    private void more(Incoming.Callback cb, long qid, int offset, List<Reply> replies) throws IOException {
        Asked q = asked.getIfPresent(qid);
        if (q == null || offset < 1 || offset > 30) {
            replies.add(new Reply.CallbackAnswer(cb.callbackId(), "Deze knop is verlopen; stel de vraag opnieuw."));
            return;
        }
        replies.add(new Reply.CallbackAnswer(cb.callbackId(), ""));
        Answer answer = engine().ask(q.question(), offset + PAGE + 1);
        List<RankedPassage> passages = answer.passages();
        if (passages.size() <= offset) {
            replies.add(new Reply.Message("Er zijn geen verdere resultaten voor <i>" + esc(shorten(q.question(), 200)) + "</i>."));
            return;
        }
        StringBuilder sb = new StringBuilder("<b>Meer resultaten voor</b> <i>").append(esc(shorten(q.question(), 200))).append("</i>\n");
        List<RankedPassage> page = passages.subList(offset, Math.min(passages.size(), offset + PAGE));
        for (RankedPassage p : page) {
            sb.append('\n').append(p.rank()).append(". ").append(TelegramView.sourceHtml(p.hit())).append('\n')
                    .append(TelegramView.excerpt(p)).append('\n');
        }
        lastPassage.put(cb.chatId(), page.getLast().hit().passage().id());
        List<List<Button>> keyboard = passages.size() > offset + PAGE
                ? List.of(List.of(new Button("Meer resultaten", "m:" + qid + ":" + (offset + PAGE))))
                : List.of();
        replies.add(new Reply.Message(sb.toString(), keyboard));
    }

    /** Input cut to a bound for search, at a word; never rejected. */
    static String cut(String text, int max) {
        return Conversation.cut(text, max);
    }

    /** Stops a running re-index (waiting a little) and closes the index once no answer uses it. */
    @Override
    public void close() throws IOException {
        FollowScheduler scheduler = followScheduler;
        if (scheduler != null) {
            scheduler.close();
        }
        maintenance.close();
        conversation.close();
        snapshots.close();
    }
}

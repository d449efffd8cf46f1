package nl.ibp.bot;

import static nl.ibp.bot.Html.esc;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.agreements.Agreement;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.config.Now;
import nl.ibp.conversation.Conversation;
import nl.ibp.follow.FollowStore;
import nl.ibp.index.IndexLayout;
import nl.ibp.passage.Opgaven;
import nl.ibp.search.PassageSearcher;

/**
 * Routes what a chat sends: past the rate limit, maintainers' commands and documents to
 * {@link Maintenance}, the follow commands to {@link FollowCommands}, button presses to
 * {@link ButtonPresses}, questions to {@link AnswerReplies}, the other commands to their page.
 * Each update is answered from one {@link Snapshot} of the index, held for its duration.
 * Thread-safe across chats; the adapter hands it one update per chat at a time.
 */
public final class ChatHandler implements Handler, AutoCloseable {

    /** Questions longer than this are cut (at a word) before they are searched. */
    static final int MAX_QUESTION = Conversation.MAX_QUESTION;
    /** Documents larger than this (declared or downloaded) are refused. */
    static final long MAX_UPLOAD = Maintenance.MAX_UPLOAD;

    private static final Pattern COMMAND = Pattern.compile("^/([^\\s@]+)(?:@\\w+)?(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern DEEP_LINK = Pattern.compile("(?i)^opgave_(\\d{1,2})$");

    private final Snapshots snapshots;
    private final Maintenance maintenance;
    private final Clock clock;
    private final RateLimiter limiter;
    private final AnswerReplies answers;
    private final FollowCommands follow;
    private final ButtonPresses buttons;

    public ChatHandler(AnswerEngine engine, PassageSearcher searcher, List<Agreement> agreements, BotStore store,
                       Clock clock, RateLimiter limiter) {
        this(new Snapshots(new Snapshot(engine, searcher, agreements)), null, null, store, clock, limiter);
    }

    /** Over {@code snapshots}, which it closes; {@code layout} and {@code corpus} are null without an index directory. */
    ChatHandler(Snapshots snapshots, IndexLayout layout, Path corpus, BotStore store, Clock clock, RateLimiter limiter) {
        this.snapshots = snapshots;
        this.maintenance = new Maintenance(snapshots, layout, corpus, clock);
        this.clock = clock;
        this.limiter = limiter;
        this.answers = new AnswerReplies(store, clock);
        this.follow = new FollowCommands(new FollowStore(store.state()), clock);
        this.buttons = new ButtonPresses(answers, follow, clock);
    }

    /** Opens everything over an index directory built from {@code corpus}; {@code store} stays the caller's. */
    public static ChatHandler open(IndexLayout layout, Path corpus, BotStore store, Clock clock, RateLimiter limiter)
            throws IOException, SQLException {
        return new ChatHandler(new Snapshots(Snapshot.open(layout)), layout, corpus, store, clock, limiter);
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

    /** The generation answers come from now, as the follow scheduler sees it. */
    FollowScheduler.Generation generation() {
        return snapshots.read(s -> new FollowScheduler.Generation(s.generation, s.agreements));
    }

    /** Puts in use a generation another process published (see {@link Maintenance#reloadIfNewer()}). */
    void reloadIfNewer() {
        maintenance.reloadIfNewer();
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
        if (incoming instanceof Incoming.Text t && Maintenance.isCommand(command(t.text()))) {
            return maintenance.maintainer(t, command(t.text()));
        }
        if (incoming instanceof Incoming.Document d) {
            return List.of(maintenance.upload(d));
        }
        Snapshot snapshot = snapshots.acquire();
        try {
            return switch (incoming) {
                case Incoming.Text t -> text(snapshot, t);
                case Incoming.Callback c -> buttons.press(snapshot, c);
                case Incoming.Document d -> List.of(maintenance.upload(d)); // handled above
                case Incoming.Other o -> List.of(new Reply.Message(
                        "Ik kan alleen tekst lezen. Stel uw vraag in woorden, bijvoorbeeld: <i>Wanneer moeten gemeenten van het gas af?</i>"));
            };
        } finally {
            snapshot.release();
        }
    }

    /** The command's name in lower case ("" when the text is no command). */
    private static String command(String text) {
        Matcher m = COMMAND.matcher(text.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private List<Reply> text(Snapshot s, Incoming.Text t) throws IOException, SQLException {
        long chat = t.chatId();
        String text = t.text().strip();
        if (text.isEmpty()) {
            return List.of(new Reply.Message(Pages.NO_TEXT));
        }
        Matcher m = COMMAND.matcher(text);
        if (!m.matches()) {
            return List.of(answers.question(s, chat, text));
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (FollowCommands.isCommand(name)) {
            return follow.command(t, name, m.group(2) == null ? "" : m.group(2), s.agreements);
        }
        String arg = m.group(2) == null ? "" : m.group(2).strip();
        return switch (name) {
            case "start" -> {
                Matcher deep = DEEP_LINK.matcher(arg);
                yield List.of(deep.matches() ? opgave(s, chat, deep.group(1)) : Pages.welcome());
            }
            case "help" -> List.of(Pages.help(s));
            case "opgaven" -> List.of(Pages.opgaven());
            case "opgave" -> List.of(opgave(s, chat, arg));
            case "deadlines", "termijnen" -> List.of(DeadlinePages.page(s.agreements, Now.today(clock), arg, 0));
            case "wie" -> List.of(arg.isEmpty()
                    ? new Reply.Message("Waarover? Bijvoorbeeld: <code>/wie regionale energiestrategieën</code>")
                    : answers.question(s, chat, "Wie is verantwoordelijk voor " + arg));
            case "zoek" -> List.of(arg.isEmpty()
                    ? new Reply.Message("Wat zoekt u? Bijvoorbeeld: <code>/zoek schuldhulpverlening</code>")
                    : Pages.search(s, arg));
            case "bron" -> List.of(answers.lastSource(s, chat));
            case "nieuw" -> List.of(answers.fresh(chat));
            default -> List.of(new Reply.Message("Het commando <code>/" + esc(m.group(1))
                    + "</code> ken ik niet. Met /help ziet u wat ik kan; een gewone vraag mag ook."));
        };
    }

    /** {@code /opgave N}: the opgave's card, as the conversation gives it. */
    private Reply opgave(Snapshot s, long chat, String arg) throws IOException {
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
        return answers.question(s, chat, "opgave " + n);
    }

    /** Input cut to a bound for search, at a word; never rejected. */
    static String cut(String text, int max) {
        return Conversation.cut(text, max);
    }

    /** Stops a running re-index (waiting a little) and closes the index once no answer uses it. */
    @Override
    public void close() throws IOException {
        maintenance.close();
        answers.close();
        snapshots.close();
    }
}

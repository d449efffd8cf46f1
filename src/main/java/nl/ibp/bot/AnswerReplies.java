package nl.ibp.bot;

import static nl.ibp.bot.Html.esc;
import static nl.ibp.bot.TelegramView.shorten;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import nl.ibp.answer.AnswerEngine.Answer;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.bot.Handler.Button;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.config.Now;
import nl.ibp.conversation.Conversation;
import nl.ibp.conversation.Response;
import nl.ibp.conversation.Turn;
import nl.ibp.search.Hit;

/**
 * Questions asked in Telegram, answered by the face-neutral {@link Conversation} (exactly as in
 * the terminal and in {@code ask --jsonl}) and rendered with {@link TelegramView}, with the
 * buttons under an answer and what they refer to: the passage ({@code b:}), more passages
 * ({@code m:}), feedback ({@code f:}), a new topic ({@code n}), and each chat's last passage for
 * {@code /bron}. What the buttons refer to is forgotten after a while.
 */
final class AnswerReplies implements AutoCloseable {

    /** Passages shown per "more" page. */
    static final int PAGE = 3;
    static final String EXPIRED = "Deze knop is verlopen; stel de vraag opnieuw.";
    private static final int REMEMBERED_QUESTIONS = 5000;
    private static final Duration REMEMBER_FOR = Duration.ofDays(2);

    private final Conversation conversation;
    private final BotStore store;
    private final Clock clock;
    /** What the buttons of an answer refer to, by question number. */
    private final Cache<Long, Asked> asked;
    /** The passage of each chat's last answer, for /bron. */
    private final Cache<Long, String> lastPassage;
    private final AtomicLong nextQuestion = new AtomicLong(1);

    /** A question answered, for its buttons: "meer", the passage, feedback. */
    private record Asked(String question, String passage) {
    }

    AnswerReplies(BotStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.conversation = new Conversation(clock, store::recordUnanswered);
        this.asked = Caffeine.newBuilder().maximumSize(REMEMBERED_QUESTIONS).expireAfterAccess(REMEMBER_FOR).build();
        this.lastPassage = Caffeine.newBuilder().maximumSize(REMEMBERED_QUESTIONS).expireAfterAccess(REMEMBER_FOR).build();
    }

    /** A turn of the chat's conversation, as the reply Telegram shows. */
    Reply question(Snapshot s, long chat, String text) throws IOException {
        Response r = conversation.respond(s.engine, new Turn(Long.toString(chat), text), PAGE + 1);
        return switch (r.kind()) {
            case EMPTY -> new Reply.Message(Pages.NO_TEXT);
            case SMALL_TALK -> new Reply.Message("Goedendag! Stel gerust een vraag over het Interbestuurlijk Programma, "
                    + "bijvoorbeeld: <i>Wanneer moeten gemeenten van het gas af?</i>");
            case OPGAVE -> card(chat, r.card().orElseThrow());
            case NO_ANSWER -> {
                List<List<Button>> keyboard = r.suggestions().stream()
                        .filter(x -> x instanceof Response.Suggestion.NearOpgave)
                        .map(x -> List.of(TelegramView.opgaveButton(((Response.Suggestion.NearOpgave) x).opgave())))
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
        return new Reply.Message(TelegramView.card(card, Now.today(clock)),
                List.of(List.of(new Button("Termijnen", "d:" + n), new Button("Volgen", "v:" + n), new Button("Alle opgaven", "l"))));
    }

    /** {@code /nieuw} and the "Nieuw onderwerp" button: the chat's context is forgotten. */
    Reply fresh(long chat) {
        conversation.reset(Long.toString(chat));
        return new Reply.Message("Nieuw onderwerp: ik vergeet waar we het over hadden. Stel uw vraag.");
    }

    /** {@code /bron}: the whole passage of the chat's last answer. */
    Reply lastSource(Snapshot s, long chat) throws IOException {
        return source(s, Optional.ofNullable(lastPassage.getIfPresent(chat)));
    }

    private Reply source(Snapshot s, Optional<String> passage) throws IOException {
        Optional<Hit> hit = passage.isEmpty() ? Optional.empty() : s.engine.searcher().byId(passage.get());
        if (hit.isEmpty()) {
            return new Reply.Message("Er is nog geen antwoord in dit gesprek. Stel eerst een vraag; daarna toont /bron de volledige passage.");
        }
        Hit h = hit.get();
        return new Reply.Message("<b>Bron</b>\n" + TelegramView.sourceHtml(h) + "\n\n" + esc(h.passage().text()));
    }

    /** The "Meer" button ({@code b:Q}): the whole passage of question Q's answer. */
    List<Reply> passage(Snapshot s, Incoming.Callback cb, long qid) throws IOException {
        Asked q = asked.getIfPresent(qid);
        if (q == null) {
            return List.of(new Reply.CallbackAnswer(cb.callbackId(), EXPIRED));
        }
        return List.of(new Reply.CallbackAnswer(cb.callbackId(), ""), source(s, Optional.of(q.passage())));
    }

    /** The 👍/👎 buttons ({@code f:Q:+} / {@code f:Q:-}): stored without names. */
    List<Reply> feedback(Incoming.Callback cb, long qid, boolean up) throws SQLException {
        Asked q = asked.getIfPresent(qid);
        if (q == null) {
            return List.of(new Reply.CallbackAnswer(cb.callbackId(), EXPIRED));
        }
        store.addFeedback(q.question(), q.passage(), up ? 1 : -1, clock.instant());
        return List.of(new Reply.CallbackAnswer(cb.callbackId(), "Bedankt voor uw reactie!"));
    }

    /** The "Andere passages" / "Meer resultaten" buttons ({@code m:Q:offset}): the next page of passages. */
    List<Reply> more(Snapshot s, Incoming.Callback cb, long qid, int offset) throws IOException {
        Asked q = asked.getIfPresent(qid);
        if (q == null || offset < 1 || offset > 30) {
            return List.of(new Reply.CallbackAnswer(cb.callbackId(), EXPIRED));
        }
        Reply.CallbackAnswer pressed = new Reply.CallbackAnswer(cb.callbackId(), "");
        Answer answer = s.engine.ask(q.question(), offset + PAGE + 1);
        List<RankedPassage> passages = answer.passages();
        if (passages.size() <= offset) {
            return List.of(pressed,
                    new Reply.Message("Er zijn geen verdere resultaten voor <i>" + esc(shorten(q.question(), 200)) + "</i>."));
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
        return List.of(pressed, new Reply.Message(sb.toString(), keyboard));
    }

    @Override
    public void close() {
        conversation.close();
    }
}

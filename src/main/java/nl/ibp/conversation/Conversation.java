package nl.ibp.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.answer.AnswerEngine.Answer;
import nl.ibp.answer.Question;
import nl.ibp.config.Now;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.search.QuestionType;
import nl.ibp.search.Spelling;
import org.apache.lucene.analysis.Analyzer;

/**
 * The assistant's side of a conversation, the same for every face: the terminal chat, Telegram
 * and {@code ask --jsonl}. It reads a turn (a switch, a follow-up, small talk, an opgave
 * question, a misspelling), asks the engine, decides whether the answer is good enough, and
 * composes the lead answer; the faces only render the {@link Response}. Keeps per chat the
 * topic a follow-up leans on, forgotten after a quiet period. Thread-safe.
 */
public final class Conversation implements AutoCloseable {

    /** A chat's topic is forgotten after this long without a turn. */
    public static final Duration QUIET = Duration.ofMinutes(30);
    /** Passages asked of the engine per turn (the faces show "more" from them). */
    static final int PASSAGES = 5;
    /** Questions longer than this are cut (at a word) before they are searched. */
    public static final int MAX_QUESTION = 500;
    private static final int MAX_CHATS = 100_000;

    /** What a chat talked about last: the question a follow-up leans on, and the passage its answer came from. */
    private record Context(Question question, Optional<Opgave> opgave, Optional<String> passage) {
    }

    private final Clock clock;
    private final UnansweredLog unanswered;
    private final Cache<String, Context> contexts;
    private final Analyzer terms = IbpAnalyzer.forQuery(Synonyms.none());

    public Conversation(Clock clock, UnansweredLog unanswered) {
        this(clock, unanswered, QUIET);
    }

    public Conversation(Clock clock, UnansweredLog unanswered, Duration quiet) {
        this.clock = clock;
        this.unanswered = unanswered;
        this.contexts = Caffeine.newBuilder()
                .expireAfterWrite(quiet.toNanos(), TimeUnit.NANOSECONDS)
                .maximumSize(MAX_CHATS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** Forgets a chat's topic ({@code /nieuw}). */
    public void reset(String chat) {
        contexts.invalidate(chat);
    }

    /** The topic a chat's next follow-up would lean on, if it has one. */
    public Optional<Response.Topic> topic(String chat) {
        return Optional.ofNullable(contexts.getIfPresent(chat)).map(c -> new Response.Topic(c.question().text(), c.opgave()));
    }

    public Response respond(AnswerEngine engine, Turn turn) throws IOException {
        return respond(engine, turn, PASSAGES);
    }

    /** The response to one turn, with up to {@code passages} passages underneath the lead. */
    public Response respond(AnswerEngine engine, Turn turn, int passages) throws IOException {
        String raw = cut(turn.text(), MAX_QUESTION);
        if (raw.isEmpty()) {
            return empty(Response.Kind.EMPTY, raw);
        }
        TurnReading.Stripped stripped = TurnReading.withoutSwitch(raw);
        String text = stripped.text();
        if (TurnReading.isSmallTalk(text)) {
            return empty(Response.Kind.SMALL_TALK, text);
        }
        List<String> notices = new ArrayList<>();
        if (TurnReading.isEnglish(text)) {
            notices.add("De documenten zijn in het Nederlands; ik antwoord in het Nederlands.");
        }
        Spelling.Corrected corrected = engine.searcher().spelling().correct(text);
        String read = corrected.text();
        LocalDate today = Now.today(clock);

        Optional<Opgave> card = OpgaveCards.asked(read);
        if (card.isPresent()) {
            Response.OpgaveCard c = OpgaveCards.card(engine, card.get(), today);
            contexts.put(turn.chat(), new Context(Question.of(c.opgave().title()), card, Optional.empty()));
            return new Response(Response.Kind.OPGAVE, read, c.ambition(), Optional.of(c), List.of(), Optional.empty(),
                    notices, Optional.empty());
        }

        Context before = stripped.switched() ? null : contexts.getIfPresent(turn.chat());
        int own = new LinkedHashSet<>(AnalyzedTerms.of(terms, QuestionType.content(read))).size();
        boolean followUp = before != null && TurnReading.isFollowUp(read, own);
        // "en voor klimaatadaptatie?" asks the question before about something else: read as that question.
        Optional<String> elliptic = followUp ? TurnReading.inPlaceOf(read, before.question().text()) : Optional.empty();
        // "en wie betaalt dat?", "en wanneer?": what was just answered is what the turn asks about.
        Question question = elliptic.map(Question::of).orElseGet(() -> followUp
                ? new Question(read, Optional.of(contextText(before.question())),
                        TurnReading.pointsBack(read, own) ? before.passage() : Optional.empty())
                : Question.of(read));
        Answer answer = engine.ask(question, passages);
        Optional<Response.Topic> topic = followUp
                ? Optional.of(new Response.Topic(before.question().text(), before.opgave()))
                : Optional.empty();
        if (answer.lead().isPresent()) {
            String lead = LeadAnswer.text(answer, today);
            if (Boolean.getBoolean("ibp.calibrate")) { // calibration runs see every candidate with its evidence
                notices.add("candidate: " + lead + " " + answer.evidence());
            }
            Set<String> names = new LinkedHashSet<>(AnalyzedTerms.of(terms, String.join(" ", Spelling.names(read))));
            // "Waarom heeft minister Knops … uitgesteld?": a name the lead's letter holds elsewhere (its summary)
            // is the letter's subject, and the passage that gives the reason answers it.
            String leadDocument = answer.lead().get().hit().document().id();
            for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
                if (engine.searcher().documentHas(leadDocument, it.next())) {
                    it.remove();
                }
            }
            if (Confidence.good(answer, lead, engine.searcher().spelling().unknownNames(read), names)) {
                Optional<Opgave> opgave = answer.opgave();
                contexts.put(turn.chat(), new Context(question, followUp && before.opgave().isPresent()
                        ? before.opgave() : opgave, Optional.of(answer.lead().get().hit().passage().id())));
                if (corrected.misspelled()) {
                    notices.add("Gelezen als: " + read);
                }
                return new Response(Response.Kind.ANSWER, read,
                        Optional.of(new Response.Lead(lead, answer.lead().get().hit(), opgave)), Optional.empty(),
                        List.of(), topic, notices, Optional.of(answer));
            }
        }
        unanswered.record(read, clock.instant());
        return new Response(Response.Kind.NO_ANSWER, read, Optional.empty(), Optional.empty(),
                suggestions(engine, answer, corrected, text), topic, notices, Optional.of(answer));
    }

    /** A follow-up's context: the question it follows, with that question's own context (two turns back at most). */
    private static String contextText(Question previous) {
        return previous.context().map(c -> previous.text() + " " + c).orElse(previous.text());
    }

    /** The nearest opgaven, and "Bedoelde u …?" for words the documents do not contain but know a close spelling of. */
    private static List<Response.Suggestion> suggestions(AnswerEngine engine, Answer answer, Spelling.Corrected corrected,
                                                         String asked) {
        List<Response.Suggestion> out = new ArrayList<>();
        if (corrected.misspelled()) {
            out.add(new Response.Suggestion.DidYouMean(corrected.text()));
        }
        Set<Opgave> near = new LinkedHashSet<>();
        answer.opgave().ifPresent(near::add);
        answer.passages().forEach(p -> p.hit().passage().opgave().ifPresent(n -> near.add(Opgaven.byNumber(n))));
        near.stream().limit(3).forEach(o -> out.add(new Response.Suggestion.NearOpgave(o)));
        return out;
    }

    private static Response empty(Response.Kind kind, String text) {
        return new Response(kind, text, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(),
                Optional.empty());
    }

    /** Input cut to a bound for search, at a word; never rejected. */
    public static String cut(String text, int max) {
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

    @Override
    public void close() {
        terms.close();
        contexts.invalidateAll();
    }
}

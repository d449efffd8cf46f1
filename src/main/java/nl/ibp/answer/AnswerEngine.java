package nl.ibp.answer;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.Manifest;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Sentences;
import nl.ibp.search.Hit;
import nl.ibp.search.PassageSearcher;
import nl.ibp.search.QuestionType;
import nl.ibp.search.Ranking;
import org.apache.lucene.analysis.Analyzer;

/**
 * Answers questions from the index: the best passages, each with the sentence in it that best
 * answers the question. Knows nothing of the terminal or Telegram that show the answer.
 */
public final class AnswerEngine implements AutoCloseable {

    /** A passage in an answer, with the answer sentence marked within its text. */
    public record RankedPassage(int rank, Hit hit, Sentences.Span answer) {
        public String answerText() {
            return answer.of(hit.passage().text());
        }
    }

    /**
     * @param question   what was asked, with the conversation's context when it was read in one
     * @param type       what the question asks for (for an elliptic follow-up: what its context asked)
     * @param opgave     the opgave the question is about, when it can be told
     * @param agreements the tracked agreements that answer a "wanneer" or "wie" question, best first
     * @param passages   the best passages, best first
     * @param lead       the passage whose answer sentence answers best: among the first few, the
     *                   sentence's own match weighs beside the passage's rank
     * @param evidence   how well the best passage covers the question
     */
    public record Answer(Question question, QuestionType type, Optional<Opgave> opgave, List<Agreement> agreements,
                         List<RankedPassage> passages, Optional<RankedPassage> lead, Evidence evidence) {
        public Answer {
            agreements = List.copyOf(agreements);
            passages = List.copyOf(passages);
            java.util.Objects.requireNonNull(lead, "lead");
        }
    }

    /** A question word or a leading verb: the turn asks a question of its own, even when it follows up. */
    private static final Pattern ASKS_ITSELF = Pattern.compile(
            "(?iu)\\b(wat|wie|welke?|hoe|waarom|waar|wanneer|hoeveel|mag|mogen|kan|kunnen|moet|moeten|is|zijn|gaat|gaan"
                    + "|wordt|worden|heeft|hebben|doet|doen|komt|komen)\\b");

    private static final Pattern OPGAVE_NUMBER = Pattern.compile("(?i)\\bopgave\\s*(\\d{1,2})\\b");

    private final PassageSearcher searcher;
    private final Analyzer terms = IbpAnalyzer.forQuery(Synonyms.none());
    private final TermWeighting weighting;
    private final LeadChoice leads;
    private final SignatureLead signatures;
    private final AgreementMatching agreements;
    private final EvidenceMeasure evidence;
    private final MovedLead moved;

    private AnswerEngine(PassageSearcher searcher, List<Agreement> agreements) {
        this.searcher = searcher;
        this.weighting = new TermWeighting(searcher, terms);
        this.leads = new LeadChoice(searcher, weighting);
        this.signatures = new SignatureLead(searcher, terms);
        this.agreements = new AgreementMatching(searcher, terms, agreements);
        this.evidence = new EvidenceMeasure(weighting);
        this.moved = new MovedLead(searcher, agreements);
    }

    /** Opens the index and, when it has one, the agreements tracker (read once: it changes only on re-index). */
    public static AnswerEngine open(IndexLayout layout, Ranking ranking) throws IOException {
        PassageSearcher searcher = PassageSearcher.open(layout, ranking);
        try {
            List<Agreement> agreements = List.of();
            if (Files.isRegularFile(layout.root().resolve(AgreementStore.FILE))) {
                try (AgreementStore store = AgreementStore.open(layout.root())) {
                    agreements = store.agreements(OptionalInt.empty());
                }
            }
            return new AnswerEngine(searcher, agreements);
        } catch (SQLException e) {
            searcher.close();
            throw new IOException("reading the agreements database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            searcher.close();
            throw e;
        }
    }

    public static AnswerEngine open(IndexLayout layout) throws IOException {
        return open(layout, Ranking.defaults());
    }

    public Answer ask(String question, int k) throws IOException {
        return ask(Question.of(question), k);
    }

    public Answer ask(Question question, int k) throws IOException {
        String text = question.text();
        Optional<String> context = question.context();
        QuestionType type = type(text, context);
        List<String> asked = weighting.subjectTerms(text);
        List<String> topic = context.map(weighting::subjectTerms).orElse(List.of());
        Map<String, Double> wanted = weighting.weights(text, asked, topic);
        List<Hit> hits = search(text, context, asked, topic, k);
        LeadChoice.Chosen chosen = leads.choose(question, type, asked, wanted, hits, k);
        if (type == QuestionType.SIGNER) {
            chosen = signatures.of(asked, topic, chosen.passages()).map(chosen::ledBy).orElse(chosen);
        }
        // What the question matched decides how sure the answer is, also when a newer document moved it.
        Optional<RankedPassage> matched = chosen.lead();
        if (type == QuestionType.WHEN && matched.isPresent()) {
            chosen = moved.of(matched.get(), chosen.passages()).map(chosen::ledBy).orElse(chosen);
        }
        List<RankedPassage> passages = chosen.passages();
        Optional<Opgave> opgave = opgave(text, passages).or(() -> context.flatMap(Opgaven::mentionedIn));
        String all = context.map(c -> text + " " + c).orElse(text);
        // A follow-up has few words of its own ("en wie betaalt dat?"): its evidence is read with the topic it leans on.
        boolean onAntecedent = chosen.leadIs(question.antecedent());
        return new Answer(question, type, opgave, agreements.matching(all, type, opgave, passages), passages,
                chosen.lead(), evidence.of(all, asked, topic, matched, onAntecedent));
    }

    /** What the question asks for: an elliptic follow-up ("en voor klimaatadaptatie?") asks what its context asked. */
    private static QuestionType type(String text, Optional<String> context) {
        QuestionType own = QuestionType.of(text);
        return own == QuestionType.OTHER && context.isPresent() && !ASKS_ITSELF.matcher(text).find()
                ? QuestionType.of(context.get()) : own;
    }

    /** The passages that may lead, best first: a follow-up is sought with its context at a lower weight. */
    private List<Hit> search(String text, Optional<String> context, List<String> asked, List<String> topic, int k)
            throws IOException {
        int depth = Math.max(k, LeadChoice.CANDIDATES);
        if (context.isEmpty()) {
            return searcher.search(text, depth);
        }
        return searcher.search(text, context.get(), TermWeighting.contextWeight(asked.size(), topic.size()), depth);
    }

    /** The opgave a question is about: by number ("opgave 6"), by title or alias, else that of the best passage. */
    static Optional<Opgave> opgave(String question, List<RankedPassage> passages) {
        Matcher m = OPGAVE_NUMBER.matcher(question);
        if (m.find() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= 10) {
            return Optional.of(Opgaven.byNumber(Integer.parseInt(m.group(1))));
        }
        Optional<Opgave> named = Opgaven.mentionedIn(question);
        if (named.isPresent() || passages.isEmpty()) {
            return named;
        }
        OptionalInt top = passages.getFirst().hit().passage().opgave();
        return top.isPresent() ? Optional.of(Opgaven.byNumber(top.getAsInt())) : Optional.empty();
    }

    /** The searcher underneath, for what is not a question: an opgave's passages, a passage by id, spelling. */
    public PassageSearcher searcher() {
        return searcher;
    }

    /** Every tracked agreement, as read when the engine opened. */
    public List<Agreement> agreements() {
        return agreements.all();
    }

    public Manifest manifest() {
        return searcher.manifest();
    }

    @Override
    public void close() throws IOException {
        try (searcher) {
            terms.close();
        }
    }
}

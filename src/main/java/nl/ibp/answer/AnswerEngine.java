package nl.ibp.answer;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.agreements.Responsibility;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.Manifest;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Sentences;
import nl.ibp.analysis.AnalyzedTerms;
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
     * @param opgave     the opgave the question is about, when it can be told
     * @param agreements the tracked agreements that answer a "wanneer" or "wie" question, best first
     * @param passages   the best passages, best first
     */
    public record Answer(String question, Optional<Opgave> opgave, List<Agreement> agreements,
                         List<RankedPassage> passages) {
        public Answer {
            agreements = List.copyOf(agreements);
            passages = List.copyOf(passages);
        }
    }

    /** At most this many agreements lead an answer: more is a list, not an answer. */
    static final int MAX_AGREEMENTS = 3;

    private static final Pattern OPGAVE_NUMBER = Pattern.compile("(?i)\\bopgave\\s*(\\d{1,2})\\b");

    /** An agreement with its analysed terms, computed once when the engine opens. */
    private record Tracked(Agreement agreement, Set<String> terms) {
    }

    private final PassageSearcher searcher;
    private final List<Tracked> agreements;
    private final Analyzer terms = IbpAnalyzer.forQuery(Synonyms.none());

    private AnswerEngine(PassageSearcher searcher, List<Agreement> agreements) {
        this.searcher = searcher;
        this.agreements = agreements.stream()
                .map(a -> new Tracked(a, Set.copyOf(AnalyzedTerms.of(terms, a.text())))).toList();
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
        List<RankedPassage> passages = new ArrayList<>();
        Set<String> wanted = new HashSet<>(AnalyzedTerms.of(terms, question));
        QuestionType type = QuestionType.of(question);
        for (Hit hit : searcher.search(question, k)) {
            Sentences.Span span = AnswerSentence.pick(wanted, type, hit.passage().text(), hit.sentenceTerms(),
                    t -> AnalyzedTerms.of(terms, t));
            passages.add(new RankedPassage(passages.size() + 1, hit, span));
        }
        Optional<Opgave> opgave = opgave(question, passages);
        return new Answer(question, opgave, matchingAgreements(question, opgave, passages), passages);
    }

    private static final List<Map.Entry<Pattern, Responsibility.Role>> ROLE_WORDS = List.of(
            Map.entry(Pattern.compile("(?i)verantwoordelijk|aan de lat"), Responsibility.Role.VERANTWOORDELIJK),
            Map.entry(Pattern.compile("(?i)voortouw"), Responsibility.Role.VOORTOUW),
            Map.entry(Pattern.compile("(?i)\\bregie"), Responsibility.Role.REGIE),
            Map.entry(Pattern.compile("(?i)trekker|\\btrekt\\b"), Responsibility.Role.TREKKER),
            Map.entry(Pattern.compile("(?i)co[öo]rdin"), Responsibility.Role.COORDINEERT),
            Map.entry(Pattern.compile("(?i)voorzit"), Responsibility.Role.VOORZITTER));

    /** The role a "wie" question names, if it names one. */
    static Optional<Responsibility.Role> askedRole(String question) {
        return ROLE_WORDS.stream().filter(e -> e.getKey().matcher(question).find()).map(Map.Entry::getValue).findFirst();
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

    /**
     * For a "wanneer" question the agreements with a date, for "wie" those with an actor, of the
     * question's opgave or of the passages found, ranked by the question words they share and by
     * how high their passage ranks. None for other questions.
     */
    private List<Agreement> matchingAgreements(String question, Optional<Opgave> opgave, List<RankedPassage> passages) {
        QuestionType type = QuestionType.of(question);
        if (type != QuestionType.WHEN && type != QuestionType.WHO) {
            return List.of();
        }
        Set<String> wanted = new HashSet<>(searcher.questionTerms(question));
        Optional<Responsibility.Role> askedFor = askedRole(question);
        Map<String, Integer> rankOfPassage = new HashMap<>();
        passages.forEach(p -> rankOfPassage.putIfAbsent(p.hit().passage().id(), p.rank()));
        record Scored(Agreement agreement, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Tracked tracked : agreements) {
            Agreement a = tracked.agreement();
            boolean fits = type == QuestionType.WHEN ? !a.deadlines().isEmpty() : !a.actors().isEmpty();
            Integer rank = rankOfPassage.get(a.source().passage());
            boolean sameOpgave = opgave.isEmpty() || a.opgave().equals(OptionalInt.of(opgave.get().number()));
            if (!fits || !sameOpgave && rank == null) { // the found passages' own agreements always count
                continue;
            }
            long shared = tracked.terms().stream().filter(wanted::contains).count();
            if (shared == 0 && rank == null) { // in a found passage the context speaks for it ("Per 2019 gaan … over")
                continue;
            }
            // Shared words, the role the question names ("wie is verantwoordelijk"), and how high the
            // agreement's passage ranks all count.
            boolean askedRole = askedFor.isPresent() && a.actors().stream().anyMatch(r -> r.role() == askedFor.get());
            double score = shared + (askedRole ? 2 : 0) + (rank == null ? 0 : 2.0 / rank);
            scored.add(new Scored(a, score));
        }
        // Best match first; where documents say different things about the same subject, the newest first.
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.agreement().source().date().orElse(LocalDate.MIN), Comparator.reverseOrder()));
        double best = scored.isEmpty() ? 0 : scored.getFirst().score();
        // Close to the best, or stated in the best passage itself: where documents disagree (the letter
        // says "in 2020", the Programmastart "per 2019") both are shown, the newest document first.
        return scored.stream()
                .filter(s -> s.score() >= best - 2 || Integer.valueOf(1).equals(rankOfPassage.get(s.agreement().source().passage())))
                .limit(MAX_AGREEMENTS).map(Scored::agreement).toList();
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

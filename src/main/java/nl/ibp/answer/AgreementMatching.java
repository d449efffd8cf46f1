package nl.ibp.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Responsibility;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.passage.Opgave;
import nl.ibp.search.PassageSearcher;
import nl.ibp.search.QuestionType;
import org.apache.lucene.analysis.Analyzer;

/** The tracked agreements that answer a "wanneer" or "wie" question, and the roles a question can ask about. */
final class AgreementMatching {

    /** At most this many agreements lead an answer: more is a list, not an answer. */
    static final int MAX_AGREEMENTS = 3;

    private static final List<Map.Entry<Pattern, Responsibility.Role>> ROLE_WORDS = List.of(
            Map.entry(Pattern.compile("(?i)verantwoordelijk|aan de lat"), Responsibility.Role.VERANTWOORDELIJK),
            Map.entry(Pattern.compile("(?i)voortouw"), Responsibility.Role.VOORTOUW),
            Map.entry(Pattern.compile("(?i)\\bregie"), Responsibility.Role.REGIE),
            Map.entry(Pattern.compile("(?i)trekker|\\btrekt\\b"), Responsibility.Role.TREKKER),
            Map.entry(Pattern.compile("(?i)co[öo]rdin"), Responsibility.Role.COORDINEERT),
            Map.entry(Pattern.compile("(?i)voorzit"), Responsibility.Role.VOORZITTER));

    /** An agreement with its analysed terms, computed once when the engine opens. */
    private record Tracked(Agreement agreement, Set<String> terms) {
    }

    private final PassageSearcher searcher;
    private final List<Tracked> agreements;

    AgreementMatching(PassageSearcher searcher, Analyzer terms, List<Agreement> agreements) {
        this.searcher = searcher;
        this.agreements = agreements.stream()
                .map(a -> new Tracked(a, Set.copyOf(AnalyzedTerms.of(terms, a.text())))).toList();
    }

    /** Every tracked agreement, as read when the engine opened. */
    List<Agreement> all() {
        return agreements.stream().map(Tracked::agreement).toList();
    }

    /** The role a "wie" question (or a sentence answering one) names, if it names one. */
    static Optional<Responsibility.Role> askedRole(String question) {
        return ROLE_WORDS.stream().filter(e -> e.getKey().matcher(question).find()).map(Map.Entry::getValue).findFirst();
    }

    /**
     * For a "wanneer" question the agreements with a date, for "wie" those with an actor, of the
     * question's opgave or of the passages found, ranked by the question words they share and by
     * how high their passage ranks. None for other questions.
     */
    List<Agreement> matching(String question, QuestionType type, Optional<Opgave> opgave, List<RankedPassage> passages) {
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
}

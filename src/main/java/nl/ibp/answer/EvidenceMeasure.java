package nl.ibp.answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.answer.TermWeighting.Alternatives;
import nl.ibp.passage.Cue;
import nl.ibp.search.QuestionType;

/** Measures how much of what was asked the lead passage and its answer sentence hold: the {@link Evidence}. */
final class EvidenceMeasure {

    /** The words a "hoeveel geld" question names money by; an amount in euros holds them all. */
    private static final String MONEY_WORDS = "geld budget bedrag euro middelen";

    private final TermWeighting weighting;

    EvidenceMeasure(TermWeighting weighting) {
        this.weighting = weighting;
    }

    /** How much of what was asked (its own words, weighed by rarity) the best passage and its answer sentence hold. */
    Evidence of(String text, List<String> asked, List<String> topic, Optional<RankedPassage> lead, boolean onAntecedent)
            throws IOException {
        Set<String> mine = new LinkedHashSet<>(asked);
        Set<String> own = new LinkedHashSet<>(asked);
        own.addAll(topic);
        if (lead.isEmpty() || own.isEmpty()) {
            return new Evidence(0, 0, List.of(), List.copyOf(own), own.size(), 0f);
        }
        RankedPassage best = lead.get();
        // What the passage is about includes where it stands: its section and its document.
        Set<String> inPassage = new HashSet<>(weighting.analyzed(best.hit().passage().section() + " "
                + best.hit().document().title() + " " + best.hit().document().type()));
        best.hit().sentenceTerms().forEach(inPassage::addAll);
        if (best.hit().sentenceTerms().isEmpty()) {
            inPassage.addAll(weighting.analyzed(best.hit().passage().text()));
        }
        Set<String> inSentence = new HashSet<>(weighting.analyzed(best.answerText()));
        // "Hoeveel extra geld …?" answered by "€ 1,8 miljard extra": the amount is the money the question names.
        if (QuestionType.of(text) == QuestionType.MONEY && Cue.moneyIn(best.answerText())) {
            List<String> money = weighting.analyzed(MONEY_WORDS);
            inSentence.addAll(money);
            inPassage.addAll(money);
        }
        Map<String, Alternatives> alternatives = weighting.alternatives(text, own);
        Map<String, Double> idf = weighting.idfs(own);
        // The topic a follow-up leans on counts, but less than what is asked now; fully when the lead is
        // the passage the follow-up points back at (the turn before answered from it).
        for (String t : own) {
            if (!mine.contains(t) && !onAntecedent) {
                idf.put(t, idf.get(t) * TermWeighting.CONTEXT_WEIGHT);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String t : mine) {
            if (!weighting.known(alternatives.get(t)) && !inPassage.contains(t)) {
                unknown.add(t);
            }
        }
        double total = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> missing = own.stream().filter(t -> !alternatives.get(t).in(inPassage))
                .sorted(Comparator.comparingDouble((String t) -> idf.get(t)).reversed()).toList();
        double passage = coverage(own, idf, alternatives, inPassage, total);
        double sentence = coverage(own, idf, alternatives, inSentence, total);
        if (mine.size() >= LeadChoice.STANDS_ALONE && mine.size() < own.size()) {
            // A follow-up that says this much itself ("en mag de raad zelf bepalen wat we met dat geld doen?")
            // is answered when what it says is there, whether or not the topic's words are.
            double mineTotal = mine.stream().mapToDouble(idf::get).sum();
            passage = Math.max(passage, coverage(mine, idf, alternatives, inPassage, mineTotal));
            sentence = Math.max(sentence, coverage(mine, idf, alternatives, inSentence, mineTotal));
        }
        return new Evidence(passage, sentence, unknown, missing, own.size(), best.hit().score());
    }

    private static double coverage(Set<String> own, Map<String, Double> idf, Map<String, Alternatives> alternatives,
                                   Set<String> have, double total) {
        if (total <= 0) {
            return 0;
        }
        return own.stream().filter(t -> alternatives.get(t).in(have)).mapToDouble(idf::get).sum() / total;
    }
}

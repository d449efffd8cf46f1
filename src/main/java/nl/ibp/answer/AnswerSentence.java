package nl.ibp.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.ibp.passage.Sentences;
import nl.ibp.search.QuestionType;

/**
 * Picks the sentence of a passage that best answers a question: the one sharing the most
 * question words (as analysed terms, so inflections meet), with a bonus when it holds what the
 * question word asks for: a year or date for "wanneer", a number for "hoeveel", an
 * organisation or role for "wie".
 */
final class AnswerSentence {

    /** Holding the kind of answer asked for weighs one and a half shared question words. */
    private static final double CUE_BONUS = 1.5;

    private AnswerSentence() {
    }

    /**
     * @param wanted        the question's analysed terms
     * @param type          what the question asks for
     * @param sentenceTerms the analysed terms of each sentence of the passage, when the index has
     *                      them (the same analysis as the question's); else empty
     * @param terms         analyses a sentence when {@code sentenceTerms} does not fit the passage
     * @return the best sentence's span within {@code passage}
     */
    static Sentences.Span pick(Set<String> wanted, QuestionType type, String passage,
                               List<List<String>> sentenceTerms, Function<String, List<String>> terms) {
        List<Sentences.Span> sentences = Sentences.split(passage);
        if (sentences.isEmpty()) {
            return new Sentences.Span(0, passage.length());
        }
        boolean stored = sentenceTerms.size() == sentences.size();
        Sentences.Span best = sentences.getFirst();
        double bestScore = -1;
        for (int i = 0; i < sentences.size(); i++) {
            Sentences.Span span = sentences.get(i);
            String sentence = span.of(passage);
            Set<String> have = new HashSet<>(stored ? sentenceTerms.get(i) : terms.apply(sentence));
            double score = have.stream().filter(wanted::contains).count();
            if (score + CUE_BONUS > bestScore) { // the cue's regex only where it can change the outcome
                score += type.cue().filter(cue -> cue.in(sentence)).isPresent() ? CUE_BONUS : 0;
            }
            if (score > bestScore) { // ties go to the earlier sentence
                bestScore = score;
                best = span;
            }
        }
        return withoutListMarker(passage, best);
    }

    /** A list item's "- " is layout, not part of the answer. */
    private static Sentences.Span withoutListMarker(String passage, Sentences.Span span) {
        int start = span.start();
        while (start < span.end() && (passage.charAt(start) == '-' || passage.charAt(start) == ' ')) {
            start++;
        }
        return start < span.end() ? new Sentences.Span(start, span.end()) : span;
    }
}

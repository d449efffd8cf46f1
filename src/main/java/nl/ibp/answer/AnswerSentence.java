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

    private AnswerSentence() {
    }

    /**
     * @param terms the analysed terms of a text (the same analysis for question and sentence)
     * @return the best sentence's span within {@code passage}
     */
    static Sentences.Span pick(String question, String passage, Function<String, List<String>> terms) {
        List<Sentences.Span> sentences = Sentences.split(passage);
        if (sentences.isEmpty()) {
            return new Sentences.Span(0, passage.length());
        }
        Set<String> wanted = new HashSet<>(terms.apply(question));
        QuestionType type = QuestionType.of(question);
        Sentences.Span best = sentences.getFirst();
        double bestScore = -1;
        for (Sentences.Span span : sentences) {
            String sentence = span.of(passage);
            Set<String> have = new HashSet<>(terms.apply(sentence));
            double score = have.stream().filter(wanted::contains).count();
            score += type.cue().filter(cue -> cue.in(sentence)).isPresent() ? 1.5 : 0;
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

package nl.ibp.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.ibp.passage.Sentences;

/**
 * Picks the sentence of a passage that best answers a question: the one sharing the most
 * question words (as analysed terms, so inflections meet), with a bonus when it holds what the
 * question word asks for: a year or date for "wanneer", a number for "hoeveel", an
 * organisation or role for "wie".
 */
final class AnswerSentence {

    private static final Pattern DATE = Pattern.compile(
            "\\b(1[89]\\d\\d|20\\d\\d)\\b|\\b\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\\b"
                    + "|\\b(voorjaar|najaar|zomer|winter|kwartaal|helft)\\b");
    private static final Pattern NUMBER = Pattern.compile(
            "\\d|\\b(een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|honderd|duizend|miljoen|miljard|twaalftal|tiental)\\b|%|procent|€");
    private static final Pattern ACTOR = Pattern.compile(
            "\\b(VNG|IPO|UvW|Rijk|kabinet|minister|ministers|staatssecretaris|gemeenten|provincies|waterschappen|koepels|"
                    + "directeur|voorzitter|DG|regie|voortouw|verantwoordelijk|trekker|trekkers|coördineert)\\b");

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
            score += switch (type) {
                case WHEN -> DATE.matcher(sentence).find() ? 1.5 : 0;
                case HOW_MANY -> NUMBER.matcher(sentence).find() ? 1.5 : 0;
                case WHO -> ACTOR.matcher(sentence).find() ? 1.0 : 0;
                case OTHER -> 0;
            };
            if (score > bestScore) { // ties go to the earlier sentence
                bestScore = score;
                best = span;
            }
        }
        return best;
    }
}

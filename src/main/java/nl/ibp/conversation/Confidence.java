package nl.ibp.conversation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.ibp.agreements.DutchDates;
import nl.ibp.answer.AnswerEngine.Answer;
import nl.ibp.answer.Evidence;
import nl.ibp.passage.Cue;
import nl.ibp.search.QuestionType;

/**
 * Whether an answer is good enough to lead with, or the assistant should say it does not know.
 * The rule reads the evidence the engine measured, never a raw score alone (BM25 scores are not
 * comparable across questions); its thresholds were calibrated on the development chats and gold
 * questions (see docs/BENCHMARKS.md, "Confidence").
 */
final class Confidence {

    /**
     * What the lead passage and its sentence hold of what was asked (words weighed by rarity), mixed
     * in these proportions, must reach {@link #MIN_COVERAGE}.
     */
    static final double PASSAGE_SHARE = 0.6;
    static final double MIN_COVERAGE = 0.5;
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");

    /**
     * A follow-up answered from the passage it points back at ("en wie betaalt dat?" after the answer about
     * the fund) leans on the turn before, which that passage answered: its own words are often a paraphrase
     * of the passage ("betaalt" for "stelt beschikbaar"). It needs this coverage, or a lead that holds what
     * its question word asks for (an actor for "wie", a date for "wanneer", an amount for "hoeveel").
     */
    static final double MIN_COVERAGE_ON_ANTECEDENT = 0.4;
    /** A question whose words the documents do not know at all is not about them. */
    static final double MAX_UNKNOWN_SHARE = 0.34;

    private Confidence() {
    }

    /**
     * @param answer       the engine's answer
     * @param lead         the lead answer composed from it
     * @param unknownNames names in the question (capitalised words, not the first) that no document contains:
     *                     "Zwolle", "OZB", "Ter Apel"; a question about them is not about these documents
     * @param nameTerms    the analysed terms of the names in the question, known or not, that the lead's
     *                     document does not hold (a name the document holds elsewhere is its subject)
     */
    static boolean good(Answer answer, String lead, List<String> unknownNames, Set<String> nameTerms) {
        Evidence e = answer.evidence();
        if (answer.passages().isEmpty() || e.terms() == 0 || !unknownNames.isEmpty()) {
            return false;
        }
        if ((double) e.unknown().size() / e.terms() > MAX_UNKNOWN_SHARE) {
            return false;
        }
        // "de burgemeester van Rotterdam": a name narrows the question to what it names; a passage without it
        // answers something else.
        if (nameTerms.stream().anyMatch(e.missing()::contains)) {
            return false;
        }
        // "in 2027": a year no document names is a time the documents do not speak of.
        if (e.unknown().stream().anyMatch(t -> YEAR.matcher(t).matches())) {
            return false;
        }
        if (answer.type().asksAmount() && !Cue.amountIn(lead)) {
            return false;
        }
        if (answer.type() == QuestionType.WHEN && !datesIn(answer, lead)) { // "wanneer" is answered by a date or period
            return false;
        }
        if (answer.type() == QuestionType.HOW_OFTEN && !Cue.FREQUENCY.in(lead)) { // "hoe vaak" by a cadence
            return false;
        }
        double coverage = PASSAGE_SHARE * e.passageCoverage() + (1 - PASSAGE_SHARE) * e.sentenceCoverage();
        if (onAntecedent(answer)) {
            boolean cued = answer.type().asksAmount()
                    || answer.type().cue().filter(c -> c.in(lead)).isPresent(); // an amount was checked above
            return coverage >= MIN_COVERAGE_ON_ANTECEDENT || cued;
        }
        return coverage >= MIN_COVERAGE;
    }

    /**
     * A date or period in the lead: "in 2021", "per 1 januari", "de komende drie jaar"; for "hoe lang"
     * also a duration: "ten minste zes maanden".
     */
    private static boolean datesIn(Answer answer, String lead) {
        return Cue.DATE.in(lead) || givesHowLong(answer.question().text(), lead)
                || !DutchDates.find(lead, answer.lead().flatMap(l -> l.hit().document().date())
                .orElse(LocalDate.EPOCH)).isEmpty();
    }

    /** Whether the question asks "hoe lang" and the lead gives a duration. */
    static boolean givesHowLong(String question, String lead) {
        return HOW_LONG.matcher(question).find() && DURATION.matcher(lead).find();
    }

    private static final Pattern HOW_LONG = Pattern.compile("(?iu)\\bhoe\\s+lang\\b");
    private static final Pattern DURATION = Pattern.compile("(?iu)\\b(?:\\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht"
            + "|negen|tien|elf|twaalf|achttien|vierentwintig|enkele|meerdere|vele)\\s+(?:jaar|jaren|maanden|maand|weken|week"
            + "|dagen|dag|uur)\\b");

    private static boolean onAntecedent(Answer answer) {
        return answer.lead().flatMap(l -> answer.question().antecedent().filter(l.hit().passage().id()::equals))
                .isPresent();
    }
}

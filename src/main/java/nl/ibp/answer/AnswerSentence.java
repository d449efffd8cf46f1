package nl.ibp.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.passage.Cue;
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
    /** A title restates a subject; the answer is in the sentences under it. It weighs this much of a sentence. */
    static final double TITLE_FACTOR = 0.25;
    /** Question words in the heading a passage stands under count this much in each of its sentences. */
    static final double HEADING_SHARE = 0.5;
    /** A sentence opens with its subject in this many content words. */
    static final int OPENING = 3;
    /** What was asked is the subject of a sentence that opens with this share of its match. */
    static final double DEFINING_SHARE = 0.6;
    /** A sentence that gives someone a role answers "wie" better than one that only names them. */
    static final double ROLE_BONUS = 1.0;
    /** "Voor de berekening van het accres …": a sentence opening with a preposition has its subject further on. */
    private static final Pattern ADVERBIAL_OPENING = Pattern.compile("(?iu)^[-•*\\s]*(?:(?:\\d{1,2}|[a-z])[.)]\\s+)?"
            + "(?:voor|in|bij|met|naar|over|op|aan|door|uit|tot|na|om|onder|tussen|sinds|vanaf|tijdens|binnen|buiten"
            + "|zonder|volgens|vanuit|namens|ondanks|wegens|rond|per)\\s");
    /** "Het accres is vervolgens het product van …": a subject and, within a few words, what it is; this answers
     * "hoe wordt het accres berekend?", where "Gemeenten verbeteren de begeleiding" answers "hoe wordt … voorkomen?". */
    private static final Pattern STATES_WHAT = Pattern.compile(
            "(?iu)^[-•*\\s]*(?:\\S+\\s+){1,4}?(?:is|zijn|wordt|worden|bedraagt|bedragen|bestaat|bestaan|betekent)\\b");
    /** "het Digitaal Stelsel Omgevingswet (DSO)": words spelled out before the abbreviation in brackets. */
    private static final Pattern SPELLED_OUT = Pattern.compile(
            "\\p{Lu}[\\p{L}-]*(?:\\s+[\\p{L}-]+){1,6}\\s+\\((\\p{Lu}[\\p{Lu}\\p{N}&-]{1,9})\\)");
    /** "Daardoor …", "Hierdoor …", "Om die reden …": a sentence whose cause is the sentence before it. */
    private static final Pattern POINTS_BACK_TO_CAUSE = Pattern.compile(
            "(?iu)^[-•*\\s]*(?:daardoor|hierdoor|daarom|hierom|om\\s+die\\s+reden|om\\s+deze\\s+reden|dat\\s+is\\s+de\\s+reden|vandaar)\\b");
    /** "1) ", "b. ", "- a) ": a list label is no number the question asks for. */
    private static final Pattern ENUMERATION_LABEL = Pattern.compile("^[-\\s]*(?:\\d{1,2}|[a-zA-Z]|[IVX]+)[.)]\\s+");

    private AnswerSentence() {
    }

    /** The chosen sentence and how well it answers: its question words' weights, plus the cue bonus. */
    record Pick(Sentences.Span span, double score) {
    }

    /**
     * @param wanted        the question's analysed terms with their weights (1 for the words asked,
     *                      less for those of the conversation's context)
     * @param type          what the question asks for
     * @param sentenceTerms the analysed terms of each sentence of the passage, when the index has
     *                      them (the same analysis as the question's); else empty
     * @param terms         analyses a sentence when {@code sentenceTerms} does not fit the passage
     * @param heading       the analysed terms of the heading the passage stands under (empty when none):
     *                      a passage under "2. Kinderen die tussen wal en schip vallen" is about that,
     *                      even where its sentences do not repeat it
     * @param underHeading  the cues the passage has from its heading ({@link Cue#fromHeading}): every sentence
     *                      under "Waarom uitstel?" gives the reason
     * @return the best sentence's span within {@code passage}, with its score
     */
    static Pick pick(Map<String, Double> wanted, QuestionType type, String passage,
                     List<List<String>> sentenceTerms, Function<String, List<String>> terms, Set<String> heading,
                     Set<Cue> underHeading) {
        List<Sentences.Span> sentences = Sentences.split(passage);
        if (sentences.isEmpty()) {
            return new Pick(new Sentences.Span(0, passage.length()), 0);
        }
        boolean stored = sentenceTerms.size() == sentences.size();
        // Under "Waarom uitstel?" every sentence gives the reason: none is taken for lacking one, and
        // the one that says it in so many words ("omdat", "wij vinden") still stands out.
        boolean givenByHeading = type.cue().filter(underHeading::contains).isPresent();
        Sentences.Span best = sentences.getFirst();
        int bestIndex = 0;
        double bestScore = -1;
        for (int i = 0; i < sentences.size(); i++) {
            Sentences.Span span = sentences.get(i);
            String sentence = span.of(passage);
            List<String> ordered = stored ? sentenceTerms.get(i) : terms.apply(sentence);
            Set<String> have = new HashSet<>(ordered);
            double score = have.stream().mapToDouble(t -> wanted.getOrDefault(t, 0.0)).sum();
            if (type == QuestionType.LIST && score > 0 && holdsList(sentence)) {
                score += CUE_BONUS; // a list, or the lead-in of one: the items follow it in the answer
            }
            if ((type == QuestionType.DEFINITION || type == QuestionType.HOW && STATES_WHAT.matcher(sentence).lookingAt())
                    && score > 0 && !ADVERBIAL_OPENING.matcher(sentence).lookingAt()
                    && opensWith(ordered, wanted) >= DEFINING_SHARE * score) {
                // "De brede koppeling van de algemene uitkering aan de rijksuitgaven is …": a sentence about
                // what was asked opens with it; one that only mentions it, ends with it.
                score += CUE_BONUS;
            }
            if (type == QuestionType.DEFINITION && score > 0 && spellsOut(sentence, wanted)) {
                score += CUE_BONUS; // "wat is het DSO?" is answered where its words are spelled out
            }
            if (isTitle(sentence)) {
                score *= TITLE_FACTOR;
            }
            score += HEADING_SHARE * heading.stream().filter(t -> !have.contains(t))
                    .mapToDouble(t -> wanted.getOrDefault(t, 0.0)).sum();
            double mostBonus = CUE_BONUS + (type == QuestionType.WHO ? ROLE_BONUS : 0);
            if (score + mostBonus >= bestScore) { // the cue's regex only where it can change the outcome
                String content = ENUMERATION_LABEL.matcher(sentence).replaceFirst("");
                // A year is a date, no amount: "hoeveel" wants a number besides it; "hoeveel geld" an amount of money.
                boolean hasCue = type == QuestionType.MONEY ? Cue.moneyIn(content)
                        : type == QuestionType.HOW_MANY ? Cue.amountIn(content)
                        : type.cue().filter(cue -> cue.in(content)).isPresent();
                // A "wanneer", "hoeveel", "hoe vaak" or "waarom" question is not answered by a sentence without
                // a date, number, cadence or reason.
                boolean needsCue = type == QuestionType.WHEN || type.asksAmount() || type == QuestionType.HOW_OFTEN
                        || type == QuestionType.REASON;
                // The cue counts only in a sentence that shares a question word: a bare date answers nothing.
                score = hasCue && score > 0 ? score + CUE_BONUS : needsCue && !givenByHeading ? score * 0.4 : score;
                // "wie" asks for a role as much as a name: "De minister van IenW is verantwoordelijk voor …".
                if (type == QuestionType.WHO && hasCue && score > 0 && AgreementMatching.askedRole(content).isPresent()) {
                    score += ROLE_BONUS;
                }
            }
            // Ties go to the earlier sentence; for "wanneer" to the one naming the later year: where a
            // letter moves a date, "op 1 januari 2022 … in plaats van 1 januari 2021" follows the old one.
            if (score > bestScore || score == bestScore && score > 0 && type == QuestionType.WHEN
                    && latestYear(sentence) > latestYear(best.of(passage))) {
                bestScore = score;
                best = span;
                bestIndex = i;
            }
        }
        // "De middelen zijn incidenteel. Daardoor dreigen gemeenten te stoppen.": the cause is the sentence
        // before the one that points back at it; a "waarom" answer shows both.
        if (type == QuestionType.REASON && bestIndex > 0 && POINTS_BACK_TO_CAUSE.matcher(best.of(passage)).lookingAt()) {
            best = new Sentences.Span(sentences.get(bestIndex - 1).start(), best.end());
        }
        return new Pick(withoutListMarker(passage, best), Math.max(0, bestScore));
    }

    /**
     * Whether the sentence spells out an abbreviation the question asks about ({@link #SPELLED_OUT}).
     * An abbreviation is its own analysed term in lower case (no stemmer shortens "dso" or "res"),
     * so no analysis runs at question time.
     */
    private static boolean spellsOut(String sentence, Map<String, Double> wanted) {
        Matcher m = SPELLED_OUT.matcher(sentence);
        while (m.find()) {
            if (wanted.getOrDefault(m.group(1).toLowerCase(Locale.ROOT), 0.0) > 0) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d\\d\\b");

    /** The latest year a sentence names, 0 when it names none. */
    private static int latestYear(String sentence) {
        return YEAR.matcher(sentence).results().mapToInt(r -> Integer.parseInt(r.group())).max().orElse(0);
    }

    /** "De geagendeerde onderwerpen zijn:" (its items follow), or "De 5 clusters: A; B; C en D" (inline). */
    private static final Pattern INLINE_LIST = Pattern.compile(":[^:;]+[;,][^;,]+[;,]");

    static boolean holdsList(String sentence) {
        String t = sentence.strip();
        return t.endsWith(":") || INLINE_LIST.matcher(t).find();
    }

    /** The weight of the question words among the first {@link #OPENING} words of a sentence. */
    private static double opensWith(List<String> ordered, Map<String, Double> wanted) {
        return new HashSet<>(ordered.subList(0, Math.min(OPENING, ordered.size()))).stream()
                .mapToDouble(t -> wanted.getOrDefault(t, 0.0)).sum();
    }

    /** A title rather than a statement: set in emphasis throughout ("*Kinderen die … vallen*"). */
    static boolean isTitle(String sentence) {
        String t = ENUMERATION_LABEL.matcher(sentence.strip().replaceFirst("^[-•]\\s*", "")).replaceFirst("").strip();
        return t.length() > 2 && t.startsWith("*") && t.endsWith("*") && t.indexOf('*', 1) == t.length() - 1;
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

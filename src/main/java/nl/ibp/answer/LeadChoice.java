package nl.ibp.answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.passage.Cue;
import nl.ibp.passage.PassageKind;
import nl.ibp.search.Hit;
import nl.ibp.search.PassageSearcher;
import nl.ibp.search.QuestionType;

/**
 * Chooses the lead among the passages found: each passage's best answer sentence, weighed beside
 * the passage's rank, the subject put in front of the question, and the passage a follow-up points back at.
 */
final class LeadChoice {

    /** The lead sentence is sought in this many of the best passages (5, 8 and 10 tried on the development
     * chats and gold questions: 8 and 10 alike, both better than 5); the passages shown stay the best k. */
    static final int CANDIDATES = 8;
    /** Being the best passage weighs this many matched question words when the lead sentence is chosen
     * (chosen among 1.5, 3 and 5 on the development chats and gold questions; 5 was best on both). */
    static final double PASSAGE_PRIOR = 5;

    /** The passage a follow-up points back at ("en wie betaalt dat?") counts as the best passage, and this many
     * matched question words more, when the lead sentence is chosen: what was just answered is what the user asks about. */
    static final double ANTECEDENT_PRIOR = 2;

    /** A follow-up with this many words of its own can be judged on them alone. */
    static final int STANDS_ALONE = 4;

    /** A subject put in front of the question: "jeugdzorg: wat gaan ze doen …", "huiselijk geweld, wat …". */
    private static final Pattern FRONTED = Pattern.compile(
            "(?iu)^\\s*([^,:;?.]{3,80}?)\\s*[,:;]\\s*(?=(?:en\\s+)?(?:wat|wie|hoe|wanneer|waarom|welke?|hoeveel|waar|mag|mogen"
                    + "|moet|moeten|kan|kunnen|gaat|gaan|is|zijn|wordt|worden)\\b)");

    /**
     * @param passages the passages shown: the best k, and the lead too when it comes from further down
     * @param lead     the passage whose answer sentence answers best
     */
    record Chosen(List<RankedPassage> passages, Optional<RankedPassage> lead) {

        /** These passages led by {@code first}: it leads, the passages found follow it (without it). */
        Chosen ledBy(RankedPassage first) {
            List<RankedPassage> led = new ArrayList<>();
            led.add(first);
            passages.stream().filter(p -> !p.hit().passage().id().equals(first.hit().passage().id()))
                    .forEach(p -> led.add(new RankedPassage(led.size() + 1, p.hit(), p.answer())));
            return new Chosen(led, Optional.of(first));
        }

        /** Whether the lead is the passage {@code id} names. */
        boolean leadIs(Optional<String> id) {
            return lead.map(l -> id.filter(l.hit().passage().id()::equals).isPresent()).orElse(false);
        }
    }

    private final PassageSearcher searcher;
    private final TermWeighting weighting;

    LeadChoice(PassageSearcher searcher, TermWeighting weighting) {
        this.searcher = searcher;
        this.weighting = weighting;
    }

    /**
     * @param asked  the subject terms of what is asked now
     * @param wanted the question's terms with their weights
     * @param hits   the passages found, best first
     * @param k      how many passages are shown
     */
    Chosen choose(Question question, QuestionType type, List<String> asked, Map<String, Double> wanted,
                  List<Hit> hits, int k) throws IOException {
        String text = question.text();
        hits = withAntecedent(hits, question.antecedent());
        List<RankedPassage> passages = new ArrayList<>();
        Optional<RankedPassage> lead = Optional.empty();
        double bestLead = Double.NEGATIVE_INFINITY;
        // "Huiselijk geweld, wat gaan Rijk en gemeenten daaraan doen?": the subject put in front finds the
        // passage; which of its sentences answers is decided by what is asked after it.
        // "en die challenge, wat is dat?" asks about the subject itself: nothing is asked after it.
        Set<String> fronted = Set.copyOf(frontedSubject(text)
                .filter(f -> !weighting.subjectTerms(text.substring(text.indexOf(f) + f.length())).isEmpty())
                .map(weighting::subjectTerms).orElse(List.of()));
        Map<String, Double> inSentence = new HashMap<>(wanted);
        inSentence.keySet().removeAll(fronted);
        for (Hit hit : hits) {
            List<String> path = hit.passage().headingPath();
            // What a passage stands under: its nearest heading, and the subject line of its letter.
            Set<String> heading = new java.util.HashSet<>(weighting.analyzed(hit.document().title()));
            if (!path.isEmpty()) {
                heading.addAll(weighting.analyzed(path.getLast()));
            }
            AnswerSentence.Pick pick = AnswerSentence.pick(inSentence, type, hit.passage().text(), hit.sentenceTerms(),
                    weighting::analyzed, heading, Cue.fromHeading(path));
            RankedPassage ranked = new RankedPassage(passages.size() + 1, hit, pick.span());
            passages.add(ranked);
            boolean antecedent = question.antecedent().filter(hit.passage().id()::equals).isPresent()
                    && leansOn(hit, asked, type);
            double prior = antecedent ? PASSAGE_PRIOR + ANTECEDENT_PRIOR
                    : hits.getFirst().score() > 0 ? PASSAGE_PRIOR * hit.score() / hits.getFirst().score() : 0;
            double score = pick.score() + prior + subjectCredit(fronted, wanted, hit, heading);
            if ((ranked.rank() <= CANDIDATES || antecedent) && score > bestLead && answersAs(hit, type)) {
                bestLead = score;
                lead = Optional.of(ranked);
            }
        }
        // The passages shown are the best k; the lead, when it comes from further down, is shown too.
        if (passages.size() > k) {
            Optional<RankedPassage> chosen = lead;
            List<RankedPassage> shown = new ArrayList<>(passages.subList(0, k));
            chosen.filter(l -> l.rank() > k).ifPresent(shown::add);
            passages = shown;
        }
        return new Chosen(passages, lead);
    }

    /** A table row gives numbers and dates; it answers "hoeveel" and "wanneer", never "wat is" or "wie". */
    private static boolean answersAs(Hit hit, QuestionType type) {
        return hit.passage().kind() != PassageKind.TABLE_ROW || type.asksAmount() || type == QuestionType.WHEN;
    }

    /**
     * Whether a follow-up leans on the passage it points back at: when it says little of its own
     * (fewer than {@link #STANDS_ALONE} words; more is a question of its own: "en mag de raad zelf
     * bepalen wat we met dat extra geld doen?") and the passage holds something of what it asks, one
     * of its words or the kind of answer its question word wants ("en wie betaalt dat?": an actor).
     * "en die challenge, wat is dat?" names something the passage does not hold: it is sought anew.
     */
    private static boolean leansOn(Hit hit, List<String> asked, QuestionType type) {
        if (new HashSet<>(asked).size() >= STANDS_ALONE) {
            return false;
        }
        if (asked.isEmpty() || hit.sentenceTerms().stream().anyMatch(s -> s.stream().anyMatch(asked::contains))) {
            return true;
        }
        return type.cue().filter(c -> c.in(hit.passage().text())).isPresent();
    }

    /** The hits, with the passage a follow-up points back at added at the end when the search did not find it. */
    private List<Hit> withAntecedent(List<Hit> hits, Optional<String> antecedent) throws IOException {
        if (antecedent.isEmpty() || hits.stream().anyMatch(h -> h.passage().id().equals(antecedent.get()))) {
            return hits;
        }
        Optional<Hit> earlier = searcher.byId(antecedent.get());
        if (earlier.isEmpty()) {
            return hits;
        }
        List<Hit> with = new ArrayList<>(hits);
        with.add(earlier.get());
        return with;
    }

    static Optional<String> frontedSubject(String question) {
        Matcher m = FRONTED.matcher(question);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The fronted subject's weight, for the part of it the passage (its text or heading) holds. */
    private static double subjectCredit(Set<String> fronted, Map<String, Double> wanted, Hit hit, Set<String> heading) {
        if (fronted.isEmpty()) {
            return 0;
        }
        Set<String> have = new HashSet<>(heading);
        hit.sentenceTerms().forEach(have::addAll);
        return fronted.stream().filter(have::contains).mapToDouble(t -> wanted.getOrDefault(t, 0.0)).sum();
    }
}

package nl.ibp.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.ibp.passage.Cue;
import nl.ibp.passage.LetterParts;
import nl.ibp.passage.Sentences;

/**
 * Ordering after BM25: a passage that holds the question in one sentence (with the kind of answer
 * asked for) goes up, letter boilerplate goes down, and when a clearly newer
 * document answers about as well as the best hit (a score near the best, as much of the question
 * held, and something the best hit does not tell), the newer one comes first, unless the question
 * names a year or a document (then the user asks for that one).
 */
final class Rerank {

    /** A boilerplate passage keeps this share of its score. */
    static final float BOILERPLATE_FACTOR = 0.3f;
    /** A newer document's hit within this share of the best score counts as answering as well. */
    static final float NEWER_BAND = 0.8f;
    /** Documents at most this many days apart are one set (a letter and its annex), not a revision. */
    static final int MIN_DAYS_NEWER = 30;
    /** How many hits beyond k are looked at. */
    static final int WINDOW = 20;

    private static final Pattern NAMES_YEAR_OR_DOCUMENT = Pattern.compile(
            "(?iu)\\b(?:1[89]\\d\\d|20\\d\\d)\\b|\\b(?:lbr|kamerstuk|kenmerk|ledenbrief|kamerbrief|brief|nieuwsbericht"
                    + "|notitie|programmastart|bijlage|document)\\b");

    private Rerank() {
    }

    /**
     * Whether a newer hit answers the same question as the best hit, and tells something of its
     * own: it holds at least as much of the question (the rarity of the question terms it holds;
     * a score near the best can also come from one term many times), and it is no copy that
     * says less (a signature "J. Kriens" under a signature "Jantine Kriens": nothing newer is told).
     * A hit of an index without sentence terms counts as answering as much.
     */
    private static boolean answersAsMuch(Hit newer, double bestCover, Set<String> bestTerms, List<String> questionTerms,
                                         Rarity rarity) {
        if (newer.sentenceTerms().isEmpty() || bestTerms.isEmpty()) {
            return true;
        }
        return cover(newer, questionTerms, rarity) >= bestCover
                && !terms(newer).stream().allMatch(t -> t.length() < 2 || bestTerms.contains(t)); // initials tell nothing
    }

    /** How much of the question a passage holds: the summed rarity of the distinct question terms it holds. */
    static double cover(Hit hit, List<String> questionTerms, Rarity rarity) {
        Set<String> held = terms(hit);
        return new LinkedHashSet<>(questionTerms).stream().filter(held::contains).mapToDouble(rarity::of).sum();
    }

    private static Set<String> terms(Hit hit) {
        Set<String> held = new HashSet<>();
        hit.sentenceTerms().forEach(held::addAll);
        return held;
    }

    /** How rare a question term is (BM25 idf); 0 for a term in every passage. */
    interface Rarity {
        double of(String term);
    }

    static List<Hit> apply(String question, List<Hit> hits, LetterParts parts) {
        return apply(question, List.of(), t -> 1, hits, parts);
    }

    /**
     * @param questionTerms the question's stemmed terms, as the index stores a passage's sentence terms
     */
    /** A hit gains up to this share of the best score for holding the question in one sentence ({@link #focus}). */
    static final float FOCUS = 0.3f;
    /** The share of {@link #focus} that the kind of answer asked for (a date for "wanneer") makes up. */
    static final float CUE_SHARE = 0.4f;

    /**
     * How much of the question one sentence of the passage holds, 0 to 1: the rarity of the distinct
     * question terms in its best sentence over that of all question terms, counting the kind of
     * answer asked for (a date for "wanneer") as one more share when that sentence holds it, or the
     * heading the passage stands under gives it ({@link Cue#fromHeading}).
     */
    static double focus(Hit hit, List<String> questionTerms, Rarity rarity, Optional<Cue> cue) {
        Set<String> distinct = new LinkedHashSet<>(questionTerms);
        double all = distinct.stream().mapToDouble(rarity::of).sum();
        if (all <= 0 || hit.sentenceTerms().isEmpty()) {
            return 0;
        }
        String text = hit.passage().text();
        List<Sentences.Span> spans = Sentences.split(text);
        // every sentence under "Waarom uitstel?" gives the reason
        boolean underCue = cue.isPresent() && Cue.fromHeading(hit.passage().headingPath()).contains(cue.get());
        double best = 0;
        for (int i = 0; i < hit.sentenceTerms().size(); i++) {
            Set<String> held = new HashSet<>(hit.sentenceTerms().get(i));
            double share = distinct.stream().filter(held::contains).mapToDouble(rarity::of).sum() / all;
            boolean answers = cue.isPresent() && (underCue || i < spans.size() && cue.get().in(spans.get(i).of(text)));
            double value = cue.isEmpty() ? share : (1 - CUE_SHARE) * share + (answers ? CUE_SHARE : 0);
            best = Math.max(best, value);
        }
        return best;
    }

    static List<Hit> apply(String question, List<String> questionTerms, Rarity rarity, List<Hit> hits, LetterParts parts) {
        List<Hit> out = new ArrayList<>(hits.size());
        float top = hits.isEmpty() ? 0 : hits.getFirst().score();
        Optional<Cue> cue = QuestionType.of(question).cue();
        for (Hit h : hits) {
            float score = h.score() + (float) (FOCUS * top * focus(h, questionTerms, rarity, cue));
            out.add(parts.isBoilerplate(h.passage().text())
                    ? new Hit(h.passage(), h.document(), score * BOILERPLATE_FACTOR, h.sentenceTerms())
                    : new Hit(h.passage(), h.document(), score, h.sentenceTerms()));
        }
        out.sort(Comparator.comparingDouble((Hit h) -> -h.score())); // stable: ties keep Lucene's order
        if (out.size() < 2 || NAMES_YEAR_OR_DOCUMENT.matcher(question).find()) {
            return out;
        }
        Hit best = out.getFirst();
        if (best.document().date().isEmpty()) {
            return out;
        }
        LocalDate bestDate = best.document().date().get();
        int newest = -1;
        LocalDate newestDate = bestDate.plusDays(MIN_DAYS_NEWER - 1);
        double bestCover = cover(best, questionTerms, rarity);
        Set<String> bestTerms = terms(best);
        double newestCover = 0;
        for (int i = 1; i < out.size() && out.get(i).score() >= NEWER_BAND * best.score(); i++) {
            Hit h = out.get(i);
            var d = h.document().date();
            if (d.isEmpty() || d.get().isBefore(newestDate) || !answersAsMuch(h, bestCover, bestTerms, questionTerms, rarity)) {
                continue;
            }
            // Of the newest document's hits, the one that holds most of the question, not merely the first.
            double c = cover(h, questionTerms, rarity);
            if (d.get().isAfter(newestDate) || newest > 0 && c > newestCover) {
                newest = i;
                newestDate = d.get();
                newestCover = c;
            }
        }
        if (newest > 0) {
            out.addFirst(out.remove(newest));
        }
        return out;
    }
}

package nl.ibp.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ordering across documents after BM25: letter boilerplate goes down, and when a clearly newer
 * document answers about as well as the best hit, the newer one comes first, unless the question
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

    static final double COVER_SHARE = Double.parseDouble(System.getenv().getOrDefault("IBP_COVER", "1.0"));

    /** How much of the question a passage holds: the rarity of the distinct question terms among its sentences. */
    static double cover(Hit hit, List<String> questionTerms, Rarity rarity) {
        if (hit.sentenceTerms().isEmpty()) {
            return Double.MAX_VALUE;
        }
        java.util.Set<String> held = new java.util.HashSet<>();
        hit.sentenceTerms().forEach(held::addAll);
        return new java.util.LinkedHashSet<>(questionTerms).stream().filter(held::contains).mapToDouble(rarity::of).sum();
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
    static List<Hit> apply(String question, List<String> questionTerms, Rarity rarity, List<Hit> hits, LetterParts parts) {
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(parts.isBoilerplate(h.passage().text())
                    ? new Hit(h.passage(), h.document(), h.score() * BOILERPLATE_FACTOR, h.sentenceTerms()) : h);
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
        String mode = System.getenv().getOrDefault("IBP_NEWER", "cov");
        if (mode.equals("off")) return out;
        double bestCover = cover(best, questionTerms, rarity);
        for (int i = 1; i < out.size() && out.get(i).score() >= NEWER_BAND * best.score(); i++) {
            var d = out.get(i).document().date();
            if (d.isPresent() && d.get().isAfter(newestDate) && (mode.equals("old") || cover(out.get(i), questionTerms, rarity) >= COVER_SHARE * bestCover)) {
                newest = i;
                newestDate = d.get();
            }
        }
        if (newest > 0) {
            out.addFirst(out.remove(newest));
        }
        return out;
    }
}

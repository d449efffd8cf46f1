package nl.ibp.answer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.passage.PassageKind;
import nl.ibp.passage.Sentences;
import nl.ibp.search.Hit;
import nl.ibp.search.PassageSearcher;
import org.apache.lucene.analysis.Analyzer;

/** Finds the signature block that answers a "wie heeft … ondertekend?" question. */
final class SignatureLead {

    private final PassageSearcher searcher;
    private final Analyzer terms;

    SignatureLead(PassageSearcher searcher, Analyzer terms) {
        this.searcher = searcher;
        this.terms = terms;
    }

    /**
     * The signature block of the letter a "wie heeft … ondertekend?" question is about: the letter
     * whose title, type or kenmerk shares most words with the question (its context counting too),
     * else the letter of the best passage; the newest letter where several fit as well.
     */
    Optional<RankedPassage> of(List<String> asked, List<String> topic, List<RankedPassage> found) throws IOException {
        Set<String> wanted = new HashSet<>(asked);
        wanted.addAll(topic);
        Optional<String> bestDocument = found.stream().findFirst().map(p -> p.hit().document().id());
        Optional<Hit> best = Optional.empty();
        double bestScore = 0;
        for (Hit h : searcher.passagesOfKind(PassageKind.SIGNATURE)) {
            Set<String> about = new HashSet<>(AnalyzedTerms.of(terms, h.document().title() + " " + h.document().type()
                    + " " + h.document().kenmerk()));
            double score = about.stream().filter(wanted::contains).count()
                    + (bestDocument.filter(h.document().id()::equals).isPresent() ? 0.5 : 0);
            boolean newer = best.isPresent() && score == bestScore && h.document().date().orElse(LocalDate.MIN)
                    .isAfter(best.get().document().date().orElse(LocalDate.MIN));
            if (score > bestScore || newer) {
                bestScore = score;
                best = Optional.of(h);
            }
        }
        return best.map(h -> new RankedPassage(1, h, new Sentences.Span(0, h.passage().text().length())));
    }
}

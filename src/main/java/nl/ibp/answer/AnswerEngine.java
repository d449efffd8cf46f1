package nl.ibp.answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.Manifest;
import nl.ibp.passage.Sentences;
import nl.ibp.search.AnalyzedTerms;
import nl.ibp.search.Hit;
import nl.ibp.search.PassageSearcher;
import nl.ibp.search.Ranking;
import org.apache.lucene.analysis.Analyzer;

/**
 * Answers questions from the index: the best passages, each with the sentence in it that best
 * answers the question. Knows nothing of the terminal or Telegram that show the answer.
 */
public final class AnswerEngine implements AutoCloseable {

    /** A passage in an answer, with the answer sentence marked within its text. */
    public record RankedPassage(int rank, Hit hit, Sentences.Span answer) {
        public String answerText() {
            return answer.of(hit.passage().text());
        }
    }

    public record Answer(String question, List<RankedPassage> passages) {
        public Answer {
            passages = List.copyOf(passages);
        }
    }

    private final PassageSearcher searcher;
    private final Analyzer terms = IbpAnalyzer.forQuery(Synonyms.none());

    private AnswerEngine(PassageSearcher searcher) {
        this.searcher = searcher;
    }

    public static AnswerEngine open(IndexLayout layout, Ranking ranking) throws IOException {
        return new AnswerEngine(PassageSearcher.open(layout, ranking));
    }

    public static AnswerEngine open(IndexLayout layout) throws IOException {
        return open(layout, Ranking.defaults());
    }

    public Answer ask(String question, int k) throws IOException {
        List<RankedPassage> passages = new ArrayList<>();
        for (Hit hit : searcher.search(question, k)) {
            Sentences.Span span = AnswerSentence.pick(question, hit.passage().text(), t -> AnalyzedTerms.of(terms, t));
            passages.add(new RankedPassage(passages.size() + 1, hit, span));
        }
        return new Answer(question, passages);
    }

    public Manifest manifest() {
        return searcher.manifest();
    }

    @Override
    public void close() throws IOException {
        try (searcher) {
            terms.close();
        }
    }
}

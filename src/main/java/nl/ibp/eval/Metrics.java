package nl.ibp.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** hit@1, hit@3, hit@5 and MRR@10 of a ranker over gold questions, with the misses. */
public record Metrics(int questions, double hit1, double hit3, double hit5, double mrr10, List<Miss> misses) {

    /** A question whose answer was not in the top 5; {@code rank} is its rank up to 10, or 0. */
    public record Miss(GoldQuestion question, int rank, String top) {
    }

    /** Ranks passages for a question: their texts, best first. */
    @FunctionalInterface
    public interface Ranker {
        List<String> rank(String question, int k) throws IOException;
    }

    public static Metrics measure(List<GoldQuestion> gold, Ranker ranker) throws IOException {
        int h1 = 0, h3 = 0, h5 = 0;
        double rr = 0;
        List<Miss> misses = new ArrayList<>();
        for (GoldQuestion q : gold) {
            List<String> texts = ranker.rank(q.question(), 10);
            int rank = 0;
            for (int i = 0; i < texts.size(); i++) {
                if (q.answeredBy(texts.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            h1 += rank == 1 ? 1 : 0;
            h3 += rank >= 1 && rank <= 3 ? 1 : 0;
            h5 += rank >= 1 && rank <= 5 ? 1 : 0;
            rr += rank == 0 ? 0 : 1.0 / rank;
            if (rank != 1) {
                misses.add(new Miss(q, rank, texts.isEmpty() ? "" : texts.getFirst()));
            }
        }
        int n = Math.max(1, gold.size());
        return new Metrics(gold.size(), (double) h1 / n, (double) h3 / n, (double) h5 / n, rr / n, misses);
    }
}

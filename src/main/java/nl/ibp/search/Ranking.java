package nl.ibp.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The knobs of passage ranking, chosen by measurement with {@code ibp eval} (see
 * docs/BENCHMARKS.md): BM25 parameters, the weight of each field, and the proximity bonus.
 *
 * @param k1        BM25 term-frequency saturation
 * @param b         BM25 length normalisation
 * @param body      weight of the stemmed passage text
 * @param parts     weight of the decompounded text (compounds meet their parts)
 * @param heading   weight of the heading path
 * @param proximity weight of each pair of neighbouring question words found close together
 * @param slop      how far apart such a pair may stand
 * @param opgave    weight of belonging to the opgave the question names
 * @param cue       weight of holding the kind of answer the question asks for (a year for "wanneer")
 * @param compoundPart weight of each modifier and head of a compound in the question, in the decompounded text
 * @param subject   weight of the document's title (a letter's subject line), on each of its passages
 */
public record Ranking(float k1, float b, float body, float parts, float heading, float proximity, int slop,
                      float opgave, float cue, float compoundPart, float subject) {

    public Ranking {
        if (k1 < 0 || b < 0 || b > 1) {
            throw new IllegalArgumentException("need k1 >= 0 and 0 <= b <= 1, got k1=" + k1 + ", b=" + b);
        }
        if (body < 0 || parts < 0 || heading < 0 || proximity < 0 || slop < 0 || opgave < 0 || cue < 0 || compoundPart < 0
                || subject < 0) {
            throw new IllegalArgumentException("weights and slop must be >= 0, got " + this);
        }
    }

    /** The subject line's weight: enough to bring a letter's passages up for the words of its title only. */
    static final float SUBJECT_WEIGHT = 0.3f;

    public static Ranking defaults() {
        return new Ranking(0.3f, 0.2f, 1.0f, 0.8f, 0.6f, 0.4f, 3, 0.5f, 2.0f, 1.0f, SUBJECT_WEIGHT);
    }

    public Similarity similarity() {
        return new BM25Similarity(k1, b);
    }
}

package nl.ibp.answer;

import java.util.List;

/**
 * How well the best passage covers what was asked: the share of the question's own words (each
 * weighed by how rare it is in the documents) that the passage and its answer sentence contain,
 * and the words the documents do not contain at all. The conversation layer turns this into
 * "I have an answer" or "I don't know"; the engine only measures.
 *
 * @param passageCoverage  weighted share of the question's terms in the best passage (0–1)
 * @param sentenceCoverage the same for its answer sentence (0–1)
 * @param unknown          question terms that occur in no passage at all
 * @param missing          question terms of the best passage's absence, rarest first
 * @param terms            number of distinct content terms in the question
 * @param score            the best passage's search score (0 when nothing was found)
 */
public record Evidence(double passageCoverage, double sentenceCoverage, List<String> unknown, List<String> missing,
                       int terms, float score) {

    public Evidence {
        unknown = List.copyOf(unknown);
        missing = List.copyOf(missing);
    }

    public static Evidence none() {
        return new Evidence(0, 0, List.of(), List.of(), 0, 0f);
    }
}

package nl.ibp.search;

import nl.ibp.passage.Passage;

import java.util.List;

/**
 * A passage found for a question, with its document and its score (higher is better).
 *
 * @param sentenceTerms the analysed terms of each sentence of the passage, as the index stored
 *                      them; empty when the index has none (an older generation)
 */
public record Hit(Passage passage, DocumentInfo document, float score, List<List<String>> sentenceTerms) {
    public Hit {
        sentenceTerms = List.copyOf(sentenceTerms);
    }
}

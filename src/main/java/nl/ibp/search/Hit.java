package nl.ibp.search;

import nl.ibp.passage.Passage;

/** A passage found for a question, with its document and its score (higher is better). */
public record Hit(Passage passage, DocumentInfo document, float score) {
}

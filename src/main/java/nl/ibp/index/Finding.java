package nl.ibp.index;

/**
 * A problem found in an index directory by a check.
 *
 * @param part    what is affected, as the user knows it ("CURRENT", "Lucene-index", "afspraken", "statusdatabase")
 * @param problem what is wrong, in Dutch
 */
public record Finding(String part, String problem) {

    @Override
    public String toString() {
        return part + ": " + problem;
    }
}

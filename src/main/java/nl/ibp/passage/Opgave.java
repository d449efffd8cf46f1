package nl.ibp.passage;

import java.util.List;

/**
 * One opgave of the programme, as listed in the corpus' {@code _opgaven.yaml}.
 *
 * @param number  from 1, as the documents number it
 * @param title   the title as it stands in chapter III
 * @param cluster "fysiek", "sociaal" or "overkoepelend"
 * @param aliases words and phrases that name the opgave in headings and questions
 */
public record Opgave(int number, String title, String cluster, List<String> aliases) {
    public Opgave {
        if (number < 1) {
            throw new IllegalArgumentException("opgave number must be >= 1, got " + number);
        }
        java.util.Objects.requireNonNull(title, "title");
        java.util.Objects.requireNonNull(cluster, "cluster");
        aliases = List.copyOf(aliases);
    }
}

package nl.ibp.passage;

import java.util.List;

/**
 * One of the ten IBP opgaven.
 *
 * @param number  1-10, as numbered in chapter III of the Programmastart
 * @param title   the title as it stands in chapter III
 * @param cluster "fysiek", "sociaal" or "overkoepelend"
 * @param aliases words and phrases that name the opgave in headings and questions
 */
public record Opgave(int number, String title, String cluster, List<String> aliases) {
    public Opgave {
        if (number < 1 || number > 10) {
            throw new IllegalArgumentException("opgave number must be 1-10, got " + number);
        }
        aliases = List.copyOf(aliases);
    }
}

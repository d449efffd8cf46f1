package nl.ibp.index;

import java.time.Duration;
import java.util.List;

/**
 * What an index run did. Every file of the corpus is in exactly one of added, updated,
 * unchanged or skipped; removed lists files that were indexed before and are gone now.
 *
 * @param rebuilt false when nothing had changed and the served generation was kept
 */
public record IndexReport(List<String> added, List<String> updated, List<String> unchanged, List<String> removed,
                          List<Skip> skipped, int documents, int passages, boolean rebuilt, Duration duration) {

    public record Skip(String id, String reason) {
    }

    public IndexReport {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
    }
}

package nl.ibp.index;

import java.time.Duration;
import java.util.List;
import nl.ibp.ingest.MetadataSource;

/**
 * What an index run did. Every file of the corpus is in exactly one of added, updated,
 * unchanged or skipped; removed lists files that were indexed before and are gone now.
 *
 * @param rebuilt  false when nothing had changed and the served generation was kept
 * @param found    what was found in each new or changed file, and where each value came from
 * @param repaired what the check before the run found wrong with the served generation; the run
 *                 then built a new one (so {@code rebuilt} is true)
 * @param notes    what the derivations reported (say, a bad entry in {@code _afspraken.yaml})
 */
public record IndexReport(List<String> added, List<String> updated, List<String> unchanged, List<String> removed,
                          List<Skip> skipped, int documents, int passages, boolean rebuilt, Duration duration,
                          List<Found> found, List<Finding> repaired, List<String> notes) {

    public record Skip(String id, String reason) {
    }

    /** What became of one corpus file in this run. */
    public enum Outcome { ADDED, UPDATED, UNCHANGED, SKIPPED, ABSENT }

    /**
     * What was found in a new or changed file, and where each value came from.
     *
     * @param date "" when the document has no date
     */
    public record Found(String id, String title, MetadataSource titleSource, String date, MetadataSource dateSource,
                        String type, String kenmerk, String kamerstuk, String sender) {

        /** One line for the index report, in Dutch. */
        public String describe() {
            return id + ": " + details();
        }

        /** What was found, without the file name: "datum 2019-07-03 (briefhoofd), titel "…" (kop), …". */
        public String details() {
            return "datum " + (date.isEmpty() ? "onbekend" : date + " (" + dateSource.dutch() + ")")
                    + ", titel \"" + title + "\" (" + titleSource.dutch() + ")"
                    + (type.isEmpty() ? "" : ", soort " + type) + (kenmerk.isEmpty() ? "" : ", kenmerk " + kenmerk)
                    + (kamerstuk.isEmpty() ? "" : ", Kamerstuk " + kamerstuk) + (sender.isEmpty() ? "" : ", afzender " + sender);
        }
    }

    public IndexReport {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
        found = List.copyOf(found);
        repaired = List.copyOf(repaired);
        notes = List.copyOf(notes);
    }

    public IndexReport(List<String> added, List<String> updated, List<String> unchanged, List<String> removed,
                       List<Skip> skipped, int documents, int passages, boolean rebuilt, Duration duration) {
        this(added, updated, unchanged, removed, skipped, documents, passages, rebuilt, duration, List.of(), List.of(), List.of());
    }

    /** What became of the corpus file {@code id} (say, an upload). */
    public Outcome outcome(String id) {
        if (skipped.stream().anyMatch(s -> s.id().equals(id))) {
            return Outcome.SKIPPED;
        }
        return added.contains(id) ? Outcome.ADDED : updated.contains(id) ? Outcome.UPDATED
                : unchanged.contains(id) ? Outcome.UNCHANGED : Outcome.ABSENT;
    }
}

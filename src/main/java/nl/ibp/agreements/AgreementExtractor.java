package nl.ibp.agreements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Passage;
import nl.ibp.passage.Sentences;

/**
 * Finds agreements in passages: every sentence or list item that names an actor with a role,
 * or a date that is not in the document's past (a deadline, target, start, rhythm, coming
 * event, or a date it says was replaced) and not a mere reference, is an agreement. Its opgave comes from the passage's heading path; outside the opgave
 * chapters from what the passage is about.
 * Deterministic and offline: the same text always gives the same agreements with the same ids.
 */
public final class AgreementExtractor {

    private AgreementExtractor() {
    }

    /**
     * @param fallbackDate resolves year-less and relative dates when the document has no date
     */
    public static List<Agreement> extract(SourceDocument document, List<Passage> passages, LocalDate fallbackDate) {
        LocalDate date = document.date().orElse(fallbackDate);
        Set<String> seen = new HashSet<>();
        return passages.stream()
                .flatMap(p -> inPassage(document, p, date).stream())
                .filter(a -> seen.add(a.text())) // a list's lead-in repeats in each of its passages: once is enough
                .toList();
    }

    private static List<Agreement> inPassage(SourceDocument document, Passage passage, LocalDate date) {
        OptionalInt opgave = passage.opgave().isPresent() ? passage.opgave()
                : Opgaven.about(passage.text()).map(o -> OptionalInt.of(o.number())).orElse(OptionalInt.empty());
        Agreement.Source source = new Agreement.Source(document.id(), document.title(), document.date(),
                passage.section(), passage.id());
        List<Agreement> agreements = new ArrayList<>();
        for (String sentence : Sentences.texts(passage.text())) {
            String text = sentence.replaceFirst("^[-\\s]+", "").strip();
            if (text.contains(" | ")) {
                continue; // a table row: its years are column headers, not agreements (the passage's other lines still count)
            }
            List<Deadline> deadlines = DutchDates.find(text, date);
            List<Responsibility> actors = Actors.find(text);
            if (!actors.isEmpty() || deadlines.stream().anyMatch(d -> !isPast(d, date))) {
                agreements.add(new Agreement(id(passage.id(), text), opgave, text, deadlines, actors, source,
                        Agreement.OPEN, false));
            }
        }
        return agreements;
    }

    /**
     * Something that happened before the document was written is history, not an agreement; a reference
     * date ("ten opzichte van 1990", "rapport van januari 2017") commits to nothing either.
     */
    private static boolean isPast(Deadline d, LocalDate documentDate) {
        return d.kind() == Deadline.Kind.REFERENCE || d.kind() == Deadline.Kind.EVENT && d.end().isBefore(documentDate);
    }

    static String id(String passageId, String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest((passageId + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return "a" + HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}

package nl.ibp.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Deadline;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.passage.Passage;
import nl.ibp.passage.Sentences;
import nl.ibp.search.DocumentInfo;
import nl.ibp.search.Hit;
import org.junit.jupiter.api.Test;

class MovedLeadTest {

    private static final String OLD = "Het nieuwe stelsel moet op 1 januari 2021 in werking treden.";
    private static final String NEW = "Op 1 juli 2021 vind ik niet verantwoord. Ik streef nu naar inwerkingtreding op 1 januari 2022. "
            + "Eerder is de invoering al verschoven van 1 januari 2021 naar 1 juli 2021.";

    private static Hit hit(String id, String doc, String date, String text) {
        return new Hit(new Passage(id, doc, List.of(), OptionalInt.empty(), text, 0),
                new DocumentInfo(doc, doc, Optional.of(LocalDate.parse(date)), "", ""), 1f, List.of());
    }

    private static Agreement agreement(String id, String passage, String text, String day, Optional<String> supersededBy) {
        LocalDate d = LocalDate.parse(day);
        return new Agreement(id, OptionalInt.of(7), text, List.of(new Deadline(day, d, d, Deadline.Precision.DAY,
                Deadline.Kind.DEADLINE)), List.of(), new Agreement.Source("doc-" + passage, "t", Optional.empty(), "", passage),
                Agreement.OPEN, false, supersededBy);
    }

    @Test
    void aMovedDeadlineLeadsWithTheDateInForceOfTheNewerLetter() throws Exception {
        List<Agreement> agreements = List.of(
                agreement("a-old", "p-old", OLD, "2021-01-01", Optional.of("a-recall")),
                agreement("a-recall", "p-new", "Eerder is de invoering al verschoven van 1 januari 2021 naar 1 juli 2021.",
                        "2021-07-01", Optional.empty()),
                agreement("a-now", "p-new", "Ik streef nu naar inwerkingtreding op 1 januari 2022.", "2022-01-01", Optional.empty()));
        Hit old = hit("p-old", "brief-2019", "2019-07-03", OLD);
        Hit newer = hit("p-new", "brief-2020", "2020-11-11", NEW);
        List<RankedPassage> shown = List.of(new RankedPassage(1, old, new Sentences.Span(0, OLD.length())),
                new RankedPassage(2, newer, new Sentences.Span(0, 10)));
        RankedPassage lead = new MovedLead(null, agreements).of(shown.getFirst(), shown).orElseThrow();
        assertEquals("p-new", lead.hit().passage().id());
        assertEquals("Ik streef nu naar inwerkingtreding op 1 januari 2022.", lead.answerText(),
                "the letter recalls the earlier move beside the new date: the latest date is in force");
    }

    @Test
    void aCurrentLeadStays() throws Exception {
        Hit old = hit("p-old", "brief-2019", "2019-07-03", OLD);
        List<RankedPassage> shown = List.of(new RankedPassage(1, old, new Sentences.Span(0, OLD.length())));
        assertTrue(new MovedLead(null, List.of(agreement("a-old", "p-old", OLD, "2021-01-01", Optional.empty())))
                .of(shown.getFirst(), shown).isEmpty());
    }
}

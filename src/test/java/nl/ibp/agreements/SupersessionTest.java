package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.passage.Passage;
import org.junit.jupiter.api.Test;

/** Later letters move deadlines: letters built here, extracted as the tracker does, then marked. */
class SupersessionTest {

    private static SourceDocument letter(String id, LocalDate date) {
        return new SourceDocument(id, "h-" + id, "text/plain", "Brief " + id, Optional.of(date), "", "ledenbrief", List.of());
    }

    private static List<Agreement> extract(SourceDocument d, int opgave, String... paragraphs) {
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < paragraphs.length; i++) {
            passages.add(new Passage(d.id() + "#" + i, d.id(), List.of("Kop"), OptionalInt.of(opgave), paragraphs[i], i));
        }
        return AgreementExtractor.extract(d, passages, LocalDate.of(2026, 1, 1));
    }

    private static Agreement find(List<Agreement> all, String text) {
        return all.stream().filter(a -> a.text().contains(text)).findFirst().orElseThrow(() -> new AssertionError(text + " in " + all));
    }

    @Test
    void aLaterLetterThatQuotesTheOldDateSupersedesTheOlderAgreement() {
        SourceDocument march = letter("maart.txt", LocalDate.of(2020, 3, 5));
        SourceDocument december = letter("december.txt", LocalDate.of(2020, 12, 8));
        List<Agreement> all = new ArrayList<>();
        all.addAll(extract(march, 9, "De nieuwe verdeling van het gemeentefonds gaat niet per 1 januari 2021 in, "
                + "maar een jaar later, per 1 januari 2022.", "De VNG organiseert in het najaar van 2020 regiobijeenkomsten."));
        all.addAll(extract(december, 9, "De nieuwe verdeling van het gemeentefonds gaat niet in 2022 in, maar op 1 januari 2023.",
                "Het woonplaatsbeginsel wordt per 1 januari 2022 in de bestaande verdeling verwerkt."));
        List<Agreement> marked = Supersession.mark(all);
        Agreement old = find(marked, "een jaar later");
        Agreement current = find(marked, "maar op 1 januari 2023");
        assertEquals(Optional.of(current.id()), old.supersededBy(), "the March date moved in December");
        assertEquals(Optional.empty(), current.supersededBy());
        assertEquals(Optional.empty(), find(marked, "regiobijeenkomsten").supersededBy(), "another subject stays");
        assertEquals(Optional.empty(), find(marked, "woonplaatsbeginsel").supersededBy(), "the newer letter's own dates stay");
        assertEquals(List.of(Deadline.Kind.REPLACED, Deadline.Kind.EVENT), current.deadlines().stream().map(Deadline::kind).toList(),
                "the sentence keeps both dates, each with its role");

        List<DatedItem> timeline = Timeline.of(marked, LocalDate.of(2021, 6, 1));
        List<String> labels = timeline.stream().map(i -> i.deadline().label()).toList();
        assertTrue(labels.contains("1 januari 2023"), labels::toString);
        assertTrue(timeline.stream().noneMatch(i -> i.agreement().id().equals(old.id()))
                && !labels.contains("in 2022") && !labels.contains("per 1 januari 2021"),
                () -> "neither the superseded nor the replaced date is current: " + labels);
        DatedItem moved = timeline.stream().filter(i -> i.deadline().label().equals("1 januari 2023")).findFirst().orElseThrow();
        assertEquals(List.of(old.id()), moved.replaces().stream().map(Agreement::id).toList());
    }

    @Test
    void aPostponementWithoutTheOldDateNeedsTheSameSubject() {
        SourceDocument first = letter("eerst.txt", LocalDate.of(2019, 6, 1));
        SourceDocument later = letter("later.txt", LocalDate.of(2020, 2, 1));
        List<Agreement> all = new ArrayList<>();
        all.addAll(extract(first, 1, "De regio's leveren de concept-RES uiterlijk 1 juni 2020 aan bij het Nationaal Programma RES.",
                "De provincies stellen uiterlijk 1 juni 2020 hun omgevingsverordening vast."));
        all.addAll(extract(later, 1, "Door de coronacrisis is de oplevering van de concept-RES van de regio's uitgesteld tot 1 oktober 2020."));
        List<Agreement> marked = Supersession.mark(all);
        Agreement newer = find(marked, "uitgesteld tot");
        assertEquals(Optional.of(newer.id()), find(marked, "concept-RES uiterlijk").supersededBy());
        assertEquals(Optional.empty(), find(marked, "omgevingsverordening").supersededBy(), "same date, other subject");
        assertEquals("tot 1 oktober 2020", newer.deadlines().getFirst().label());
        assertEquals(LocalDate.of(2020, 10, 1), newer.deadlines().getFirst().start(), "postponed to that day, not a window");
    }

    @Test
    void anOlderLetterNeverSupersedesANewerOneAndOtherOpgavenAreApart() {
        SourceDocument newer = letter("nieuw.txt", LocalDate.of(2021, 1, 1));
        SourceDocument older = letter("oud.txt", LocalDate.of(2020, 1, 1));
        List<Agreement> all = new ArrayList<>();
        all.addAll(extract(newer, 7, "De inburgering van nieuwkomers start per 1 januari 2022."));
        all.addAll(extract(older, 7, "De start van de inburgering van nieuwkomers is verschoven van 1 januari 2022 naar 1 juli 2022."));
        all.addAll(extract(letter("ander.txt", LocalDate.of(2022, 1, 1)), 3,
                "De inburgering van nieuwkomers start niet per 1 januari 2022 maar per 1 juli 2022."));
        List<Agreement> marked = Supersession.mark(all);
        assertTrue(marked.stream().noneMatch(Agreement::superseded), marked::toString);
    }
}

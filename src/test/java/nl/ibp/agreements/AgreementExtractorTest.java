package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.passage.Passage;
import org.junit.jupiter.api.Test;

class AgreementExtractorTest {

    private static final LocalDate LETTER = LocalDate.of(2018, 2, 15);
    private static final SourceDocument DOC = new SourceDocument("brief.txt", "h", "text/plain", "Brief",
            Optional.of(LETTER), "Lbr. 18/004", "ledenbrief", List.of());

    private static Passage passage(String id, OptionalInt opgave, String text) {
        return new Passage(id, "brief.txt", List.of("Kop"), opgave, text, 0);
    }

    private static List<Agreement> extract(Passage... passages) {
        return AgreementExtractor.extract(DOC, List.of(passages), LocalDate.of(2026, 1, 1));
    }

    @Test
    void aSentenceWithADateOrAnActorInARoleIsAnAgreement() {
        List<Agreement> found = extract(passage("p1", OptionalInt.of(1),
                "Gemeenten stellen uiterlijk in 2021 een planning vast. Het weer was goed."));
        assertEquals(1, found.size());
        Agreement a = found.getFirst();
        assertEquals("Gemeenten stellen uiterlijk in 2021 een planning vast.", a.text());
        assertEquals(OptionalInt.of(1), a.opgave());
        assertEquals("uiterlijk in 2021", a.deadlines().getFirst().label());
        assertEquals("gemeenten", a.actors().getFirst().actor().name());
        assertEquals("p1", a.source().passage());
        assertEquals(a.id(), extract(passage("p1", OptionalInt.of(1),
                "Gemeenten stellen uiterlijk in 2021 een planning vast.")).getFirst().id(), "ids are stable");
    }

    @Test
    void theDocumentsPastIsHistoryNotAnAgreement() {
        assertEquals(List.of(), extract(passage("p1", OptionalInt.empty(),
                "De leden hebben tijdens de ALV van 2017 twee moties ingediend.")));
        assertEquals(1, extract(passage("p1", OptionalInt.empty(),
                "Op de Algemene Ledenvergadering van 27 juni a.s. zullen de resultaten aan u worden voorgelegd.")).size(),
                "a coming event is kept");
    }

    @Test
    void tablesAreSkippedAndARepeatedLeadInCountsOnce() {
        List<Agreement> found = extract(
                passage("t", OptionalInt.of(9), "Tabel 3\n(in miljoenen euro) | 2018 | 2019"),
                passage("a", OptionalInt.of(3), "Daarom maken gemeenten en provincies afspraken over:\n- de regio's"),
                passage("b", OptionalInt.of(3), "Daarom maken gemeenten en provincies afspraken over:\n- de economie"));
        assertEquals(List.of("Daarom maken gemeenten en provincies afspraken over:"), found.stream().map(Agreement::text).toList());
    }

    @Test
    void outsideTheOpgaveChaptersTheContentDecidesTheOpgave() {
        Agreement a = extract(passage("p", OptionalInt.empty(),
                "Gemeenten verbeteren uiterlijk in 2019 de schuldhulpverlening en voorkomen schulden.")).getFirst();
        assertEquals(OptionalInt.of(6), a.opgave());
    }

    @Test
    void tableRowsUnderAHeaderRowAreAgreementsReadWithTheirColumnHeaders() {
        List<Agreement> found = extract(passage("t", OptionalInt.of(2), """
                De planning:
                Mijlpaal | Datum | Wie
                Aanvraagtijdvak derde tranche | 1 t/m 15 juli 2018 | gemeenten
                Start bouw | uiterlijk 2023 | gemeenten met ontwikkelende partijen
                Besluit genomen | 11 januari 2018 | minister van BZK"""));
        assertEquals(List.of("Mijlpaal: Aanvraagtijdvak derde tranche; Datum: 1 t/m 15 juli 2018; Wie: gemeenten",
                        "Mijlpaal: Start bouw; Datum: uiterlijk 2023; Wie: gemeenten met ontwikkelende partijen",
                        "Mijlpaal: Besluit genomen; Datum: 11 januari 2018; Wie: minister van BZK"),
                found.stream().map(Agreement::text).toList(), "the past decision still names who took it");
        Agreement first = found.getFirst();
        assertEquals(2018, first.deadlines().getFirst().end().getYear());
        assertEquals("gemeenten", first.actors().getFirst().actor().name());
        assertEquals(Responsibility.Role.UITVOERING, first.actors().getFirst().role());
    }

    @Test
    void yearsInATableHeaderAreNotDeadlines() {
        assertEquals(List.of(), extract(passage("t", OptionalInt.of(9),
                "Tabel 3\n(in miljoenen euro) | 2018 | 2019 | 2020\nAccres | 1.200 | 1.500 | 1.100")));
    }

    @Test
    void aHeadingThatNamesAnOpgaveGivesItToThePassagesBelow() {
        Passage p = new Passage("p", "brief.txt", List.of("Aan de leden", "1. Sociaal domein: extra geld voor tekorten"),
                OptionalInt.empty(), "Gemeenten konden tot 15 september 2018 een aanvraag indienen.", 0);
        assertEquals(OptionalInt.of(5), extract(p).getFirst().opgave());
    }

    @Test
    void aSentenceThatPointsBackIsReadWithTheSentenceBeforeIt() {
        List<Agreement> found = extract(passage("p", OptionalInt.of(9), """
                Het besluit heeft geen gevolgen voor de regeling voor beschermd wonen. Dat wordt per 1 januari 2030 \
                in de bestaande verdeling verwerkt. Hiermee zetten gemeenten een stap."""));
        assertEquals(List.of("Het besluit heeft geen gevolgen voor de regeling voor beschermd wonen. Dat wordt per 1 januari "
                        + "2030 in de bestaande verdeling verwerkt.",
                "Dat wordt per 1 januari 2030 in de bestaande verdeling verwerkt. Hiermee zetten gemeenten een stap."),
                found.stream().map(Agreement::text).toList());
        assertEquals(List.of("per 1 januari 2030"), found.getFirst().deadlines().stream().map(Deadline::label).toList(),
                "dates stay those of the sentence itself");
        assertEquals(List.of("Dit jaar stellen gemeenten een plan op."), extract(passage("q", OptionalInt.of(9),
                "Het weer was goed. Dit jaar stellen gemeenten een plan op.")).stream().map(Agreement::text).toList(),
                "'Dit jaar' does not point back");
    }
}

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
}

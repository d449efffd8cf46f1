package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverlayTest {

    private static final List<Agreement> EXTRACTED = List.of(
            AgreementStoreTest.agreement("a1", 1, "Gemeenten stellen uiterlijk in 2021 een planning vast."),
            AgreementStoreTest.agreement("a2", 2, "Een valse treffer."));

    private static Overlay.Applied apply(String yaml) {
        return Overlay.parse(yaml, Overlay.FILE).apply(EXTRACTED, Set.of("p.txt"), Overlay.FILE);
    }

    @Test
    void addCorrectSuppressAndStatusApplyInOrder() {
        Overlay.Applied applied = apply("""
                - action: add
                  text: Het Rijk en de VNG ontwikkelen een visie op het standplaatsenbeleid.
                  document: p.txt
                  opgave: 2
                  deadlines:
                    - {label: in 2019, start: 2019-01-01, end: 2019-12-31, precision: year, kind: deadline}
                  actors:
                    - {name: VNG, type: koepel, role: uitvoering}
                  reason: door de extractie gemist
                - action: correct
                  id: a1
                  opgave: 9
                  reason: hoort bij de financiële verhoudingen
                - action: suppress
                  id: a2
                  reason: geen afspraak
                - action: status
                  id: a1
                  status: afgerond
                  reason: vastgesteld
                """);
        assertEquals(List.of(), applied.problems());
        assertEquals(2, applied.agreements().size());
        Agreement corrected = applied.agreements().getFirst();
        assertEquals(OptionalInt.of(9), corrected.opgave());
        assertTrue(corrected.curated());
        Agreement added = applied.agreements().get(1);
        assertEquals("Het Rijk en de VNG ontwikkelen een visie op het standplaatsenbeleid.", added.text());
        assertEquals(2019, added.deadlines().getFirst().start().getYear());
        assertEquals("VNG", added.actors().getFirst().actor().name());
        assertTrue(added.curated());
        assertEquals("afgerond", applied.statuses().getFirst().status());
    }

    @Test
    void badEntriesAreReportedWithTheirLineAndTheRestStillApplies() {
        Overlay.Applied applied = apply("""
                - action: suppress
                  id: a2
                  reason: geen afspraak
                - action: correct
                  id: a1
                  opgave: 11
                  reason: typfout
                - action: frobnicate
                  reason: x
                - action: suppress
                  id: bestaat-niet
                  reason: weg
                - action: status
                  id: a1
                  status: klaar
                  reason: x
                - action: add
                  text: Iets
                  document: elders.pdf
                  reason: x
                """);
        assertEquals(List.of(
                "_afspraken.yaml:4: opgave must be 1-10 or null, not '11'; entry skipped",
                "_afspraken.yaml:8: unknown action 'frobnicate' (add, correct, suppress or status); entry skipped",
                "_afspraken.yaml:13: status must be 'open' or 'afgerond', not 'klaar'; entry skipped",
                "_afspraken.yaml:10: no agreement with id bestaat-niet; entry skipped",
                "_afspraken.yaml:17: document 'elders.pdf' is not in the corpus; entry skipped"), applied.problems());
        assertEquals(List.of("a1"), applied.agreements().stream().map(Agreement::id).toList());
    }

    @Test
    void aMissingReasonAndBrokenYamlAreReported() {
        assertEquals(List.of("_afspraken.yaml:1: missing 'reason'; entry skipped"),
                apply("- action: suppress\n  id: a2\n").problems());
        assertTrue(apply("- action: [unclosed\n").problems().getFirst().startsWith("_afspraken.yaml: not valid YAML"));
        assertEquals(List.of(), apply("").problems());
    }

    @Test
    void aListItemThatIsNotAMappingIsReportedAndLaterEntriesStillApply() {
        Overlay.Applied applied = apply("""
                - action status
                - action: suppress
                  id: a2
                  reason: geen afspraak
                - [a1, afgerond]
                - action: status
                  id: a1
                  status: afgerond
                  reason: vastgesteld
                """);
        assertEquals(List.of(
                "_afspraken.yaml:1: an entry must be a mapping ('- action: …' with 'key: value' lines), not 'action status'; entry skipped",
                "_afspraken.yaml:5: an entry must be a mapping ('- action: …' with 'key: value' lines), not '[\"a1\",\"afgerond\"]'; entry skipped"),
                applied.problems());
        assertEquals(List.of("a1"), applied.agreements().stream().map(Agreement::id).toList());
        assertEquals("afgerond", applied.statuses().getFirst().status());
    }
}

package nl.ibp.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.ibp.agreements.Agreement;
import org.junit.jupiter.api.Test;

class AlertDiffTest {

    private static final Agreement OLD = Agreements.dated("a1", 1, "Gemeenten stellen een plan vast.",
            Agreements.day(LocalDate.of(2021, 6, 1)), LocalDate.of(2021, 1, 10));
    private static final Agreement OTHER = Agreements.dated("b1", 6, "Schuldhulp wordt verbeterd.",
            Agreements.year(2021), LocalDate.of(2021, 1, 10));

    @Test
    void newAgreementsAndMovedDeadlinesAreNewsForTheirOpgaveOnly() {
        var before = AlertDiff.known(List.of(OLD, OTHER));
        Agreement mover = Agreements.dated("a2", 1, "Het plan is uitgesteld tot 1 oktober.",
                Agreements.day(LocalDate.of(2021, 10, 1)), LocalDate.of(2021, 5, 1));
        List<Agreement> after = List.of(OLD.withSupersededBy(Optional.of("a2")), OTHER, mover);
        List<AlertDiff.OpgaveNews> news = AlertDiff.between(before, after);
        assertEquals(1, news.size(), news.toString());
        AlertDiff.OpgaveNews n = news.getFirst();
        assertEquals(1, n.opgave());
        assertEquals(List.of("a2"), n.added().stream().map(Agreement::id).toList());
        assertEquals(List.of("a1"), n.moved().stream().map(m -> m.old().id()).toList());
        assertEquals(Optional.of("a2"), n.moved().getFirst().newer().map(Agreement::id));
        assertEquals(List.of("brief-a2"), n.documents().stream().map(Agreement.Source::document).toList());
    }

    @Test
    void theSameGenerationIsNoNewsAndTheKeyFollowsTheContent() {
        var known = AlertDiff.known(List.of(OLD, OTHER));
        assertTrue(AlertDiff.between(known, List.of(OLD, OTHER)).isEmpty());
        Agreement x = Agreements.dated("a3", 1, "Nieuw.", Agreements.year(2022), LocalDate.of(2021, 5, 1));
        Agreement y = Agreements.dated("a4", 1, "Ander nieuws.", Agreements.year(2022), LocalDate.of(2021, 5, 1));
        String kx = AlertDiff.key(AlertDiff.between(known, List.of(OLD, OTHER, x)));
        assertEquals(kx, AlertDiff.key(AlertDiff.between(known, List.of(OLD, OTHER, x))));
        assertNotEquals(kx, AlertDiff.key(AlertDiff.between(known, List.of(OLD, OTHER, y))));
    }
}

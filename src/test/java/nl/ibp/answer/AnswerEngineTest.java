package nl.ibp.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import nl.ibp.agreements.Responsibility;
import org.junit.jupiter.api.Test;

class AnswerEngineTest {

    @Test
    void theOpgaveOfAQuestionComesFromItsNumberTitleOrAlias() {
        assertEquals(6, AnswerEngine.opgave("Welke termijnen heeft opgave 6?", List.of()).orElseThrow().number());
        assertEquals(1, AnswerEngine.opgave("Wie is verantwoordelijk voor klimaatadaptatie?", List.of()).orElseThrow().number());
        assertEquals(7, AnswerEngine.opgave("Wie regelt de inburgering?", List.of()).orElseThrow().number());
        assertEquals(Optional.empty(), AnswerEngine.opgave("Wie tekende de brief?", List.of()));
        assertEquals(Optional.empty(), AnswerEngine.opgave("Hoe zit het met opgave 12?", List.of()));
    }

    @Test
    void aWhoQuestionCanNameTheRoleItAsksAbout() {
        assertEquals(Optional.of(Responsibility.Role.VERANTWOORDELIJK), AgreementMatching.askedRole("Wie is verantwoordelijk voor X?"));
        assertEquals(Optional.of(Responsibility.Role.VOORTOUW), AgreementMatching.askedRole("Wie neemt het voortouw?"));
        assertEquals(Optional.of(Responsibility.Role.REGIE), AgreementMatching.askedRole("Wie voert de regie?"));
        assertEquals(Optional.of(Responsibility.Role.COORDINEERT), AgreementMatching.askedRole("Wie coördineert dat?"));
        assertEquals(Optional.empty(), AgreementMatching.askedRole("Wie tekende de brief?"));
    }

    @Test
    void aSubjectPutInFrontIsToldApartFromTheQuestion() {
        assertEquals(Optional.of("huiselijk geweld en kindermishandeling"),
                LeadChoice.frontedSubject("huiselijk geweld en kindermishandeling, wat gaan rijk en gemeenten daaraan doen"));
        assertEquals(Optional.of("jeugdzorg"), LeadChoice.frontedSubject("jeugdzorg: wat gaan ze doen voor kinderen"));
        assertEquals(Optional.empty(), LeadChoice.frontedSubject("Wat gaan Rijk en gemeenten doen aan huiselijk geweld?"));
        assertEquals(Optional.empty(), LeadChoice.frontedSubject("Volgens de VNG, het IPO en de UvW is dat zo."));
    }
}

package nl.ibp.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TurnReadingTest {

    @Test
    void aSwitchMarkerIsTakenOffAndSaysTheSubjectChanges() {
        TurnReading.Stripped s = TurnReading.withoutSwitch("ok, andere vraag: wat is de City Deal?");
        assertTrue(s.switched());
        assertEquals("wat is de City Deal?", s.text());
        assertTrue(TurnReading.withoutSwitch("Heel andere vraag: hoeveel restwarmte is er?").switched());
        assertTrue(TurnReading.withoutSwitch("iets anders: wanneer is het?").switched());
        assertFalse(TurnReading.withoutSwitch("Wat is een ander onderwerp van het IBP?").switched());
    }

    @Test
    void followUpsLeanOnTheTurnBeforeFullQuestionsDoNot() {
        assertTrue(TurnReading.isFollowUp("en wie betaalt dat?", 1));
        assertTrue(TurnReading.isFollowUp("wat doen de provincies daar?", 2));
        assertTrue(TurnReading.isFollowUp("wanneer?", 0));
        assertTrue(TurnReading.isFollowUp("hoeveel geld krijgen gemeenten daarvoor?", 3));
        assertFalse(TurnReading.isFollowUp("Wie neemt het voortouw bij de regionale energiestrategieën?", 3));
        assertFalse(TurnReading.isFollowUp("Hoeveel krimpregio's zijn er?", 1));
        assertFalse(TurnReading.isFollowUp("en wat is opgave 6?", 1), "an opgave by number is a subject of its own");
    }

    @Test
    void anEllipticFollowUpIsReadAsTheQuestionBeforeAboutItsNewObject() {
        assertEquals(java.util.Optional.of("wie heeft de regie voor klimaatadaptatie?"),
                TurnReading.inPlaceOf("en voor klimaatadaptatie?", "wie heeft de regie over het klimaatakkoord"));
        assertEquals(java.util.Optional.of("Hoeveel geld gaat er naar schuldhulp?"),
                TurnReading.inPlaceOf("En naar schuldhulp?", "Hoeveel geld gaat er naar jeugdzorg?"));
        // Not elliptic, or nothing to put it in place of.
        assertTrue(TurnReading.inPlaceOf("en wie betaalt dat?", "hoe groot is het tekortenfonds in 2018").isEmpty());
        assertTrue(TurnReading.inPlaceOf("en voor wanneer is dat?", "wie heeft de regie over het klimaatakkoord").isEmpty());
        assertTrue(TurnReading.inPlaceOf("en voor de RES?", "wanneer moet de planning klaar zijn").isEmpty());
    }

    @Test
    void smallTalkAndEnglishAreRecognised() {
        assertTrue(TurnReading.isSmallTalk("goedemorgen"));
        assertTrue(TurnReading.isSmallTalk("Dank je wel!"));
        assertFalse(TurnReading.isSmallTalk("goedemorgen, wanneer moeten we van het gas af?"));
        assertTrue(TurnReading.isEnglish("When do municipalities have to stop using gas?"));
        assertFalse(TurnReading.isEnglish("Wanneer moeten gemeenten van het gas af?"));
    }
}

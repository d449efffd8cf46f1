package nl.ibp.conversation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfidenceTest {

    @Test
    void hoeLangIsAnsweredByADuration() {
        String lead = "De gemeente betaalt de vaste lasten ten minste zes maanden door.";
        assertTrue(Confidence.givesHowLong("Hoe lang betaalt de gemeente de vaste lasten door?", lead));
        assertFalse(Confidence.givesHowLong("Wanneer betaalt de gemeente de vaste lasten?", lead),
                "a duration is no answer to 'wanneer'");
        assertFalse(Confidence.givesHowLong("Hoe lang betaalt de gemeente door?", "De gemeente betaalt de lasten door."));
    }
}

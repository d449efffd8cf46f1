package nl.ibp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuestionTypeTest {

    private static String content(String question) {
        return QuestionType.content(question).replaceAll("\\s+", " ").strip();
    }

    @Test
    void theWordsThatOnlyAskAreNoSubject() {
        assertEquals("zouden Rijk en gemeenten zich inzetten voor de LVV's, en ?",
                content("Hoe lang zouden Rijk en gemeenten zich inzetten voor de LVV's, en loopt dat nu nog?"));
        assertEquals("gaan de afspraken over het emu saldo", content("over welke jaren gaan de afspraken over het emu saldo"));
        assertEquals("is er bestuurlijk overleg?", content("hoe vaak is er bestuurlijk overleg?"));
        assertEquals("van het geld gaat naar de regio's?", content("Welk deel van het geld gaat naar de regio's?"));
        assertEquals("is het model?", content("hoe oud is het model?"));
        assertEquals("Wanneer worden de deals getekend?", content("Wanneer worden de deals getekend?"),
                "a signing word is the subject of a question that does not ask who signed");
        assertEquals("wie heeft die ledenbrief eigenlijk ?", content("wie heeft die ledenbrief eigenlijk ondertekend?"));
        // "wat houdt … in", "wat betekent", "wat wordt bedoeld met" only ask what something is.
        assertEquals("en die challenge, wat die", content("en die challenge, wat houdt die in?"));
        assertEquals("wat de brede koppeling?", content("wat betekent de brede koppeling?"));
        assertEquals("wat met de trap-op-trap-af?", content("wat wordt bedoeld met de trap-op-trap-af?"));
        assertEquals("Het houdt in dat de regio kiest", content("Het houdt in dat de regio kiest"));
        // The same words in the subject stay: "lange termijn", "de jaren negentig".
        assertEquals("Wat is de lange termijn?", content("Wat is de lange termijn?"));
    }

    @Test
    void theKindOfAnswerFollowsTheQuestionWord() {
        assertEquals(QuestionType.WHEN, QuestionType.of("hoe lang loopt dat nog"));
        assertEquals(QuestionType.WHEN, QuestionType.of("over welke jaren gaan de afspraken"));
        assertEquals(QuestionType.HOW_OFTEN, QuestionType.of("hoe vaak is er overleg")); // a cadence, not an amount
        assertEquals(QuestionType.HOW_MANY, QuestionType.of("hoeveel overleggen zijn er"));
        assertEquals(QuestionType.SIGNER, QuestionType.of("wie heeft die ledenbrief ondertekend?"));
        assertEquals(QuestionType.WHO, QuestionType.of("wie heeft de regie?"));
        assertEquals(QuestionType.ACTION, QuestionType.of("wat gaan rijk en gemeenten daaraan doen"));
        assertEquals(QuestionType.REASON, QuestionType.of("Waarom duurt het tot 2021?")); // the reason, not the date
        assertEquals(QuestionType.REASON, QuestionType.of("en waarom is dat uitgesteld?"));
        assertEquals(QuestionType.REASON, QuestionType.of("wat is de reden van het uitstel"));
        assertEquals(QuestionType.REASON, QuestionType.of("Waardoor lopen de kosten op?")); // the cause
        assertEquals(QuestionType.OPINION, QuestionType.of("Wat vindt de VNG van de tekorten?"));
        assertEquals(QuestionType.OPINION, QuestionType.of("wat is het standpunt van het IPO over de RES"));
        assertEquals(QuestionType.WHO, QuestionType.of("wie heeft daar een mening over?"));
        assertEquals(QuestionType.REASON, QuestionType.of("hoe komt het dat gemeenten tekorten hebben?"));
        assertEquals(java.util.Optional.of(nl.ibp.passage.Cue.REASON), QuestionType.REASON.cue());
        assertTrue(nl.ibp.passage.Cue.REASON.in("De wet is uitgesteld omdat de systemen niet klaar zijn."));
        assertFalse(nl.ibp.passage.Cue.REASON.in("De wet treedt op 1 januari 2022 in werking."));
        assertEquals(QuestionType.ACTION, QuestionType.of("wat doet de overheid aan laadpalen"));
        assertEquals(QuestionType.DEFINITION, QuestionType.of("wat is de brede koppeling"));
        assertEquals(QuestionType.WHEN, QuestionType.of("wat is de deadline voor de RES?"));
        assertEquals(QuestionType.REASON, QuestionType.of("waarom is er een fonds?"));
        assertEquals(QuestionType.HOW, QuestionType.of("Hoe wordt recidive na detentie voorkomen?"));
        assertEquals(QuestionType.HOW, QuestionType.of("hoe word het accres berekend"));
        assertEquals(QuestionType.HOW_MANY, QuestionType.of("hoe groot wordt het fonds?"));
        assertEquals(QuestionType.LIST, QuestionType.of("noem de vijf industrieclusters"));
        assertEquals(QuestionType.WHEN, QuestionType.of("hoe oud is het huidige verdeelmodel?"));
        assertEquals(QuestionType.HOW_MANY, QuestionType.of("welk deel van het geld gaat naar de regio's?"));
        assertEquals(QuestionType.MONEY, QuestionType.of("wat kost de uitvoering in 2024?"));
        assertEquals(QuestionType.MONEY, QuestionType.of("Hoeveel extra geld is er voor dak- en thuislozen?"));
        assertEquals(QuestionType.MONEY, QuestionType.of("welk bedrag krijgen gemeenten?"));
        assertEquals(QuestionType.HOW_MANY, QuestionType.of("hoe groot is de rijksbijdrage per maatregel?"),
                "a contribution can be a share: any amount answers");
        assertTrue(QuestionType.MONEY.asksAmount() && QuestionType.HOW_MANY.asksAmount() && !QuestionType.WHEN.asksAmount());
        assertEquals(QuestionType.LIST, QuestionType.of("welke thema's staan op de agenda van het ibp?"));
    }
}

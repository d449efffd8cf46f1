package nl.ibp.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void abbreviationsDoNotEndASentence() {
        assertEquals(List.of("Dit geldt o.a. voor gemeenten.", "Daarnaast is er t.o.v. 2017 bijv. meer geld."),
                Sentences.texts("Dit geldt o.a. voor gemeenten. Daarnaast is er t.o.v. 2017 bijv. meer geld."));
    }

    @Test
    void initialsDoNotEndASentence() {
        assertEquals(List.of("De minister-president M. Rutte en K.H. Ollongren tekenden.", "Zo begon het."),
                Sentences.texts("De minister-president M. Rutte en K.H. Ollongren tekenden. Zo begon het."));
    }

    @Test
    void questionAndExclamationMarksEndSentences() {
        assertEquals(List.of("Wie betaalt?", "Het Rijk!", "Klaar."), Sentences.texts("Wie betaalt? Het Rijk! Klaar."));
    }

    @Test
    void aLowerCaseWordAfterAFullStopContinuesTheSentence() {
        assertEquals(List.of("Zie art. 5 van de wet."), Sentences.texts("Zie art. 5 van de wet."));
        assertEquals(1, Sentences.texts("Bedrag: 3.5 miljard euro in 2018.").size());
    }

    @Test
    void anEnumerationLabelAtTheStartIsNotASentence() {
        assertEquals(List.of("1. Samen aan de slag voor het klimaat."), Sentences.texts("1. Samen aan de slag voor het klimaat."));
        // A list item keeps its marker and label with its first sentence.
        assertEquals(List.of("- a. Bij de invulling ligt een rol voor gemeenten.", "Met het oog daarop is er een planning."),
                Sentences.texts("- a. Bij de invulling ligt een rol voor gemeenten. Met het oog daarop is er een planning."));
        assertEquals(List.of("Zie punt b.", "Daarna volgt c."), Sentences.texts("Zie punt b. Daarna volgt c."));
        // The next item of a list run into one line starts a sentence with its label.
        assertEquals(List.of("d. Overheden leggen keuzes vast in omgevingsplannen.", "e. Maatregelen volgen."),
                Sentences.texts("d. Overheden leggen keuzes vast in omgevingsplannen. e. Maatregelen volgen."));
    }

    @Test
    void lineBreaksEndSentencesAndSpansPointIntoTheText() {
        String text = "- a) Klimaat\n- b) Wonen. Meer wonen";
        List<Sentences.Span> spans = Sentences.split(text);
        assertEquals(List.of("- a) Klimaat", "- b) Wonen.", "Meer wonen"), spans.stream().map(s -> s.of(text)).toList());
    }
}

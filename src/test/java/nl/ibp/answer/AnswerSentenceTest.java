package nl.ibp.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.search.AnalyzedTerms;
import org.junit.jupiter.api.Test;

class AnswerSentenceTest {

    private static final IbpAnalyzer ANALYZER = IbpAnalyzer.forQuery(Synonyms.none());
    private static final Function<String, List<String>> TERMS = t -> AnalyzedTerms.of(ANALYZER, t);

    private static String pick(String question, String passage) {
        return AnswerSentence.pick(question, passage, TERMS).of(passage);
    }

    @Test
    void aWhenQuestionPrefersTheSentenceWithADate() {
        String passage = "Gemeenten maken een planning voor aardgasvrije wijken. De planning moet uiterlijk in 2021 klaar zijn.";
        assertEquals("De planning moet uiterlijk in 2021 klaar zijn.", pick("Wanneer moet de planning klaar zijn?", passage));
    }

    @Test
    void aHowManyQuestionPrefersTheSentenceWithANumber() {
        String passage = "Nederland kent krimpregio's aan de randen van het land. Het gaat om 20 regio's.";
        assertEquals("Het gaat om 20 regio's.", pick("Hoeveel krimpregio's zijn er?", passage));
    }

    @Test
    void aWhoQuestionPrefersTheSentenceNamingAnActor() {
        String passage = "Het Klimaatakkoord is ambitieus. Het komt tot stand onder regie van de minister van EZK.";
        assertEquals("Het komt tot stand onder regie van de minister van EZK.", pick("Wie voert de regie over het Klimaatakkoord?", passage));
    }

    @Test
    void sharedWordsDecideOtherwiseAndListMarkersAreLeftOut() {
        String passage = "Specifieke onderdelen zijn:\n- Landelijke afspraken met grote uitvoerders zoals UWV en SVB.\n- Schuldhulpverlening verbeteren.";
        assertEquals("Landelijke afspraken met grote uitvoerders zoals UWV en SVB.",
                pick("Welke grote uitvoerders doen mee?", passage));
    }
}

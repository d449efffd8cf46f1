package nl.ibp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.analysis.Synonyms;
import org.junit.jupiter.api.Test;

class QueryFactoryTest {

    private final QueryFactory queries = new QueryFactory(Synonyms.none(),
            CompoundDictionary.of(List.of("ondermijning", "geld", "fonds", "regio", "model", "deel")), Ranking.defaults());

    @Test
    void aCompoundInTheQuestionAlsoSearchesItsModifierAndHeadEachOnItsOwn() {
        assertEquals(List.of("ondermijn", "geld"), queries.compoundParts("Welk deel van het ondermijningsgeld gaat naar de regio's?"));
        assertEquals(List.of("model"), queries.compoundParts("Hoe oud is het huidige verdeelmodel?"));
        assertEquals(List.of(), queries.compoundParts("Hoeveel geld gaat naar het fonds?"), "no compound, no parts");
        assertEquals(List.of("ondermijn"), queries.compoundParts("Hoeveel geld zit in het ondermijningsgeld?"),
                "a part the question already asks for is not added twice");
        assertTrue(queries.build("Welk deel van het ondermijningsgeld gaat naar de regio's?").toString().contains("parts:ondermijn"));
    }

    @Test
    void theUsersOwnWordsEachCountButASynonymOfSeveralWordsStaysWhole() {
        QueryFactory withSynonyms = new QueryFactory(Synonyms.parse(
                "elektrische auto => elektrische auto, emissievrije auto\nipo, interprovinciaal overleg", "test.txt"),
                CompoundDictionary.empty(), Ranking.defaults());
        String car = withSynonyms.build("laadpalen voor elektrische auto's").toString();
        // "elektrische" alone finds "laadinfrastructuur voor elektrische voertuigen": no required group of the own words.
        assertTrue(car.contains("body:elektrisch") && !car.contains("+body:elektrisch"), car);
        assertTrue(car.contains("+body:emissievrij +body:auto"), "the synonym stays whole: " + car);
        String ipo = withSynonyms.build("wie tekende namens het IPO").toString();
        assertTrue(ipo.contains("+body:interprovinciaal +body:overleg"), "'overleg' alone is not 'IPO': " + ipo);
    }
}

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
}

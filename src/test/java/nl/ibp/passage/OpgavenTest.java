package nl.ibp.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpgavenTest {

    @Test
    void headingsNameOpgavenByTitleEvenWhenWordedSlightlyDifferently() {
        assertEquals(6, Opgaven.byTitle("6. Problematische schulden voorkomen en oplossen").orElseThrow().number());
        assertEquals(7, Opgaven.byTitle("7. Nederland en migrant voorbereid").orElseThrow().number());
        assertEquals(10, Opgaven.byTitle("10. Overkoepelende thema’s").orElseThrow().number());
        assertEquals(Optional.empty(), Opgaven.byTitle("6. Mensen die zich met het Nederlands niet goed kunnen redden"));
        assertEquals(Optional.empty(), Opgaven.byTitle("5. We formuleren vooraf een aantal financiële uitgangspunten."));
    }

    @Test
    void headingsOutsideChapterThreeMentionOpgavenByTitleOrAlias() {
        assertEquals(1, Opgaven.mentionedIn("Bijlage 1 - Complete tekst samen aan de slag voor het klimaat").orElseThrow().number());
        assertEquals(9, Opgaven.mentionedIn("Bijlage 3 - Normeringsystematiek gemeentefonds en provinciefonds").orElseThrow().number());
        assertEquals(5, Opgaven.mentionedIn("Tekorten Sociaal Domein").orElseThrow().number());
        assertEquals(Optional.empty(), Opgaven.mentionedIn("Vervolgproces"));
    }

    @Test
    void numbersOutsideOneToTenAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Opgaven.byNumber(11));
        assertEquals("no opgave 11; opgaven are numbered 1-10", e.getMessage());
    }
}

package nl.ibp.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
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

    @Test
    void theOpgavenAreDataSoANewProgrammeIsAnEditOfTheFile() {
        Opgaven.Catalogue c = Opgaven.parse("""
                # a programme of two
                - number: 1
                  title: Schoon water voor iedereen
                  cluster: fysiek
                  aliases: [drinkwater, waterkwaliteit]
                - number: 2
                  title: Digitale overheid
                  cluster: overkoepelend
                """, "_opgaven.yaml");
        assertEquals(2, c.all().size());
        assertEquals("overkoepelend", c.byNumber(2).cluster());
        assertEquals(1, c.mentionedIn("Wanneer is de waterkwaliteit op orde?").orElseThrow().number());
        assertEquals(2, c.byTitle("2. Digitale overheid").orElseThrow().number());
        assertEquals("no opgave 3; opgaven are numbered 1-2",
                assertThrows(IllegalArgumentException.class, () -> c.byNumber(3)).getMessage());
    }

    @Test
    void theShippedFileIsTheDefaultAndAllFollowsTheCatalogueInUse() {
        assertEquals(10, Opgaven.defaults().all().size());
        assertEquals("Nederland en migrant goed voorbereid", Opgaven.defaults().byNumber(7).title());
        Opgaven.Catalogue before = Opgaven.current();
        try {
            Opgaven.use(Opgaven.parse("- {number: 4, title: Vier, cluster: x}\n", "t"));
            assertEquals(List.of(4), Opgaven.ALL.stream().map(Opgave::number).toList());
            assertEquals("Vier", Opgaven.byNumber(4).title());
        } finally {
            Opgaven.use(before);
        }
    }

    @Test
    void aBadEntryNamesTheFileAndLine() {
        assertEquals("_opgaven.yaml:4: 'title' ontbreekt of is leeg", assertThrows(DataFileException.class, () ->
                Opgaven.parse("- number: 1\n  title: Een\n  cluster: x\n- number: 2\n  cluster: y\n", "_opgaven.yaml"))
                .getMessage());
        assertEquals("_opgaven.yaml:2: opgave 1 staat er twee keer in", assertThrows(DataFileException.class, () ->
                Opgaven.parse("- {number: 1, title: a, cluster: x}\n- {number: 1, title: b, cluster: x}\n", "_opgaven.yaml"))
                .getMessage());
        assertEquals("_opgaven.yaml:1: onbekende sleutel 'titel' (number, title, cluster of aliases)",
                assertThrows(DataFileException.class, () ->
                        Opgaven.parse("- {number: 1, titel: a, cluster: x}\n", "_opgaven.yaml")).getMessage());
        assertEquals("_opgaven.yaml:2: een opgave moet regels 'sleutel: waarde' hebben, niet 'number 2'",
                assertThrows(DataFileException.class, () ->
                        Opgaven.parse("- {number: 1, title: a, cluster: x}\n- number 2\n", "_opgaven.yaml")).getMessage());
    }
}

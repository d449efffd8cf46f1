package nl.ibp.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.ibp.ingest.Block.Type;
import org.junit.jupiter.api.Test;

class LetterAnatomyTest {

    private static Block p(String text, int page) {
        return new Block(Type.PARAGRAPH, 0, text, page);
    }

    private static List<Type> types(LetterAnatomy.Result r) {
        return r.blocks().stream().map(Block::type).toList();
    }

    @Test
    void headerBlockSalutationAndSignatureAreBoilerplateAndGiveTheFields() {
        LetterAnatomy.Result r = LetterAnatomy.analyse(List.of(
                p("> Retouradres Postbus 20011 2500 EA Den Haag", 0),
                p("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", 0),
                new Block(Type.TABLE_ROW, 0, "Datum\t11 november 2020"),
                new Block(Type.TABLE_ROW, 0, "Betreft\tStand van zaken Wet inburgering"),
                new Block(Type.TABLE_ROW, 0, "Ons kenmerk\t2020-0000154312"),
                new Block(Type.TABLE_ROW, 0, "Kamerstuk\t35483, nr. 63"),
                p("Geachte voorzitter,", 0),
                p("Ik streef nu naar inwerkingtreding op 1 januari 2022, na overleg met de ketenpartners.", 0),
                p("De minister van Sociale Zaken en Werkgelegenheid,", 0),
                p("W. Koolmees", 0)));
        assertEquals(List.of(Type.BOILERPLATE, Type.BOILERPLATE, Type.BOILERPLATE, Type.BOILERPLATE, Type.BOILERPLATE,
                Type.BOILERPLATE, Type.BOILERPLATE, Type.PARAGRAPH, Type.SIGNATURE, Type.SIGNATURE), types(r));
        assertEquals(Optional.of(LocalDate.of(2020, 11, 11)), r.fields().date());
        assertEquals("Stand van zaken Wet inburgering", r.fields().subject());
        assertEquals("2020-0000154312", r.fields().kenmerk());
        assertEquals("35 483, nr. 63", r.fields().kamerstuk());
    }

    @Test
    void aSummaryBeforeTheSalutationIsContent() {
        LetterAnatomy.Result r = LetterAnatomy.analyse(List.of(
                p("Aan de leden", 0), p("Datum", 0), p("15 februari 2018", 0), p("Ons kenmerk", 0), p("COS/U201800112", 0),
                p("Lbr. 18/004", 0), p("Onderwerp", 0), p("Stand van zaken", 0), p("Samenvatting", 0),
                p("In het overhedenoverleg op 14 februari 2018 heeft het VNG-bestuur met het kabinet overeenstemming bereikt "
                        + "over de uitgangspunten voor het Interbestuurlijk Programma en over de tekorten in het sociaal domein.", 0),
                p("Geachte leden,", 0)));
        assertEquals(Type.PARAGRAPH, r.blocks().get(8).type(), "Samenvatting");
        assertEquals(Type.PARAGRAPH, r.blocks().get(9).type());
        assertEquals(Type.BOILERPLATE, r.blocks().get(10).type());
        assertEquals(Optional.of(LocalDate.of(2018, 2, 15)), r.fields().date());
        assertEquals("Lbr. 18/004", r.fields().kenmerk());
        assertEquals("Stand van zaken", r.fields().subject());
    }

    @Test
    void runningHeadersFootersAndPageNumbersRepeatOverPages() {
        LetterAnatomy.Result r = LetterAnatomy.analyse(List.of(
                p("VNG | Lbr. 18/081 | 12 december 2018", 1), p("Eerste alinea met genoeg woorden om tekst te zijn.", 1),
                p("Pagina 1 van 2", 1),
                p("VNG | Lbr. 18/081 | 12 december 2018", 2), p("Tweede alinea met genoeg woorden om tekst te zijn.", 2),
                p("Pagina 2 van 2", 2)));
        assertEquals(List.of(Type.BOILERPLATE, Type.PARAGRAPH, Type.BOILERPLATE, Type.BOILERPLATE, Type.PARAGRAPH,
                Type.BOILERPLATE), types(r));
    }

    @Test
    void aFootnoteNeedsItsMarkerOnThePageAndTheMarkerLeavesTheSentence() {
        LetterAnatomy.Result r = LetterAnatomy.analyse(List.of(
                p("Op grond van het Besluit Woningbouwimpuls 20201 kan een gemeente een uitkering krijgen.", 1),
                p("De helft is betaalbaar.2 De bouw begint binnen drie jaar.", 1),
                new Block(Type.FOOTNOTE, 1, "1 Besluit van 11 mei 2020, Staatsblad 2020, 141.", 1),
                new Block(Type.FOOTNOTE, 2, "2 Betaalbaar zijn sociale huurwoningen.", 1),
                new Block(Type.FOOTNOTE, 3, "3 Een noot zonder verwijzing op deze pagina.", 1)));
        assertEquals("Op grond van het Besluit Woningbouwimpuls 2020 kan een gemeente een uitkering krijgen.",
                r.blocks().get(0).text());
        assertEquals("De helft is betaalbaar. De bouw begint binnen drie jaar.", r.blocks().get(1).text());
        assertEquals(List.of(Type.PARAGRAPH, Type.PARAGRAPH, Type.FOOTNOTE, Type.FOOTNOTE, Type.PARAGRAPH), types(r));
    }

    @Test
    void placeAndDateLine() {
        LetterAnatomy.Result r = LetterAnatomy.analyse(List.of(p("Den Haag, 4 juni 2019", 0),
                p("De minister informeert de Kamer over de voortgang van het programma en de planning.", 0)));
        assertEquals(Type.BOILERPLATE, r.blocks().getFirst().type());
        assertEquals(Optional.of(LocalDate.of(2019, 6, 4)), r.fields().date());
    }
}

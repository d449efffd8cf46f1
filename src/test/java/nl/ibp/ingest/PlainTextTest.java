package nl.ibp.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.ibp.ingest.Block.Type;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    private static Block b(Type type, int level, String text) {
        return new Block(type, level, text);
    }

    @Test
    void wrappedLinesJoinIntoOneParagraphAndBlankLinesSeparate() {
        assertEquals(List.of(
                        b(Type.PARAGRAPH, 0, "Eerste regel loopt door op de tweede."),
                        b(Type.PARAGRAPH, 0, "Tweede alinea.")),
                PlainText.blocks("Eerste regel\nloopt door op de tweede.\n \t\n\nTweede alinea.\n"));
    }

    @Test
    void bulletsBecomeListItemsWithoutTheirMarker() {
        assertEquals(List.of(
                        b(Type.PARAGRAPH, 0, "De onderwerpen zijn:"),
                        b(Type.LIST_ITEM, 1, "a) Problematische schulden"),
                        b(Type.LIST_ITEM, 2, "genest"),
                        b(Type.LIST_ITEM, 1, "bolletje"),
                        b(Type.LIST_ITEM, 1, "gedachtestreepje"),
                        b(Type.LIST_ITEM, 1, "ster")),
                PlainText.blocks("De onderwerpen zijn:\n- a) Problematische schulden\n - genest\n"
                        + "• bolletje\n– gedachtestreepje\n* ster"));
    }

    @Test
    void emphasisIsNotABullet() {
        assertEquals(List.of(b(Type.PARAGRAPH, 0, "*Kansen creëren* voor ^{de} jongeren¹")),
                PlainText.blocks("*Kansen creëren* voor ^{de} jongeren¹"));
    }

    @Test
    void enumeratedLinesAreListItemsOnlyInMultiLineParagraphs() {
        assertEquals(List.of(b(Type.PARAGRAPH, 0, "1. Samen aan de slag voor het klimaat")),
                PlainText.blocks("1. Samen aan de slag voor het klimaat"));
        assertEquals(List.of(
                        b(Type.LIST_ITEM, 1, "1. Eerste"),
                        b(Type.LIST_ITEM, 2, "b) Tweede"),
                        b(Type.LIST_ITEM, 1, "IV. Vierde")),
                PlainText.blocks("1. Eerste\n b) Tweede\nIV. Vierde"));
    }

    @Test
    void inAParagraphWithATableEveryTabbedLineIsARow() {
        assertEquals(List.of(
                        b(Type.TABLE_ROW, 0, "Tabel 3 Normering"),
                        b(Type.TABLE_ROW, 0, "Uitgaven\t106.995\t126.574"),
                        b(Type.TABLE_ROW, 0, "Gemeentefonds"),
                        b(Type.TABLE_ROW, 0, "I) Accres (= H * D)\t28\t\t163")),
                PlainText.blocks("Tabel 3 Normering\t\t\t\nUitgaven\t106.995\t126.574\n"
                        + "Gemeentefonds\t\t\t\nI) Accres (= H * D)\t28\t \t163\t\t"));
    }

    @Test
    void aMarkdownPipeTableGivesOneRowPerLineWithoutItsDelimiterRow() {
        assertEquals(List.of(
                        b(Type.PARAGRAPH, 0, "De lasten lopen op:"),
                        b(Type.TABLE_ROW, 0, "Jaar\tGemeenten"),
                        b(Type.TABLE_ROW, 0, "2022\t€ 450 miljoen"),
                        b(Type.TABLE_ROW, 0, "2024\t€ 599 miljoen")),
                PlainText.blocks("De lasten lopen op:\n| Jaar | Gemeenten |\n|---|:---:|\n| 2022 | € 450 miljoen |\n| 2024 | € 599 miljoen |"));
        assertEquals(List.of(b(Type.PARAGRAPH, 0, "Kies A | B of C.")), PlainText.blocks("Kies A | B of C."),
                "a pipe in running text is no table");
    }

    @Test
    void aTabbedLineWithOneCellOutsideATableIsText() {
        assertEquals(List.of(b(Type.PARAGRAPH, 0, "Opgave")), PlainText.blocks("\tOpgave\t\t"));
    }

    @Test
    void markdownHeadingsKeepTheirLevel() {
        assertEquals(List.of(
                        b(Type.HEADING, 1, "Titel"),
                        b(Type.HEADING, 3, "Onder"),
                        b(Type.PARAGRAPH, 0, "Tekst met #hashtag.")),
                PlainText.blocks("# Titel\n\n### Onder ###\nTekst met #hashtag."));
    }

    @Test
    void emptyTextHasNoBlocks() {
        assertEquals(List.of(), PlainText.blocks(""));
        assertEquals(List.of(), PlainText.blocks(" \n\u00A0\n\t"));
    }

    @Test
    void realLedenbrief() throws IOException {
        List<Block> blocks = PlainText.blocks(
                Files.readString(Path.of("corpus/lbr-18-004-stand-van-zaken-ibp.txt"), StandardCharsets.UTF_8));
        assertTrue(blocks.contains(b(Type.LIST_ITEM, 1, "a) Problematische schulden voorkomen en oplossen")));
        assertTrue(blocks.contains(b(Type.LIST_ITEM, 1, "h) Goed openbaar bestuur in een veranderende samenleving")));
        assertTrue(blocks.contains(b(Type.PARAGRAPH, 0, "Datum 15 februari 2018")));
        assertTrue(blocks.contains(b(Type.PARAGRAPH, 0, "Gedachte achter het Interbestuurlijk Programma")));
        assertTrue(blocks.stream().allMatch(x -> !x.text().isBlank() && x.text().equals(x.text().strip())));
    }

    @Test
    void realProgrammastart() throws IOException {
        List<Block> blocks = PlainText.blocks(
                Files.readString(Path.of("corpus/programmastart-ibp.txt"), StandardCharsets.UTF_8));
        assertTrue(blocks.contains(b(Type.PARAGRAPH, 0, "1. Samen aan de slag voor het klimaat")));
        assertTrue(blocks.contains(b(Type.TABLE_ROW, 0, "Tabel 3 Normeringsystematiek Gemeentefonds en Provinciefonds")));
        assertTrue(blocks.contains(b(Type.TABLE_ROW, 0, "2. Toekomstbestendig wonen")));
        assertTrue(blocks.contains(b(Type.TABLE_ROW, 0,
                "Uitgaven Rijksbegroting\t106.995\t126.574\t139.811\t144.273\t147.135\t151.348")));
        assertTrue(blocks.contains(b(Type.TABLE_ROW, 0, "I) Accres (= H * D)\t28\t163\t136\t104\t85\t103")));
        assertTrue(blocks.contains(b(Type.TABLE_ROW, 0, "Fysiek\t1. Samen aan de slag voor het klimaat")));
        assertTrue(blocks.contains(b(Type.LIST_ITEM, 1,
                "a) concrete maatschappelijke resultaten boeken (samen met private partners)")));
        assertTrue(blocks.contains(b(Type.LIST_ITEM, 2,
                "7. *Personen die te maken hebben met huiselijk geweld (waaronder kinderen)*")));
        assertTrue(blocks.contains(b(Type.LIST_ITEM, 2, "Gerichte inzet van de expertteams.")));
        long rows = blocks.stream().filter(x -> x.type() == Type.TABLE_ROW).count();
        assertTrue(rows > 20, "table rows: " + rows);
    }
}

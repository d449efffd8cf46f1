package nl.ibp.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.ibp.ingest.Block.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real file per supported format: text, heading levels and metadata. */
class ExtractorFormatsTest {

    private static Extractor extractor;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        extractor = new Extractor(ExtractionLimits.defaults());
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    private SourceDocument extract(Path file) throws IOException {
        Extraction result = extractor.extract(dir, file);
        Extraction.Extracted extracted = assertInstanceOf(Extraction.Extracted.class, result,
                () -> "skipped: " + result);
        SourceDocument doc = extracted.document();
        assertEquals(CorpusFiles.id(dir, file), doc.id());
        assertEquals(ContentHash.sha256(file), doc.contentHash());
        assertTrue(doc.blocks().stream().allMatch(b -> !b.text().isEmpty() && b.text().equals(b.text().strip())),
                () -> "untrimmed block in " + doc.blocks());
        return doc;
    }

    private static List<Block> headings(SourceDocument doc) {
        return doc.blocks().stream().filter(b -> b.type() == Type.HEADING).toList();
    }

    private static String text(SourceDocument doc) {
        return doc.blocks().stream().map(Block::text).collect(Collectors.joining("\n"));
    }

    @Test
    void pdf() throws IOException {
        Path file = TestDocuments.pdf(dir.resolve("brief.pdf"), "Klimaatakkoord en gemeenten", Arrays.asList(
                "Samen aan de slag voor het klimaat", null,
                "Gemeenten, provincies en waterschappen werken samen",
                "aan de uitvoering van het Klimaatakkoord.", null,
                "Tweede alinea over de regionale energiestrategie."), null);

        SourceDocument doc = extract(file);

        assertEquals("application/pdf", doc.mediaType());
        assertEquals("Klimaatakkoord en gemeenten", doc.title());
        String text = text(doc);
        assertTrue(text.contains("Samen aan de slag voor het klimaat"), text);
        assertTrue(text.contains("Gemeenten, provincies en waterschappen werken samen aan de uitvoering van het Klimaatakkoord."), text);
        assertTrue(text.contains("Tweede alinea over de regionale energiestrategie."), text);
        // PDF carries no heading marks: the heading-like line is a paragraph.
        assertEquals(List.of(), headings(doc));
        assertTrue(doc.blocks().contains(new Block(Type.PARAGRAPH, 0, "Samen aan de slag voor het klimaat", 1)),
                doc.blocks()::toString);
    }

    @Test
    void docx() throws IOException {
        SourceDocument doc = extract(TestDocuments.docx(dir.resolve("opgave.docx"), "Opgave klimaat"));

        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", doc.mediaType());
        assertEquals("Opgave klimaat", doc.title());
        assertEquals(List.of(new Block(Type.HEADING, 1, "Samen aan de slag"),
                new Block(Type.HEADING, 2, "Maatschappelijke opgave")), headings(doc));
        assertTrue(doc.blocks().contains(new Block(Type.PARAGRAPH, 0,
                "De gemeenten en het Rijk werken samen aan de energietransitie.")), doc.blocks()::toString);
    }

    @Test
    void docxHeadingsByOutlineLevelWithoutAHeadingStyle() throws IOException {
        SourceDocument doc = extract(TestDocuments.outlineDocx(dir.resolve("outline.docx")));

        assertEquals(List.of(new Block(Type.HEADING, 1, "Herijking van het gemeentefonds"),
                new Block(Type.HEADING, 2, "Waarom uitstel"),
                new Block(Type.HEADING, 2, "Standpunt van de VNG")), headings(doc), "style, based-on style and direct outline level");
        assertTrue(doc.blocks().contains(new Block(Type.PARAGRAPH, 0,
                "De minister noemt zorgvuldigheid en draagvlak als reden.")), doc.blocks()::toString);
    }

    @Test
    void html() throws IOException {
        Path file = TestDocuments.write(dir.resolve("sub/pagina.html"), """
                <!DOCTYPE html>
                <html><head><title>Toekomstbestendig wonen</title>
                <style>p { color: red; }</style><script>var secret = 1;</script></head>
                <body>
                <h1>Wonen</h1>
                <p>Er is een groot tekort aan
                   betaalbare woningen.</p>
                <h2>Afspraken</h2>
                <ul><li>Meer bouwen</li><li>Sneller bouwen<ul><li>Minder regels</li></ul></li></ul>
                <table><tr><th>Jaar</th><th>Woningen</th></tr><tr><td>2018</td><td>75.000</td></tr></table>
                </body></html>
                """);

        SourceDocument doc = extract(file);

        assertEquals("sub/pagina.html", doc.id());
        assertEquals("text/html", doc.mediaType());
        assertEquals("Toekomstbestendig wonen", doc.title());
        assertEquals(List.of(
                new Block(Type.HEADING, 1, "Wonen"),
                new Block(Type.PARAGRAPH, 0, "Er is een groot tekort aan betaalbare woningen."),
                new Block(Type.HEADING, 2, "Afspraken"),
                new Block(Type.LIST_ITEM, 1, "Meer bouwen"),
                new Block(Type.LIST_ITEM, 1, "Sneller bouwen"),
                new Block(Type.LIST_ITEM, 2, "Minder regels"),
                new Block(Type.TABLE_ROW, 0, "Jaar\tWoningen"),
                new Block(Type.TABLE_ROW, 0, "2018\t75.000")), doc.blocks());
    }

    @Test
    void plainTextWithLetterHeader() throws IOException {
        Path file = TestDocuments.write(dir.resolve("brief.txt"), """
                Brief aan de leden

                Datum
                1 maart 2019

                Ons kenmerk
                Lbr. 19/010

                Onderwerp
                Voortgang IBP

                Geachte leden,

                - a) eerste punt
                - b) tweede punt
                """);

        SourceDocument doc = extract(file);

        assertEquals("text/plain", doc.mediaType());
        assertEquals("Voortgang IBP", doc.title());
        assertEquals(Optional.of(LocalDate.of(2019, 3, 1)), doc.date());
        assertEquals("Lbr. 19/010", doc.kenmerk());
        assertEquals("ledenbrief", doc.type());
        // The header block is kept as boilerplate (and as the metadata above), not as text to answer from.
        assertEquals(new Block(Type.BOILERPLATE, 0, "Brief aan de leden"), doc.blocks().getFirst());
        assertEquals(new Block(Type.LIST_ITEM, 1, "b) tweede punt"), doc.blocks().getLast());
    }

    @Test
    void markdown() throws IOException {
        Path file = TestDocuments.write(dir.resolve("notitie.md"), """
                # Vitaal platteland

                Het platteland staat voor grote opgaven.

                ## Aanpak

                - gebiedsgerichte aanpak
                """);

        SourceDocument doc = extract(file);

        assertTrue(doc.mediaType().startsWith("text/"), doc.mediaType());
        assertEquals("Vitaal platteland", doc.title());
        assertEquals(List.of(
                new Block(Type.HEADING, 1, "Vitaal platteland"),
                new Block(Type.PARAGRAPH, 0, "Het platteland staat voor grote opgaven."),
                new Block(Type.HEADING, 2, "Aanpak"),
                new Block(Type.LIST_ITEM, 1, "gebiedsgerichte aanpak")), doc.blocks());
        assertEquals("", doc.kenmerk());
        assertEquals("", doc.type());
    }

    @Test
    void rtf() throws IOException {
        Path file = TestDocuments.write(dir.resolve("notitie.rtf"),
                "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
                        + "{\\info{\\title Migratie en integratie}{\\creatim\\yr2018\\mo4\\dy12\\hr9\\min0}}"
                        + "\\pard Nederland en migrant goed voorbereid.\\par"
                        + "\\pard Inburgering begint op dag \\'e9\\'e9n.\\par}");

        SourceDocument doc = extract(file);

        assertEquals("application/rtf", doc.mediaType());
        assertEquals("Migratie en integratie", doc.title());
        assertEquals(Optional.of(LocalDate.of(2018, 4, 12)), doc.date());
        assertTrue(doc.blocks().contains(new Block(Type.PARAGRAPH, 0, "Nederland en migrant goed voorbereid.")),
                doc.blocks()::toString);
        assertTrue(doc.blocks().contains(new Block(Type.PARAGRAPH, 0, "Inburgering begint op dag één.")),
                doc.blocks()::toString);
    }

    @Test
    void odt() throws IOException {
        SourceDocument doc = extract(TestDocuments.odt(dir.resolve("economie.odt"), "Regionale economie als versneller"));

        assertEquals("application/vnd.oasis.opendocument.text", doc.mediaType());
        assertEquals("Regionale economie als versneller", doc.title());
        assertEquals(Optional.of(LocalDate.of(2018, 3, 1)), doc.date());
        assertEquals(List.of(new Block(Type.HEADING, 1, "Regionale economie"), new Block(Type.HEADING, 2, "Ambitie")),
                headings(doc));
        assertTrue(doc.blocks().contains(new Block(Type.PARAGRAPH, 0, "Regio's zijn de motor van de economie.")),
                doc.blocks()::toString);
        assertTrue(doc.blocks().contains(new Block(Type.LIST_ITEM, 1, "Versterken van het vestigingsklimaat")),
                doc.blocks()::toString);
    }

    @Test
    void sidecarOverridesTheDocumentsOwnMetadata() throws IOException {
        Path file = TestDocuments.write(dir.resolve("pagina.html"),
                "<html><head><title>Eigen titel</title></head><body><p>Tekst.</p></body></html>");
        Files.writeString(dir.resolve("pagina.html.meta.properties"),
                "# comment\ntitle=Titel uit sidecar ë\ndate=2020-01-31\nkenmerk=ABC/1\ntype=kamerbrief\n");

        SourceDocument doc = extract(file);

        assertEquals("Titel uit sidecar ë", doc.title());
        assertEquals(Optional.of(LocalDate.of(2020, 1, 31)), doc.date());
        assertEquals("ABC/1", doc.kenmerk());
        assertEquals("kamerbrief", doc.type());
    }
}

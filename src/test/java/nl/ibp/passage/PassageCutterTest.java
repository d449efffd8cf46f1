package nl.ibp.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import nl.ibp.ingest.Block;
import nl.ibp.ingest.PlainText;
import nl.ibp.ingest.SourceDocument;
import org.junit.jupiter.api.Test;

/** The cutter on the real corpus, and on the heading marks of structured formats. */
class PassageCutterTest {

    private static final PassageCutter CUTTER = new PassageCutter(PassageCutter.Settings.defaults());

    private static List<Passage> cut(String file) throws IOException {
        String text = Files.readString(Path.of("corpus", file));
        return CUTTER.cut(new SourceDocument(file, "hash", "text/plain", file, Optional.empty(), "", "",
                PlainText.blocks(text)));
    }

    private static Passage containing(List<Passage> passages, String text) {
        return passages.stream().filter(p -> p.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage contains: " + text));
    }

    @Test
    void opgavePassagesCarryTheirHeadingPathAndNumber() throws IOException {
        List<Passage> passages = cut("programmastart-ibp.txt");
        Passage schulden = containing(passages, "schuldhulpverlening te verbeteren");
        assertEquals(List.of("III. Gezamenlijke agenda met een toelichting per opgave",
                "6. Problematische schulden voorkomen en oplossen", "Ingrediënten interbestuurlijk programma"),
                schulden.headingPath());
        assertEquals(OptionalInt.of(6), schulden.opgave());
        assertEquals(OptionalInt.of(7), containing(passages, "gemeenten meer regie krijgen").opgave());
        assertEquals(OptionalInt.of(5), containing(passages, "De kans op een eenzame oude dag").opgave());
        assertEquals("1. Mensen die te maken hebben met eenzaamheid",
                containing(passages, "De kans op een eenzame oude dag").headingPath().getLast());
        assertEquals(OptionalInt.of(10), containing(passages, "Nederland kent 20 regio's").opgave());
    }

    @Test
    void bijlagenBelongToTheOpgaveTheirTitleNames() throws IOException {
        List<Passage> passages = cut("programmastart-ibp.txt");
        Passage stresstest = containing(passages, "uiterlijk in 2019");
        assertEquals(OptionalInt.of(1), stresstest.opgave());
        assertTrue(stresstest.section().startsWith("IV. Bijlagen › Bijlage 1 - Complete tekst"), stresstest.section());
        assertEquals(OptionalInt.of(1), containing(passages, "21 Mton").opgave());
        assertEquals(OptionalInt.of(9), containing(passages, "Accresrelevante uitgaven").opgave());
        assertEquals(OptionalInt.of(8), containing(passages, "City Deal 'Zicht op Ondermijning'").opgave());
    }

    @Test
    void passagesOutsideTheOpgavenHaveNone() throws IOException {
        List<Passage> passages = cut("programmastart-ibp.txt");
        Passage agenda = containing(passages, "In de 'III Gezamenlijke agenda met een toelichting per opgave'");
        assertEquals(OptionalInt.empty(), agenda.opgave());
        assertEquals("II. Vijf afspraken over de start van het IBP", agenda.headingPath().getFirst());
    }

    @Test
    void aListKeepsItsLeadInSentence() throws IOException {
        List<Passage> passages = cut("programmastart-ibp.txt");
        Passage manifest = containing(passages, "Belastingdienst, UWV, SVB, CJIB, CAK, DUO");
        assertTrue(manifest.text().startsWith("Specifieke onderdelen die gemeenten/VNG en het Rijk nadrukkelijk"),
                manifest.text());
        for (Passage p : passages) {
            if (p.text().contains("\n- ") && p.text().contains("Landelijke afspraken met grote uitvoerders")) {
                assertTrue(p.text().startsWith("Specifieke onderdelen"), p.text());
            }
        }
    }

    @Test
    void tableRowsKeepCaptionAndColumnHeaders() throws IOException {
        List<Passage> rows = cut("programmastart-ibp.txt").stream()
                .filter(p -> p.text().contains(" | ") && p.text().contains("Grondslag (t-1)")).toList();
        assertTrue(!rows.isEmpty(), "the table has passages");
        for (Passage p : rows) {
            assertTrue(p.text().startsWith("Tabel 3 Normeringsystematiek"), p.text());
            assertTrue(p.text().contains("2017 ¹ | 2018 | 2019 | 2020 | 2021 | 2022"), p.text());
        }
        Passage gemeentefonds = containing(cut("programmastart-ibp.txt"), "F) Accres (= E * D)");
        assertTrue(gemeentefonds.text().contains("Gemeentefonds"), gemeentefonds.text());
    }

    @Test
    void passagesStayWithinTheMaximumAndLoseNoText() throws IOException {
        for (String file : List.of("programmastart-ibp.txt", "lbr-18-004-stand-van-zaken-ibp.txt")) {
            List<Passage> passages = cut(file);
            StringBuilder all = new StringBuilder();
            for (Passage p : passages) {
                all.append(p.text()).append('\n').append(p.section()).append('\n');
                boolean oneSentence = Sentences.split(p.text()).size() == 1;
                assertTrue(p.text().length() <= 1500 || oneSentence, p.id() + " is " + p.text().length() + " chars");
            }
            String joined = all.toString().replaceAll("\\s+", " ");
            boolean tableOfContents = false;
            for (Block b : PlainText.blocks(Files.readString(Path.of("corpus", file)))) {
                // The table of contents is left out on purpose: it repeats every heading.
                tableOfContents = b.text().equals("Inhoudsopgave") || tableOfContents && b.type() == Block.Type.TABLE_ROW;
                if (tableOfContents) {
                    continue;
                }
                String words = b.text().replaceAll("\\s+", " ");
                for (String w : words.split(" \\| |\\t| ")) {
                    assertTrue(joined.contains(w), file + ": lost '" + w + "' of: " + b.text());
                }
            }
        }
    }

    @Test
    void theTableOfContentsIsNotAPassage() throws IOException {
        for (Passage p : cut("programmastart-ibp.txt")) {
            assertTrue(!p.text().contains(".....") && !p.section().contains("Inhoudsopgave"), p.text());
        }
        assertEquals(List.of("Ondertekening"), containing(cut("programmastart-ibp.txt"), "J.W. Remkes").headingPath());
    }

    @Test
    void idsAreUniqueAndStableAcrossRuns() throws IOException {
        List<Passage> first = cut("programmastart-ibp.txt");
        List<Passage> second = cut("programmastart-ibp.txt");
        assertEquals(first.stream().map(Passage::id).toList(), second.stream().map(Passage::id).toList());
        Set<String> ids = new HashSet<>(first.stream().map(Passage::id).toList());
        assertEquals(first.size(), ids.size());
    }

    @Test
    void theLetterSignatureAndHeaderAreContentNotHeadings() throws IOException {
        List<Passage> passages = cut("lbr-18-004-stand-van-zaken-ibp.txt");
        Passage signature = containing(passages, "Jantine Kriens");
        assertTrue(signature.text().contains("Algemeen directeur"), signature.text());
        assertEquals(OptionalInt.of(5), containing(passages, "In 2018 zal dat fonds € 200 miljoen bedragen").opgave());
        assertEquals("Tekorten Sociaal Domein", containing(passages, "In 2018 zal dat fonds").headingPath().getLast());
    }

    @Test
    void pageBreaksInsideAParagraphAreJoined() throws IOException {
        Passage p = containing(cut("lbr-18-004-stand-van-zaken-ibp.txt"), "te binden aan die");
        assertTrue(p.text().contains("te binden aan die aanpak. Ook het bedrijfsleven"), p.text());
    }

    @Test
    void formatHeadingsAreUsedAsTheyAre() {
        SourceDocument html = new SourceDocument("a.html", "h", "text/html", "A", Optional.empty(), "", "", List.of(
                new Block(Block.Type.HEADING, 1, "Toekomstbestendig wonen"),
                new Block(Block.Type.PARAGRAPH, 0, "Er zijn meer woningen nodig."),
                new Block(Block.Type.HEADING, 2, "Doelgroepen"),
                new Block(Block.Type.PARAGRAPH, 0, "Studenten en ouderen."),
                new Block(Block.Type.HEADING, 1, "Iets anders"),
                new Block(Block.Type.PARAGRAPH, 0, "Tekst.")));
        List<Passage> passages = CUTTER.cut(html);
        assertEquals(3, passages.size());
        assertEquals(List.of("Toekomstbestendig wonen", "Doelgroepen"), passages.get(1).headingPath());
        assertEquals(OptionalInt.of(2), passages.get(1).opgave());
        assertEquals(List.of("Iets anders"), passages.get(2).headingPath());
        assertEquals(OptionalInt.empty(), passages.get(2).opgave());
    }

    @Test
    void longParagraphsAreSplitAtSentenceBoundaries() {
        String sentence = "Dit is o.a. een zin over het klimaat en de energietransitie in Nederland. ";
        String text = sentence.repeat(50).strip();
        List<Passage> passages = CUTTER.cut(new SourceDocument("x.txt", "h", "text/plain", "X", Optional.empty(), "", "",
                List.of(new Block(Block.Type.PARAGRAPH, 0, text))));
        assertTrue(passages.size() >= 3, "split into " + passages.size());
        for (Passage p : passages) {
            assertTrue(p.text().length() <= 1500);
            assertTrue(p.text().endsWith("Nederland."), p.text());
        }
    }

    private static Block b(Block.Type type, String text, int page) {
        return new Block(type, type == Block.Type.LIST_ITEM ? 1 : 0, text, page);
    }

    @Test
    void boilerplateAndFootnotesStandApartWithTheirKindAndPage() {
        List<Passage> passages = CUTTER.cut(new SourceDocument("brief.pdf", "h", "application/pdf", "Brief", Optional.empty(),
                "", "", List.of(
                        b(Block.Type.BOILERPLATE, "Datum 12 december 2018", 1),
                        b(Block.Type.BOILERPLATE, "Geachte leden,", 1),
                        b(Block.Type.PARAGRAPH, "Regio Deals", 1),
                        b(Block.Type.PARAGRAPH, "De leden vragen het bestuur zich in te zetten voor een voorziening die", 1),
                        new Block(Block.Type.FOOTNOTE, 1, "1 Zie ledenbrief Lbr. 18/022.", 1),
                        b(Block.Type.BOILERPLATE, "Pagina 1 van 2", 1),
                        b(Block.Type.PARAGRAPH, "gemeenten helpt hun tekorten op te vangen tot het nieuwe model er is.", 2),
                        b(Block.Type.SIGNATURE, "Met vriendelijke groet,", 2),
                        b(Block.Type.SIGNATURE, "J. Kriens", 2))));
        Passage body = containing(passages, "voorziening die gemeenten helpt");
        assertEquals(PassageKind.BODY, body.kind(), "a sentence split by a page break is joined over the footer");
        assertEquals(OptionalInt.of(1), body.page());
        assertEquals(List.of("Regio Deals"), body.headingPath());
        assertEquals(PassageKind.FOOTNOTE, containing(passages, "Zie ledenbrief").kind());
        assertEquals(PassageKind.BOILERPLATE, containing(passages, "Geachte leden").kind());
        assertEquals("Datum 12 december 2018\nGeachte leden,", containing(passages, "Geachte leden").text());
        Passage signature = containing(passages, "Kriens");
        assertEquals(PassageKind.SIGNATURE, signature.kind());
        assertEquals(OptionalInt.of(2), signature.page());
        assertTrue(signature.isBoilerplate(), "a signature holds no agreements");
    }

    @Test
    void aLoneNumberedLineIsAHeadingAListOfNumberedTitlesIsNot() {
        List<Passage> passages = CUTTER.cut(new SourceDocument("x.pdf", "h", "application/pdf", "X", Optional.empty(), "", "",
                List.of(b(Block.Type.LIST_ITEM, "1. Sociaal domein: verdeling van het fonds", 1),
                        b(Block.Type.PARAGRAPH, "Gemeenten konden tot 15 september 2018 een aanvraag indienen bij het fonds.", 1),
                        b(Block.Type.PARAGRAPH, "De tien opgaven zijn:", 1),
                        b(Block.Type.LIST_ITEM, "1. Samen aan de slag voor het klimaat", 1),
                        b(Block.Type.LIST_ITEM, "2. Toekomstbestendig wonen", 1),
                        b(Block.Type.LIST_ITEM, "9. Passende financiële verhoudingen", 1),
                        b(Block.Type.PARAGRAPH, "Elke opgave krijgt een eigen uitwerking met afspraken over wie wat doet.", 1))));
        assertEquals(List.of("1. Sociaal domein: verdeling van het fonds"), containing(passages, "15 september 2018").headingPath());
        Passage list = containing(passages, "Toekomstbestendig wonen");
        assertEquals(PassageKind.LIST_ITEM, list.kind());
        assertEquals(List.of("1. Sociaal domein: verdeling van het fonds"), containing(passages, "eigen uitwerking").headingPath());
    }

    @Test
    void printedTableRowsWithoutColumnsAreAListNotHeadings() {
        List<Passage> passages = CUTTER.cut(new SourceDocument("p.pdf", "h", "application/pdf", "P", Optional.empty(), "", "",
                List.of(b(Block.Type.PARAGRAPH, "Planning", 2),
                        b(Block.Type.PARAGRAPH, "Onderstaande tabel geeft de planning van de derde tranche weer.", 2),
                        b(Block.Type.PARAGRAPH, "Mijlpaal Datum Wie", 2),
                        b(Block.Type.PARAGRAPH, "Aanvraagtijdvak eerste tranche 1 t/m 15 juli 2020 gemeenten", 2),
                        b(Block.Type.PARAGRAPH, "Einde looptijd regeling 31 december 2023 RVO", 2))));
        Passage rows = containing(passages, "Einde looptijd regeling 31 december 2023 RVO");
        assertEquals(List.of("Planning"), rows.headingPath());
        assertTrue(rows.text().contains("- Aanvraagtijdvak eerste tranche"), rows.text());
    }

    @Test
    void aNumberedHeadingThatNamesAnOpgaveAsItsThemeGivesIt() {
        List<Passage> passages = CUTTER.cut(new SourceDocument("x.pdf", "h", "application/pdf", "Voortgang", Optional.empty(),
                "", "", List.of(b(Block.Type.HEADING, "3. Problematische schulden: een actieplan", 1),
                        b(Block.Type.PARAGRAPH, "Het plan telt veertig maatregelen.", 1))));
        assertEquals(OptionalInt.of(6), containing(passages, "veertig maatregelen").opgave());
    }

    @Test
    void aDocumentAboutOneOpgaveGivesItToPassagesWhoseHeadingsNameNone() {
        List<Block> blocks = List.of(
                b(Block.Type.BOILERPLATE, "Datum 9 juni 2020", 1),
                b(Block.Type.HEADING, "Derde ronde", 1),
                b(Block.Type.PARAGRAPH, "Gemeenten konden tot 15 september 2020 een aanvraag indienen.", 1),
                b(Block.Type.HEADING, "Samenhang", 1),
                b(Block.Type.PARAGRAPH, "De klimaatadaptatie en het klimaatakkoord vragen ook ruimte.", 1));
        List<Passage> byTitle = CUTTER.cut(new SourceDocument("w.pdf", "h", "application/pdf",
                "Uitkomsten derde ronde Woningbouwversnelling", Optional.empty(), "", "", blocks));
        assertEquals(OptionalInt.of(2), containing(byTitle, "15 september 2020").opgave(),
                "the title names 'woningbouw' as the start of a compound");
        assertEquals(OptionalInt.of(1), containing(byTitle, "klimaatakkoord").opgave(), "a passage about another opgave keeps it");
        assertEquals(OptionalInt.empty(), containing(byTitle, "Datum 9 juni 2020").opgave(), "boilerplate has no opgave");
        assertEquals(OptionalInt.empty(), CUTTER.cut(new SourceDocument("w.pdf", "h", "application/pdf",
                "Natuurlijke grenzen", Optional.empty(), "", "", blocks)).stream()
                .filter(p -> p.text().contains("15 september")).findFirst().orElseThrow().opgave(),
                "a title without an opgave (a short alias is no part of a word) gives none; two opgaven dominate none");

        List<Passage> byText = CUTTER.cut(new SourceDocument("i.docx", "h", "application/pdf", "Stand van zaken",
                Optional.empty(), "", "", List.of(
                        b(Block.Type.PARAGRAPH, "De inburgering verandert: het nieuwe stelsel voor inburgering start later.", 1),
                        b(Block.Type.HEADING, "Planning", 1),
                        b(Block.Type.PARAGRAPH, "De wet treedt op 1 januari 2030 in werking.", 1),
                        b(Block.Type.PARAGRAPH, "Gemeenten bereiden de inburgering voor.", 1))));
        assertEquals(OptionalInt.of(7), containing(byText, "1 januari 2030").opgave(), "the text names inburgering three times");
    }

    @Test
    void theSectionHeadingsOfTheProgrammeComeFromTheDataFile() {
        SourceDocument doc = new SourceDocument("p.txt", "h", "text/plain", "P", Optional.empty(), "", "", List.of(
                b(Block.Type.PARAGRAPH, "1. Samen aan de slag voor het klimaat", 1),
                b(Block.Type.PARAGRAPH, "Energie", 1),
                b(Block.Type.PARAGRAPH, "Warmte", 1),
                b(Block.Type.PARAGRAPH, "Inleiding bij de opgave over het klimaat en de energie.", 1),
                b(Block.Type.PARAGRAPH, "Wat we samen doen", 1),
                b(Block.Type.PARAGRAPH, "Gemeenten stellen een warmteplan op voor elke wijk.", 1)));
        assertEquals(List.of("1. Samen aan de slag voor het klimaat", "Energie", "Wat we samen doen"),
                containing(CUTTER.cut(doc), "warmteplan").headingPath(), "an unknown section nests under the heading before it");
        try {
            SectionNames.use(SectionNames.parse("# kopjes\nWat we samen doen\n", SectionNames.FILE));
            assertEquals(List.of("1. Samen aan de slag voor het klimaat", "Wat we samen doen"),
                    containing(CUTTER.cut(doc), "warmteplan").headingPath(), "a programme with other section names is a data change");
        } finally {
            SectionNames.use(SectionNames.defaults());
        }
        assertTrue(SectionNames.current().isSection("Maatschappelijke opgave"), "the bundled file has the shipped names");
    }

    @Test
    void aLineOpeningWithAHeaderFieldOfTheDataFileIsNoHeading() {
        SourceDocument doc = new SourceDocument("b.txt", "h", "text/plain", "B", Optional.empty(), "", "", List.of(
                b(Block.Type.PARAGRAPH, "Kenmerk herijking gemeentefonds", 1),
                b(Block.Type.PARAGRAPH, "Gemeenten krijgen een bijdrage uit het fonds voor de aanpak van schulden.", 1)));
        assertEquals(List.of(), containing(CUTTER.cut(doc), "bijdrage").headingPath(), "'kenmerk' is a field of _briefopmaak.txt");
        try {
            LetterParts.use(LetterParts.parse("kop datum\n", LetterParts.FILE));
            assertEquals(List.of("Kenmerk herijking gemeentefonds"), containing(CUTTER.cut(doc), "bijdrage").headingPath(),
                    "a letter layout without that field is a data change");
        } finally {
            LetterParts.use(LetterParts.defaults());
        }
    }
}

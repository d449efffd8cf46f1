package nl.ibp.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.ibp.ingest.Block.Type;
import nl.ibp.passage.Passage;
import nl.ibp.passage.PassageCutter;
import nl.ibp.passage.PassageKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Letters as they really come, built at test time in each format, with the traps: a header block,
 * a salutation and signature, running headers and footers, page numbers, footnotes, metadata that
 * disagrees with the letter, web-site chrome, all-caps headings and a scan.
 */
class LetterFormatsTest {

    private static Extractor extractor;
    private static final PassageCutter CUTTER = new PassageCutter(PassageCutter.Settings.defaults());

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
        Files.writeString(dir.resolve(DocumentProfiles.TYPES_FILE), """
                ledenbrief: Aan de leden | Lbr.
                kamerbrief: Aan de Voorzitter van de Tweede Kamer
                nieuwsbericht: Nieuwsbericht
                """);
        Files.writeString(dir.resolve(DocumentProfiles.SENDERS_FILE), """
                VNG: Vereniging van Nederlandse Gemeenten | VNG
                Ministerie van SZW: minister van Sociale Zaken en Werkgelegenheid
                """);
        Extraction result = extractor.extract(dir, file);
        return assertInstanceOf(Extraction.Extracted.class, result, () -> "skipped: " + result).document();
    }

    private static String text(SourceDocument doc, Type type) {
        return doc.blocks().stream().filter(b -> b.type() == type).map(Block::text).collect(Collectors.joining("\n"));
    }

    private static List<Passage> answerable(SourceDocument doc) {
        return CUTTER.cut(doc).stream().filter(p -> !p.isBoilerplate()).toList();
    }

    @Test
    void pdfLetterKeepsItsAnatomyApartAndItsPrintedDate() throws IOException {
        Calendar savedAgain = new GregorianCalendar(2026, Calendar.DECEMBER, 1);
        Path file = TestDocuments.pdfPages(dir.resolve("brief.pdf"), savedAgain, List.of(
                Arrays.asList("Vereniging van Nederlandse Gemeenten", null, "Aan de leden", null,
                        "Datum 12 december 2018", null, "Ons kenmerk BB/U201801462", null, "Lbr. Lbr. 18/081", null,
                        "Onderwerp Voortgang van het programma", null, "Geachte leden,", null,
                        "Verdeling van het fonds",
                        "In juni 2018 heeft de ALV ingestemd met de oprichting van een fonds voor gemeenten.1 Het fonds",
                        "bevat in totaal 200 miljoen euro en wordt via de decembercirculaire aan de gemeenten uitgekeerd.",
                        null, null,
                        "1 Zie ledenbrief Lbr. 18/022 over de voeding van het fonds.", null,
                        "Pagina 1 van 2"),
                Arrays.asList("Vereniging van Nederlandse Gemeenten | Lbr. 18/081 | 12 december 2018", null,
                        "Regio Deals",
                        "Het regeerakkoord reserveert 950 miljoen euro voor de Regio Envelop. De regio's leggen minstens",
                        "eenzelfde bedrag in en de deals worden naar verwachting in het voorjaar van 2019 ondertekend.",
                        null, "Met vriendelijke groet,", "Vereniging van Nederlandse Gemeenten", null, "J. Kriens",
                        "algemeen directeur", null, "Pagina 2 van 2")));
        SourceDocument doc = extract(file);

        assertEquals(Optional.of(LocalDate.of(2018, 12, 12)), doc.date(), "the letter's date beats the PDF's");
        assertEquals(MetadataSource.LETTER, doc.details().dateSource());
        assertEquals("Voortgang van het programma", doc.title());
        assertEquals("Lbr. 18/081", doc.kenmerk());
        assertEquals("ledenbrief", doc.type());
        assertEquals("VNG", doc.details().sender());

        String boilerplate = text(doc, Type.BOILERPLATE) + "\n" + text(doc, Type.SIGNATURE);
        for (String part : List.of("Datum 12 december 2018", "Geachte leden,", "Pagina 1 van 2", "Pagina 2 van 2",
                "| Lbr. 18/081 |", "Met vriendelijke groet", "J. Kriens")) {
            // the signature is its own kind: searchable (who signed), never an agreement
            assertTrue(boilerplate.contains(part), () -> part + " not boilerplate: " + doc.blocks());
        }
        assertEquals("1 Zie ledenbrief Lbr. 18/022 over de voeding van het fonds.", text(doc, Type.FOOTNOTE));
        String body = answerable(doc).stream().filter(p -> p.kind() != PassageKind.FOOTNOTE)
                .map(Passage::text).collect(Collectors.joining("\n"));
        assertTrue(body.contains("voor gemeenten. Het fonds bevat"), () -> "marker left in or note glued: " + body);
        assertFalse(body.contains("Zie ledenbrief"), body);
        assertFalse(body.contains("Geachte") || body.contains("Pagina") || body.contains("Kriens"), body);

        Passage regio = answerable(doc).stream().filter(p -> p.text().contains("Regio Envelop")).findFirst().orElseThrow();
        assertEquals(List.of("Regio Deals"), regio.headingPath(), "a printed heading is a heading");
        assertEquals(2, regio.page().orElseThrow(), "each passage knows its page");
        Passage note = answerable(doc).stream().filter(p -> p.kind() == PassageKind.FOOTNOTE).findFirst().orElseThrow();
        assertEquals(1, note.page().orElseThrow());
    }

    @Test
    void docxLetterDateBeatsCorePropertiesAndListParagraphsAreItems() throws IOException {
        Path file = TestDocuments.letterDocx(dir.resolve("inburgering.docx"), "2021-03-04T09:12:00Z", List.of(
                "Datum\t3 juli 2019", "Ons kenmerk\tECSD/U201900512", "Onderwerp\tVeranderopgave inburgering",
                "Geachte leden,",
                "## De opgaven",
                "Het programma kent tien opgaven:",
                "- 1. Samen aan de slag voor het klimaat", "- 2. Toekomstbestendig wonen",
                "- 3. Regionale economie als versneller", "- 4. Naar een vitaal platteland",
                "- 5. Merkbaar beter sociaal domein", "- 6. Problematische schulden voorkomen en oplossen",
                "- 7. Nederland en migranten voorbereiden", "- 8. Goed openbaar bestuur in een veranderende samenleving",
                "- 9. Passende financiële verhoudingen", "- 10. Inclusieve samenleving",
                "Elke opgave krijgt een eigen uitwerking met afspraken over wie wat doet en wanneer.",
                "De minister van Sociale Zaken en Werkgelegenheid,", "W. Koolmees"));
        SourceDocument doc = extract(file);

        assertEquals(Optional.of(LocalDate.of(2019, 7, 3)), doc.date(), "the letter's date beats the core properties");
        assertEquals(MetadataSource.LETTER, doc.details().dateSource());
        assertEquals("Veranderopgave inburgering", doc.title());
        assertEquals("ECSD/U201900512", doc.kenmerk());
        assertEquals("Ministerie van SZW", doc.details().sender());
        assertEquals(10, doc.blocks().stream().filter(b -> b.type() == Type.LIST_ITEM).count(), () -> doc.blocks().toString());
        List<Passage> passages = answerable(doc);
        Passage after = passages.stream().filter(p -> p.text().contains("eigen uitwerking")).findFirst().orElseThrow();
        assertEquals(List.of("De opgaven"), after.headingPath(), "the list of opgave titles holds no headings");
        assertTrue(passages.stream().noneMatch(p -> p.text().contains("Koolmees") || p.text().contains("Datum")),
                () -> passages.toString());
    }

    @Test
    void webPageWithoutNavigationCookieBarAndFooter() throws IOException {
        Path file = TestDocuments.write(dir.resolve("nieuws.html"), """
                <html><head><title>Verdeling schuift op | Nieuwsbericht | Rijksoverheid.nl</title>
                <meta name="DCTERMS.issued" content="2020-12-09"></head><body>
                <div id="cookiebar"><p>Wij gebruiken cookies.</p><button>Accepteren</button></div>
                <header><nav><ul><li><a href="/">Onderwerpen</a></li><li>Ministeries</li></ul></nav></header>
                <nav class="breadcrumb">Home &gt; Actueel</nav>
                <main><article><h1>Verdeling schuift op</h1>
                <p class="meta">Nieuwsbericht | 08-12-2020</p>
                <p>De nieuwe verdeling van het gemeentefonds gaat op 1 januari 2023 in.</p>
                <div class="share">Deel deze pagina: Twitter</div></article>
                <aside><h2>Lees ook</h2><ul><li>Septembercirculaire</li></ul></aside></main>
                <footer><p>De Rijksoverheid. Voor Nederland</p></footer></body></html>
                """);
        SourceDocument doc = extract(file);
        String all = doc.blocks().stream().map(Block::text).collect(Collectors.joining("\n"));
        for (String chrome : List.of("cookies", "Onderwerpen", "Home", "Deel deze", "Lees ook", "Voor Nederland")) {
            assertFalse(all.contains(chrome), () -> chrome + " in " + all);
        }
        assertTrue(all.contains("1 januari 2023 in"), all);
        assertEquals("Verdeling schuift op", doc.title(), "the heading, not the site's <title>");
        assertEquals(Optional.of(LocalDate.of(2020, 12, 8)), doc.date(), "the printed date beats the meta tag");
        assertEquals("nieuwsbericht", doc.type());
    }

    @Test
    void plainTextCapsAndNumberedHeadings() throws IOException {
        Path file = TestDocuments.write(dir.resolve("besluit.txt"), """
                AANLEIDING

                De gemeenteraad heeft gevraagd om een voorstel voor de aanpak van de woningbouw in de regio.

                HET BESLUIT

                Het college besluit de aanpak vast te stellen en de raad daarover in het voorjaar te informeren.

                1. Sociaal domein: verdeling van het fonds

                Gemeenten konden tot 15 september 2018 een aanvraag indienen.
                """);
        List<Passage> passages = answerable(extract(file));
        assertEquals(List.of(List.of("AANLEIDING"), List.of("HET BESLUIT"), List.of("1. Sociaal domein: verdeling van het fonds")),
                passages.stream().map(Passage::headingPath).toList());
    }

    @Test
    void scannedPdfIsReadWithOcr() throws IOException {
        assumeTrue(Ocr.available(), "Tesseract with Dutch is not installed (apt-get install tesseract-ocr tesseract-ocr-nld): OCR test skipped");
        Path file = TestDocuments.scannedPdf(dir.resolve("scan.pdf"), Arrays.asList(
                "Datum: 2 maart 2021", "Betreft: Oogst en overdracht", null, "Beste gebiedscoordinator,", null,
                "Het programma loopt formeel af in april 2021.", "Wij vragen u uiterlijk 15 maart 2021 een notitie",
                "aan te leveren bij het programmateam."));
        SourceDocument doc = extract(file);
        assertEquals(Optional.of(LocalDate.of(2021, 3, 2)), doc.date(), () -> doc.blocks().toString());
        String body = answerable(doc).stream().map(Passage::text).collect(Collectors.joining("\n"));
        assertTrue(body.contains("formeel af in april 2021"), body);
        assertTrue(body.contains("uiterlijk 15 maart 2021"), body);
    }

    @Test
    void aSpeckledScanIsCleanedBeforeOcr() throws IOException {
        assumeTrue(Ocr.available(), "Tesseract with Dutch is not installed (apt-get install tesseract-ocr tesseract-ocr-nld): OCR test skipped");
        Path file = TestDocuments.scannedPdf(dir.resolve("stofferig.pdf"), Arrays.asList(
                "Datum: 9 juni 2020", "Betreft: Voortgang gebiedsprogramma", null,
                "Sinds het najaar van 2019 werken gemeenten, provincies en",
                "waterschappen samen in twaalf kansrijke gebieden.",
                "De werkgroep legt de lessen vast in een slotnotitie, die in",
                "december 2021 aan de opdrachtgevers wordt overhandigd."), 0.02); // unfiltered: "h het najaar’", "20 2021 6"
        String body = answerable(extract(file)).stream().map(Passage::text).collect(Collectors.joining("\n"));
        for (String words : List.of("Sinds het najaar van 2019 werken gemeenten, provincies en waterschappen samen",
                "die in december 2021 aan de opdrachtgevers wordt overhandigd.")) {
            assertTrue(body.contains(words), words + " in: " + body);
        }
    }

    @Test
    void theMedianFilterRemovesSpecklesAndKeepsStrokes() {
        java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        var raster = page.getRaster();
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                raster.setSample(x, y, 0, x >= 10 && x < 13 ? 0 : 255); // a stroke three pixels wide
            }
        }
        raster.setSample(30, 30, 0, 0); // a speckle
        raster.setSample(25, 5, 0, 0);
        raster.setSample(26, 5, 0, 0);
        var clean = OcrImages.median3(page).getRaster();
        assertEquals(255, clean.getSample(30, 30, 0));
        assertEquals(255, clean.getSample(25, 5, 0), "a speckle of two pixels goes too");
        assertEquals(0, clean.getSample(11, 20, 0));
        assertEquals(0, clean.getSample(10, 20, 0), "the stroke keeps its width");
        assertEquals(0, clean.getSample(12, 20, 0));
    }

    @Test
    void pageWithoutTextIsSkippedWithAReasonNeverIndexedEmpty() throws IOException {
        Path file = TestDocuments.pdfPages(dir.resolve("leeg.pdf"), new GregorianCalendar(2020, Calendar.JANUARY, 1),
                List.of(Arrays.asList((String) null)));
        Extraction result = extractor.extract(dir, file);
        String reason = assertInstanceOf(Extraction.Skipped.class, result).reason();
        assertTrue(reason.equals("no text") || reason.startsWith("no text layer"), reason);
    }
}

package nl.ibp.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that must be skipped with a reason, without affecting the others. */
class ExtractorBadFilesTest {

    @TempDir
    Path dir;

    private static String skipReason(Extractor extractor, Path corpus, Path file) {
        Extraction result = extractor.extract(corpus, file);
        return assertInstanceOf(Extraction.Skipped.class, result, () -> "not skipped: " + result).reason();
    }

    private String skipReason(Path file) {
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults())) {
            return skipReason(extractor, dir, file);
        }
    }

    private Path goodPdf(String name) throws IOException {
        return TestDocuments.pdf(dir.resolve(name), "Goed", Arrays.asList("Een goede alinea tekst."), null);
    }

    @Test
    void zeroByteFile() throws IOException {
        assertEquals("empty file", skipReason(Files.createFile(dir.resolve("leeg.pdf"))));
    }

    @Test
    void truncatedPdfIsCorrupt() throws IOException {
        byte[] bytes = Files.readAllBytes(goodPdf("heel.pdf"));
        Path broken = Files.write(dir.resolve("kapot.pdf"), Arrays.copyOf(bytes, 400));
        String reason = skipReason(broken);
        assertTrue(reason.startsWith("corrupt: "), reason);
    }

    @Test
    void encryptedPdf() throws IOException {
        Path file = TestDocuments.pdf(dir.resolve("geheim.pdf"), "Geheim",
                Arrays.asList("Vertrouwelijke tekst."), "user-secret");
        assertEquals("encrypted", skipReason(file));
    }

    @Test
    void pngIsUnsupported() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 0x77, 0x53, (byte) 0xde};
        // The .txt name is a lie: the type comes from the content.
        assertEquals("unsupported type image/png", skipReason(Files.write(dir.resolve("plaatje.txt"), png)));
    }

    @Test
    void randomBinaryIsUnsupported() throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        String reason = skipReason(Files.write(dir.resolve("ruis.bin"), noise));
        assertTrue(reason.startsWith("unsupported type "), reason);
    }

    @Test
    void largerThanTheSizeLimit() throws IOException {
        Path file = TestDocuments.write(dir.resolve("groot.txt"), "x".repeat(2_000));
        try (Extractor extractor = new Extractor(new ExtractionLimits(1_000, 1_000_000, Duration.ofSeconds(30)))) {
            assertEquals("larger than the size limit (2000 bytes > 1000 bytes)", skipReason(extractor, dir, file));
        }
    }

    @Test
    void moreTextThanTheWriteLimit() throws IOException {
        Path file = TestDocuments.write(dir.resolve("lang.txt"), "Een zin met woorden.\n".repeat(100));
        try (Extractor extractor = new Extractor(new ExtractionLimits(1_000_000, 500, Duration.ofSeconds(30)))) {
            assertEquals("text exceeds the write limit of 500 characters", skipReason(extractor, dir, file));
        }
    }

    @Test
    void highlyCompressedDocxIsAZipBomb() throws IOException {
        Path file = TestDocuments.compressibleDocx(dir.resolve("bom.docx"), 3_000_000);
        String reason = skipReason(file);
        assertTrue(reason.startsWith("zip bomb suspected: "), reason);
    }

    @Test
    void parseTimeout() throws IOException {
        Path file = TestDocuments.write(dir.resolve("traag.txt"), "Tekst om te parsen.\n\n".repeat(20_000));
        try (Extractor extractor = new Extractor(new ExtractionLimits(10_000_000, 10_000_000, Duration.ofMillis(1)))) {
            assertEquals("parse timed out after 1 ms", skipReason(extractor, dir, file));
        }
    }

    @Test
    void invalidSidecarDate() throws IOException {
        Path file = TestDocuments.write(dir.resolve("x.txt"), "Tekst.");
        Files.writeString(dir.resolve("x.txt.meta.properties"), "title=X\ndate=foo\n");
        assertEquals("invalid sidecar x.txt.meta.properties: date 'foo' is not yyyy-mm-dd", skipReason(file));
    }

    @Test
    void sidecarWithUnknownKey() throws IOException {
        Path file = TestDocuments.write(dir.resolve("y.txt"), "Tekst.");
        Files.writeString(dir.resolve("y.txt.meta.properties"), "titel=Y\n");
        String reason = skipReason(file);
        assertTrue(reason.startsWith("invalid sidecar y.txt.meta.properties: unknown key 'titel'"), reason);
    }

    @Test
    void badLimitsAreRejectedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ExtractionLimits(0, 10, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ExtractionLimits(10, -5, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("-5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ExtractionLimits(10, 10, Duration.ofSeconds(-2)));
        assertTrue(e.getMessage().contains("PT-2S"), e.getMessage());
    }

    @Test
    void corpusWithGoodAndBadFilesExtractsAllGoodOnes() throws IOException {
        goodPdf("a-goed.pdf");
        TestDocuments.write(dir.resolve("b-goed.txt"), "Goede tekst.");
        TestDocuments.write(dir.resolve("sub/c-goed.html"), "<html><body><h1>Kop</h1><p>Tekst.</p></body></html>");
        Files.createFile(dir.resolve("d-leeg.txt"));
        byte[] pdf = Files.readAllBytes(goodPdf("e-heel.pdf"));
        Files.write(dir.resolve("e-kapot.pdf"), Arrays.copyOf(pdf, 300));
        Files.delete(dir.resolve("e-heel.pdf"));
        TestDocuments.pdf(dir.resolve("f-geheim.pdf"), "G", Arrays.asList("geheim"), "pw");
        TestDocuments.write(dir.resolve("g-sidecar.txt"), "Tekst.");
        Files.writeString(dir.resolve("g-sidecar.txt.meta.properties"), "date=15-02-2018\n");
        TestDocuments.write(dir.resolve("_synoniemen.txt"), "configuratie");

        Map<String, Extraction> results;
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults())) {
            results = CorpusFiles.list(dir).stream()
                    .map(f -> extractor.extract(dir, f))
                    .collect(Collectors.toMap(Extraction::id, Function.identity()));
        }

        assertEquals(List.of("a-goed.pdf", "b-goed.txt", "d-leeg.txt", "e-kapot.pdf", "f-geheim.pdf",
                "g-sidecar.txt", "sub/c-goed.html"), results.keySet().stream().sorted().toList());
        for (String good : List.of("a-goed.pdf", "b-goed.txt", "sub/c-goed.html")) {
            assertInstanceOf(Extraction.Extracted.class, results.get(good), good);
        }
        for (String bad : List.of("d-leeg.txt", "e-kapot.pdf", "f-geheim.pdf", "g-sidecar.txt")) {
            assertInstanceOf(Extraction.Skipped.class, results.get(bad), bad);
        }
    }
}

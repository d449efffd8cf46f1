package nl.ibp.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that must not take the indexer down, run as real processes where the failure is about processes. */
class HostileFilesTest {

    @TempDir
    Path dir;

    /**
     * A DOCX of a few MB whose document.xml inflates to 1 GB: POI loads the XML before any
     * character limit applies. The indexer runs with -Xmx256m; the worker gets its own heap.
     */
    static Path zipBombDocx(Path file, long xmlBytes) throws IOException {
        return zipBombDocx(file, xmlBytes, Deflater.BEST_COMPRESSION);
    }

    static Path zipBombDocx(Path file, long xmlBytes, int level) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(level);
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
                    + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
                    .getBytes(StandardCharsets.UTF_8));
            // Attributes, not text: no character output reaches the write limit or the ratio check first.
            byte[] chunk = "<w:p w:rsidR=\"00AB12CD\" w:rsidRDefault=\"00AB12CD\"/>".repeat(20_000)
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < xmlBytes; written += chunk.length) {
                zip.write(chunk);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private record Run(int exit, String out) {
    }

    /** {@code ibp index} as its own JVM with a small heap, as a maintainer or the bot runs it. */
    private Run index(Path corpus, Path index) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), "nl.ibp.cli.Main", "index",
                "--corpus", corpus.toString(), "--index", index.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "index did not finish");
        return new Run(p.exitValue(), out);
    }

    @Test
    @Tag("slow")
    void zipBombIsSkippedUnderASmallHeapAndNotRetriedUntilItChanges() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        TestDocuments.write(corpus.resolve("brief.txt"), "Datum 1 maart 2019\n\nDe gemeenten werken samen aan het klimaat.\n");
        zipBombDocx(corpus.resolve("bom.docx"), 1L << 30);
        assertTrue(Files.size(corpus.resolve("bom.docx")) < 8L << 20, "the bomb is small on disk");

        Run first = index(corpus, dir.resolve("index"));
        assertEquals(0, first.exit(), first.out());
        assertTrue(first.out().contains("overgeslagen: bom.docx ("), first.out());
        assertTrue(first.out().contains("out of memory") || first.out().contains("zip bomb"), first.out());
        assertTrue(first.out().contains("toegevoegd: brief.txt"), first.out());
        assertTrue(!first.out().contains("OutOfMemoryError"), "no stack trace: " + first.out());

        long start = System.nanoTime();
        Run second = index(corpus, dir.resolve("index"));
        assertEquals(0, second.exit(), second.out());
        assertTrue(second.out().contains("overgeslagen: bom.docx ("), "still listed: " + second.out());
        assertTrue(second.out().contains("al actueel"), "remembered by its hash, not parsed again: " + second.out());
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 60);
    }

    @Test
    void zipBombIsMeasuredBeforeAParserLoadsIt() throws IOException {
        Path bomb = zipBombDocx(dir.resolve("bom.docx"), ZipGuard.MAX_INFLATED_BYTES + (8L << 20), Deflater.BEST_SPEED);
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults())) {
            String reason = assertInstanceOf(Extraction.Skipped.class, extractor.extract(dir, bomb)).reason();
            assertTrue(reason.startsWith("zip bomb suspected: word/document.xml inflates to more than 200 MB"), reason);
        }
    }

    @Test
    @Tag("slow")
    void workerThatRunsOutOfMemoryEndsAloneAndTheNextFileIsRead() throws IOException {
        // 40 MB of text is within the size limit, but not within a 32 MB worker heap.
        Path big = dir.resolve("groot.txt");
        try (var out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            String line = "De gemeenten werken samen aan het klimaat en aan de woningbouw in de regio.\n";
            for (long written = 0; written < 40L << 20; written += line.length()) {
                out.write(line);
            }
        }
        Path good = TestDocuments.write(dir.resolve("goed.txt"), "De gemeenten werken samen aan het klimaat.");
        ExtractionLimits small = new ExtractionLimits(50L << 20, 200_000_000, java.time.Duration.ofSeconds(120), 32);
        try (Extractor extractor = new Extractor(small)) {
            String reason = assertInstanceOf(Extraction.Skipped.class, extractor.extract(dir, big)).reason();
            assertTrue(reason.startsWith("out of memory while parsing (limit 32 MB)"), reason);
            SourceDocument doc = assertInstanceOf(Extraction.Extracted.class, extractor.extract(dir, good)).document();
            assertEquals("De gemeenten werken samen aan het klimaat.", doc.blocks().getFirst().text());
        }
    }

    @Test
    void unreadableFileIsSkippedWithAReason() throws IOException {
        Path file = TestDocuments.write(dir.resolve("geheim.txt"), "Tekst.");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file), "running as root: every file is readable, test skipped");
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults())) {
            String reason = assertInstanceOf(Extraction.Skipped.class, extractor.extract(dir, file)).reason();
            assertTrue(reason.startsWith("unreadable"), reason);
        }
    }

    @Test
    void symlinksAndSpecialFilesAreListedAsPassedOver() throws IOException, InterruptedException {
        TestDocuments.write(dir.resolve("a.txt"), "Tekst.");
        Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("a.txt"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pijp").toString()).start();
        boolean fifo = mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0;
        CorpusFiles.Listing listing = CorpusFiles.scan(dir);
        assertEquals(List.of(dir.resolve("a.txt")), listing.files());
        List<String> passed = listing.unlisted().stream().map(u -> u.id() + ": " + u.reason()).toList();
        assertTrue(passed.contains("link.txt: symbolic link (not followed)"), passed.toString());
        if (fifo) {
            assertTrue(passed.contains("pijp: not a regular file (a pipe, socket or device)"), passed.toString());
        }
    }

    @Test
    void fileWithoutTextIsReportedAsSuch() throws IOException {
        Path file = TestDocuments.write(dir.resolve("wit.txt"), "   \n\n\t\n");
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults())) {
            assertEquals("no text", assertInstanceOf(Extraction.Skipped.class, extractor.extract(dir, file)).reason());
        }
    }

}

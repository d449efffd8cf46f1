package nl.ibp.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.ibp.ingest.Block.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real corpus at the worktree root. */
class RealCorpusTest {

    private static final Path CORPUS = Path.of("corpus");
    private static final String LEDENBRIEF = "lbr-18-004-stand-van-zaken-ibp.txt";

    private static Extractor extractor;

    @BeforeAll
    static void open() {
        extractor = new Extractor(ExtractionLimits.defaults());
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    private static SourceDocument extract(Path corpus, Path file) {
        Extraction result = extractor.extract(corpus, file);
        return assertInstanceOf(Extraction.Extracted.class, result, () -> "skipped: " + result).document();
    }

    @Test
    void bothDocumentsExtractWithTheirSidecarMetadata() throws IOException {
        List<Path> files = CorpusFiles.list(CORPUS);
        assertEquals(List.of(LEDENBRIEF, "programmastart-ibp.txt"),
                files.stream().map(f -> CorpusFiles.id(CORPUS, f)).toList());

        SourceDocument brief = extract(CORPUS, files.get(0));
        assertEquals("Stand van zaken Interbestuurlijk Programma", brief.title());
        assertEquals(Optional.of(LocalDate.of(2018, 2, 15)), brief.date());
        assertEquals("Lbr. 18/004", brief.kenmerk());
        assertEquals("ledenbrief", brief.type());
        assertEquals("text/plain", brief.mediaType());
        assertTrue(brief.blocks().contains(
                new Block(Type.LIST_ITEM, 1, "a) Problematische schulden voorkomen en oplossen")));

        SourceDocument start = extract(CORPUS, files.get(1));
        assertEquals("Programmastart IBP", start.title());
        assertEquals(Optional.of(LocalDate.of(2018, 2, 14)), start.date());
        assertEquals("Bijlage bij Lbr. 18/004", start.kenmerk());
        assertEquals("programmastart", start.type());
        assertTrue(start.blocks().contains(new Block(Type.PARAGRAPH, 0, "1. Samen aan de slag voor het klimaat")));
        assertTrue(start.blocks().contains(new Block(Type.TABLE_ROW, 0,
                "Uitgaven Rijksbegroting\t106.995\t126.574\t139.811\t144.273\t147.135\t151.348")));
        assertTrue(start.blocks().size() > 300, "blocks: " + start.blocks().size());
    }

    @Test
    void ledenbriefWithoutSidecarGetsItsMetadataFromTheLetterHeader(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(CORPUS.resolve(LEDENBRIEF), dir.resolve(LEDENBRIEF));

        SourceDocument brief = extract(dir, copy);

        assertEquals(Optional.of(LocalDate.of(2018, 2, 15)), brief.date());
        assertEquals("Lbr. 18/004", brief.kenmerk());
        assertEquals("Stand van zaken Interbestuurlijk Programma", brief.title());
        assertEquals("ledenbrief", brief.type());
    }

    @Test
    void programmastartWithoutSidecarFallsBackToItsFirstLine(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(CORPUS.resolve("programmastart-ibp.txt"), dir.resolve("programmastart-ibp.txt"));

        SourceDocument start = extract(dir, copy);

        assertEquals("Programmastart IBP", start.title());
        assertEquals("", start.type());
    }
}

package nl.ibp.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFileTest {

    private static List<String> lines(String text, String source) {
        return DataFiles.lines(text).stream().map(DataFiles.Line::text).toList();
    }

    @Test
    void theBundledCopyIsTheDefaultAndWhatIsInstalledIsCurrent() {
        DataFile<List<String>> kopjes = DataFile.required(SectionNames.FILE, DataFileTest::lines);
        List<String> bundled = kopjes.defaults();
        assertTrue(bundled.size() > 1, "the build bundles the shipped " + SectionNames.FILE + ": " + bundled);
        assertSame(bundled, kopjes.current());
        kopjes.use(List.of("Eigen kopje"));
        assertEquals(List.of("Eigen kopje"), kopjes.current());
        assertSame(bundled, kopjes.defaults());
    }

    @Test
    void aCorpusFileIsReadAndAMissingOneGivesTheDefault(@TempDir Path dir) throws Exception {
        DataFile<List<String>> kopjes = DataFile.required(SectionNames.FILE, DataFileTest::lines);
        Path file = dir.resolve(SectionNames.FILE);
        assertSame(kopjes.defaults(), kopjes.load(file));
        Files.writeString(file, "# commentaar\nEen\n\nTwee\n");
        assertEquals(List.of("Een", "Twee"), kopjes.load(file));
    }

    @Test
    void aFileTheBuildDidNotBundle() {
        assertEquals(List.of("geen"), DataFile.optional("_bestaat-niet.txt", DataFileTest::lines, () -> List.of("geen")).defaults());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DataFile.required("_bestaat-niet.txt", DataFileTest::lines).current());
        assertTrue(e.getMessage().contains("_bestaat-niet.txt"), e.getMessage());
    }

    @Test
    void aBadLineNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(Opgaven.FILE);
        Files.writeString(file, "- nummer: geen getal\n");
        DataFileException e = assertThrows(DataFileException.class, () -> Opgaven.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}

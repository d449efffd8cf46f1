package nl.ibp.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFilesTest {

    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void listsDocumentsRecursivelySortedAndSkipsConfigurationHiddenSidecarsAndSymlinks()
            throws IOException {
        write("b.txt", "b");
        write("a.pdf", "a");
        write("sub/c.txt", "c");
        write("a.pdf.meta.properties", "title=A");
        write("_synoniemen.txt", "x");
        write("_afspraken.yaml", "x");
        write(".hidden", "x");
        write(".git/config", "x");
        write("_config/d.txt", "x");
        Path target = write("sub/e.txt", "e");
        try {
            Files.createSymbolicLink(dir.resolve("link.txt"), target);
        } catch (UnsupportedOperationException | IOException e) {
            // No symlinks on this file system: the rest of the test still holds.
        }

        List<String> ids = CorpusFiles.list(dir).stream().map(p -> CorpusFiles.id(dir, p)).toList();

        assertEquals(List.of("a.pdf", "b.txt", "sub/c.txt", "sub/e.txt"), ids);
    }

    @Test
    void idIsRelativeWithForwardSlashes() {
        assertEquals("sub/dir/x.txt", CorpusFiles.id(dir, dir.resolve("sub").resolve("dir").resolve("x.txt")));
        assertEquals("x.txt", CorpusFiles.id(dir.resolve("."), dir.resolve("x.txt")));
    }

    @Test
    void missingCorpusDirectoryIsAnError() {
        assertThrows(IOException.class, () -> CorpusFiles.list(dir.resolve("missing")));
    }

    @Test
    void sha256OfKnownContent() throws IOException {
        Path empty = write("empty.txt", "");
        Path abc = write("abc.txt", "abc");
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.sha256(empty));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.sha256(abc));
        // Larger than the read buffer, so the streaming loop runs more than once.
        Path big = Files.write(dir.resolve("big.bin"), new byte[200_000]);
        assumeTrue(Files.size(big) == 200_000);
        assertEquals(64, ContentHash.sha256(big).length());
    }
}

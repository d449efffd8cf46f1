package nl.ibp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of the shipped corpus for tests that change or index it. */
public final class TestCorpus {

    private TestCorpus() {
    }

    /** Copies {@code corpus/} (documents, sidecars, synonyms) into {@code target}. */
    public static Path copyTo(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}

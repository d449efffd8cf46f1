package nl.ibp.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real corpus texts (corpus/*.txt, without the '_' configuration files), loaded once. */
final class CorpusFixture {

    static final Path CORPUS = Path.of("corpus");

    private static CompoundDictionary dictionary;

    private CorpusFixture() {
    }

    static synchronized CompoundDictionary dictionary() {
        if (dictionary == null) {
            dictionary = CompoundDictionary.build(texts());
        }
        return dictionary;
    }

    static List<String> texts() {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".txt") && !name.startsWith("_")) {
                    texts.add(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            if (texts.isEmpty()) {
                throw new IllegalStateException("no corpus texts in " + CORPUS.toAbsolutePath());
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.ibp.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one generation was built from: each corpus file with its fingerprint and outcome.
 * The next run compares fingerprints with it to find added, changed and removed files.
 *
 * @param format      {@link Indexer#FORMAT} of the code that wrote it; another format forces a rebuild
 * @param build       the build that wrote it ({@link nl.ibp.config.Build#id()}); another build rebuilds
 * @param generation  the generation number
 * @param config      fingerprint of the corpus configuration files (synonyms)
 * @param indexedAt   when the run finished, ISO-8601
 * @param files       every corpus file seen, indexed or skipped
 * @param passages    number of passages in the generation
 */
public record Manifest(int format, String build, long generation, String config, String indexedAt, List<FileEntry> files,
                       int passages) {

    /**
     * @param reason "" when indexed, else why the file was skipped
     */
    public record FileEntry(String id, String fingerprint, String title, String date, String reason) {
        public boolean indexed() {
            return reason.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        files = List.copyOf(files);
    }

    public Map<String, FileEntry> byId() {
        return files.stream().collect(Collectors.toMap(FileEntry::id, Function.identity()));
    }

    /** The date of the newest indexed document, as yyyy-mm-dd, when any document has a date. */
    public Optional<String> newestDocumentDate() {
        return files.stream().filter(FileEntry::indexed).map(FileEntry::date)
                .filter(d -> !d.isEmpty()).max(String::compareTo);
    }

    void write(Path generation) throws IOException {
        JSON.writeValue(generation.resolve(IndexLayout.MANIFEST).toFile(), this);
    }

    /** The manifest of a generation; empty when there is none or it cannot be read (the next run rebuilds). */
    public static Optional<Manifest> read(Path generation) throws IOException {
        Path file = generation.resolve(IndexLayout.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Manifest.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

package nl.ibp.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.ibp.ingest.DocumentJson;
import nl.ibp.ingest.SourceDocument;

/**
 * Extracted documents on disk, one JSON file per fingerprint. Parsing with Tika is the costly
 * step of indexing; with this cache a run re-parses only files that are new or changed.
 */
final class DocumentCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    DocumentCache(Path dir) {
        this.dir = dir;
    }

    Optional<SourceDocument> get(String fingerprint) {
        Path file = dir.resolve(fingerprint + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(JSON.readTree(file.toFile())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry is re-extracted, never fatal
        }
    }

    void put(String fingerprint, SourceDocument document) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, fingerprint, ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), toJson(document));
            Files.move(tmp, dir.resolve(fingerprint + ".json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp); // a full disk leaves no half-written entry behind
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Removes the entries of files that are no longer in the corpus. */
    void retainOnly(Set<String> fingerprints) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!fingerprints.contains(name.replaceFirst("\\.json$", ""))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static ObjectNode toJson(SourceDocument d) {
        return DocumentJson.toJson(d);
    }

    private static SourceDocument fromJson(JsonNode n) {
        return DocumentJson.fromJson(n);
    }
}

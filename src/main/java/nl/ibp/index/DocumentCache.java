package nl.ibp.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import nl.ibp.passage.Passage;
import nl.ibp.passage.PassageKind;
import java.util.stream.Stream;
import nl.ibp.ingest.DocumentJson;
import nl.ibp.ingest.SourceDocument;

/**
 * Extracted documents on disk, one JSON file per fingerprint. Parsing with Tika is the costly
 * step of indexing; with this cache a run re-parses only files that are new or changed.
 *
 * <p>Beside each document, its passages as the cutter cut them ({@code <fingerprint>.passages.json},
 * with the document's metadata), valid for one build and one set of configuration files (the
 * {@code cut} key: the cutter reads the opgaven, section names and letter layout from them): a
 * run with the same key takes them as they are instead of reading the document and cutting it again.
 */
final class DocumentCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PASSAGES = ".passages.json";

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
        write(dir.resolve(fingerprint + ".json"), fingerprint, toJson(document));
    }

    /** A document's metadata and its passages, when they were cut with the same {@code cutKey}. */
    Optional<Derivation.CutDocument> passages(String fingerprint, String cutKey) {
        Path file = dir.resolve(fingerprint + PASSAGES);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (!cutKey.equals(n.path("key").asText())) {
                return Optional.empty();
            }
            SourceDocument d = fromJson(n.get("document"));
            List<Passage> passages = new ArrayList<>();
            for (JsonNode p : n.get("passages")) {
                List<String> path = new ArrayList<>();
                p.get("h").forEach(h -> path.add(h.asText()));
                passages.add(new Passage(p.get("id").asText(), d.id(), path,
                        p.get("o").isNull() ? OptionalInt.empty() : OptionalInt.of(p.get("o").asInt()), p.get("t").asText(),
                        p.get("n").asInt(), PassageKind.valueOf(p.get("k").asText()),
                        p.get("p").isNull() ? OptionalInt.empty() : OptionalInt.of(p.get("p").asInt())));
            }
            return Optional.of(new Derivation.CutDocument(d, passages));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry is cut again, never fatal
        }
    }

    /** Keeps a document's metadata and passages for runs with the same {@code cutKey}. */
    void putPassages(String fingerprint, String cutKey, Derivation.CutDocument cut) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("key", cutKey);
        n.set("document", toJson(cut.document()));
        ArrayNode passages = n.putArray("passages");
        for (Passage p : cut.passages()) {
            ObjectNode o = passages.addObject();
            o.put("id", p.id());
            ArrayNode path = o.putArray("h");
            p.headingPath().forEach(path::add);
            if (p.opgave().isPresent()) {
                o.put("o", p.opgave().getAsInt());
            } else {
                o.putNull("o");
            }
            o.put("t", p.text());
            o.put("n", p.ordinal());
            o.put("k", p.kind().name());
            if (p.page().isPresent()) {
                o.put("p", p.page().getAsInt());
            } else {
                o.putNull("p");
            }
        }
        write(dir.resolve(fingerprint + PASSAGES), fingerprint, n);
    }

    private void write(Path target, String fingerprint, ObjectNode json) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, fingerprint, ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), json);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
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
                String fingerprint = name.endsWith(PASSAGES) ? name.substring(0, name.length() - PASSAGES.length())
                        : name.replaceFirst("\\.json$", "");
                if (!fingerprints.contains(fingerprint)) {
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

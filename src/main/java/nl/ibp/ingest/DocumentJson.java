package nl.ibp.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SourceDocument} as JSON: the form in which the extraction process hands a document to
 * the indexer, and in which the index caches extractions. Fields that an older cache entry lacks
 * get their defaults.
 */
public final class DocumentJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentJson() {
    }

    public static ObjectNode toJson(SourceDocument d) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", d.id()).put("contentHash", d.contentHash()).put("mediaType", d.mediaType())
                .put("title", d.title()).put("date", d.date().map(LocalDate::toString).orElse(""))
                .put("kenmerk", d.kenmerk()).put("type", d.type())
                .put("titleSource", d.details().titleSource().name())
                .put("dateSource", d.details().dateSource().name())
                .put("kamerstuk", d.details().kamerstuk()).put("sender", d.details().sender());
        ArrayNode blocks = node.putArray("blocks");
        for (Block b : d.blocks()) {
            ObjectNode o = blocks.addObject().put("type", b.type().name()).put("level", b.level()).put("text", b.text());
            if (b.page() > 0) {
                o.put("page", b.page());
            }
        }
        return node;
    }

    /** @throws IllegalArgumentException when the JSON is not a document */
    public static SourceDocument fromJson(JsonNode n) {
        if (n == null || !n.isObject() || !n.path("blocks").isArray()) {
            throw new IllegalArgumentException("not a document");
        }
        List<Block> blocks = new ArrayList<>();
        for (JsonNode b : n.get("blocks")) {
            blocks.add(new Block(Block.Type.valueOf(b.get("type").asText()), b.get("level").asInt(),
                    b.get("text").asText(), b.path("page").asInt(0)));
        }
        String date = n.path("date").asText("");
        SourceDocument.Details details = new SourceDocument.Details(
                source(n.path("titleSource").asText("")), source(n.path("dateSource").asText("")),
                n.path("kamerstuk").asText(""), n.path("sender").asText(""));
        return new SourceDocument(n.get("id").asText(), n.get("contentHash").asText(), n.get("mediaType").asText(),
                n.get("title").asText(), date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date)),
                n.path("kenmerk").asText(""), n.path("type").asText(""), blocks, details);
    }

    public static String write(SourceDocument d) {
        return toJson(d).toString();
    }

    public static SourceDocument read(String json) {
        try {
            return fromJson(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static MetadataSource source(String name) {
        for (MetadataSource s : MetadataSource.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return MetadataSource.NONE;
    }
}

package nl.ibp.agreements;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The curated overlay maintainers edit ({@code corpus/_afspraken.yaml}): add an agreement the
 * extraction missed, correct one, suppress a false one, or set a status, each with a reason.
 * A bad entry is skipped and reported with its line; the others still apply.
 */
public final class Overlay {

    public static final String FILE = "_afspraken.yaml";

    /** One validated entry. */
    sealed interface Entry permits Add, Correct, Suppress, Status {
        int line();
    }

    record Add(int line, Agreement agreement) implements Entry {
    }

    record Correct(int line, String id, Optional<OptionalInt> opgave, Optional<String> text,
                   Optional<List<Deadline>> deadlines, Optional<List<Responsibility>> actors) implements Entry {
    }

    record Suppress(int line, String id) implements Entry {
    }

    record Status(int line, String id, String status, String reason) implements Entry {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ACTIONS = Set.of("add", "correct", "suppress", "status");

    private final List<Entry> entries;
    private final List<String> problems;

    private Overlay(List<Entry> entries, List<String> problems) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public static Overlay empty() {
        return new Overlay(List.of(), List.of());
    }

    /** Problems found while reading, each "file:line: what is wrong"; their entries were skipped. */
    public List<String> problems() {
        return problems;
    }

    public int size() {
        return entries.size();
    }

    /** Reads and validates the overlay; a missing file is an empty overlay. */
    public static Overlay load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        return parse(Files.readString(file), file.getFileName().toString());
    }

    static Overlay parse(String yaml, String name) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return empty();
            }
            if (first != JsonToken.START_ARRAY) {
                problems.add(name + ":" + parser.currentLocation().getLineNr()
                        + ": the file must be a list of entries, each starting with '- action: …'");
                return new Overlay(entries, problems);
            }
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                int line = parser.currentLocation().getLineNr();
                JsonNode node = YAML.readTree(parser); // reads the whole item, whatever it is, so the next one follows
                if (!node.isObject()) {
                    problems.add(name + ":" + line + ": an entry must be a mapping ('- action: …' with 'key: value'"
                            + " lines), not '" + (node.isValueNode() ? node.asText() : node.toString()) + "'; entry skipped");
                    continue;
                }
                try {
                    entries.add(entry(node, line));
                } catch (IllegalArgumentException e) {
                    problems.add(name + ":" + line + ": " + e.getMessage() + "; entry skipped");
                }
            }
        } catch (IOException e) {
            problems.add(name + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + "); overlay ignored");
            return new Overlay(List.of(), problems);
        }
        return new Overlay(entries, problems);
    }

    private static Entry entry(JsonNode n, int line) {
        String action = text(n, "action").orElseThrow(() -> new IllegalArgumentException("missing 'action'"));
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown action '" + action + "' (add, correct, suppress or status)");
        }
        String reason = text(n, "reason").orElseThrow(() -> new IllegalArgumentException("missing 'reason'"));
        return switch (action) {
            case "add" -> {
                String text = text(n, "text").orElseThrow(() -> new IllegalArgumentException("'add' needs 'text'"));
                String document = text(n, "document").orElseThrow(() -> new IllegalArgumentException("'add' needs 'document'"));
                Agreement.Source source = new Agreement.Source(document, document, Optional.empty(),
                        text(n, "section").orElse(""), "");
                yield new Add(line, new Agreement(AgreementExtractor.id("overlay", text), opgave(n).orElse(OptionalInt.empty()),
                        text, deadlines(n).orElse(List.of()), actors(n).orElse(List.of()), source, Agreement.OPEN, true));
            }
            case "correct" -> {
                String id = id(n);
                Correct c = new Correct(line, id, opgave(n), text(n, "text"), deadlines(n), actors(n));
                if (c.opgave().isEmpty() && c.text().isEmpty() && c.deadlines().isEmpty() && c.actors().isEmpty()) {
                    throw new IllegalArgumentException("'correct' changes nothing: give opgave, text, deadlines or actors");
                }
                yield c;
            }
            case "suppress" -> new Suppress(line, id(n));
            default -> {
                String status = text(n, "status").orElseThrow(() -> new IllegalArgumentException("'status' needs 'status'"));
                if (!status.equals(Agreement.OPEN) && !status.equals(Agreement.DONE)) {
                    throw new IllegalArgumentException("status must be 'open' or 'afgerond', not '" + status + "'");
                }
                yield new Status(line, id(n), status, reason);
            }
        };
    }

    private static String id(JsonNode n) {
        return text(n, "id").orElseThrow(() -> new IllegalArgumentException("missing 'id' of the agreement"));
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText().strip());
    }

    /** Empty when absent; present-and-empty for {@code opgave: null} (no opgave). */
    private static Optional<OptionalInt> opgave(JsonNode n) {
        if (!n.has("opgave")) {
            return Optional.empty();
        }
        JsonNode v = n.get("opgave");
        if (v.isNull()) {
            return Optional.of(OptionalInt.empty());
        }
        if (!v.canConvertToInt() || nl.ibp.passage.Opgaven.find(v.asInt()).isEmpty()) {
            var numbers = nl.ibp.passage.Opgaven.ALL.stream().map(o -> o.number()).toList();
            throw new IllegalArgumentException("opgave must be " + numbers.getFirst() + "-" + numbers.getLast()
                    + " or null, not '" + v.asText() + "'");
        }
        return Optional.of(OptionalInt.of(v.asInt()));
    }

    private static Optional<List<Deadline>> deadlines(JsonNode n) {
        if (!n.has("deadlines")) {
            return Optional.empty();
        }
        List<Deadline> result = new ArrayList<>();
        for (JsonNode d : n.get("deadlines")) {
            try {
                LocalDate start = LocalDate.parse(d.path("start").asText());
                LocalDate end = d.has("end") ? LocalDate.parse(d.path("end").asText()) : start;
                result.add(new Deadline(d.path("label").asText(start.toString()), start, end,
                        Deadline.Precision.valueOf(d.path("precision").asText("DAY").toUpperCase(Locale.ROOT).replace('-', '_')),
                        Deadline.Kind.valueOf(d.path("kind").asText("DEADLINE").toUpperCase(Locale.ROOT))));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("deadline dates must be yyyy-mm-dd, not '" + e.getParsedString() + "'");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad deadline " + d + ": " + e.getMessage());
            }
        }
        return Optional.of(result);
    }

    private static Optional<List<Responsibility>> actors(JsonNode n) {
        if (!n.has("actors")) {
            return Optional.empty();
        }
        List<Responsibility> result = new ArrayList<>();
        for (JsonNode a : n.get("actors")) {
            String name = a.path("name").asText("");
            if (name.isBlank()) {
                throw new IllegalArgumentException("an actor needs a 'name'");
            }
            try {
                result.add(new Responsibility(new Actor(name, Actor.Type.valueOf(a.path("type").asText("OTHER").toUpperCase(Locale.ROOT))),
                        Responsibility.Role.valueOf(a.path("role").asText("BETROKKEN").toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad actor " + a + ": " + e.getMessage());
            }
        }
        return Optional.of(result);
    }

    /** The result of applying the overlay: the agreements, the statuses to set, and what did not apply. */
    public record Applied(List<Agreement> agreements, List<Status> statuses, List<String> problems) {
    }

    /** Applies the entries in file order to the extracted agreements. */
    public Applied apply(List<Agreement> extracted, Set<String> documents, String name) {
        Map<String, Agreement> byId = new java.util.LinkedHashMap<>();
        extracted.forEach(a -> byId.put(a.id(), a));
        List<Status> statuses = new ArrayList<>();
        List<String> notes = new ArrayList<>(problems);
        for (Entry e : entries) {
            switch (e) {
                case Add add -> {
                    if (!documents.contains(add.agreement().source().document())) {
                        notes.add(name + ":" + e.line() + ": document '" + add.agreement().source().document()
                                + "' is not in the corpus; entry skipped");
                    } else {
                        byId.put(add.agreement().id(), add.agreement());
                    }
                }
                case Correct c -> {
                    Agreement a = byId.get(c.id());
                    if (a == null) {
                        notes.add(name + ":" + e.line() + ": no agreement with id " + c.id() + "; entry skipped");
                    } else {
                        byId.put(a.id(), new Agreement(a.id(), c.opgave().orElse(a.opgave()), c.text().orElse(a.text()),
                                c.deadlines().orElse(a.deadlines()), c.actors().orElse(a.actors()), a.source(), a.status(), true));
                    }
                }
                case Suppress s -> {
                    if (byId.remove(s.id()) == null) {
                        notes.add(name + ":" + e.line() + ": no agreement with id " + s.id() + "; entry skipped");
                    }
                }
                case Status s -> {
                    if (!byId.containsKey(s.id())) {
                        notes.add(name + ":" + e.line() + ": no agreement with id " + s.id() + "; entry skipped");
                    } else {
                        statuses.add(s);
                    }
                }
            }
        }
        return new Applied(new ArrayList<>(byId.values()), statuses, notes);
    }
}

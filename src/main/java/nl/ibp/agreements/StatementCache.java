package nl.ibp.agreements;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.ibp.agreements.AgreementExtractor.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements of every passage the tracker read, by passage content, so that an index run
 * reads again only the passages that are new or changed (as the document cache does for Tika).
 * A key is the SHA-256 of the extraction's inputs: the passage text, the date its relative
 * dates resolve against, the actor lexicon and the build (new code may read text differently).
 *
 * <p>One gzipped JSON file in the index directory, read whole at the start of a run and written
 * whole (temporary file, then rename) at its end with only the keys that run used; an unreadable
 * file is an empty cache, never an error. Thread-safe.
 */
final class StatementCache {

    static final String FILE = "agreements-cache.json.gz";
    private static final Logger LOG = LoggerFactory.getLogger(StatementCache.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final String salt;
    private final Map<String, List<Statement>> before;
    private final Map<String, List<Statement>> used = new ConcurrentHashMap<>();
    private int hits;

    private StatementCache(Path file, String salt, Map<String, List<Statement>> before) {
        this.file = file;
        this.salt = salt;
        this.before = before;
    }

    /** @param salt what else the statements depend on: the build and the actor lexicon */
    static StatementCache open(Path file, String salt) {
        Map<String, List<Statement>> entries = new ConcurrentHashMap<>();
        if (Files.isRegularFile(file)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
                 JsonParser p = JSON.createParser(in)) {
                read(p, entries);
            } catch (IOException | RuntimeException e) {
                LOG.warn("ignoring the unreadable agreements cache {}: {}", file, e.toString());
                entries.clear();
            }
        }
        return new StatementCache(file, salt, entries);
    }

    String key(String passageText, LocalDate date) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(date.toString().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(passageText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The statements of a passage: from the cache, or read now and remembered. */
    List<Statement> statements(ActorLexicon lexicon, String passageText, LocalDate date) {
        String key = key(passageText, date);
        List<Statement> known = used.get(key);
        if (known == null) {
            known = before.get(key);
            if (known != null) {
                synchronized (this) {
                    hits++;
                }
            } else {
                known = AgreementExtractor.statements(lexicon, passageText, date);
            }
            used.put(key, known);
        }
        return known;
    }

    /** How many passages this run took from the cache. */
    synchronized int hits() {
        return hits;
    }

    int size() {
        return used.size();
    }

    /** Writes the entries this run used, replacing the file. */
    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                for (var e : used.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    g.writeArrayFieldStart(e.getKey());
                    for (Statement s : e.getValue()) {
                        write(g, s);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try { // a full disk must leave no half-written cache behind
                Files.deleteIfExists(tmp);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private static void write(JsonGenerator g, Statement s) throws IOException {
        g.writeStartObject();
        g.writeStringField("t", s.text());
        g.writeArrayFieldStart("d");
        for (Deadline d : s.deadlines()) {
            g.writeStartArray();
            g.writeString(d.label());
            g.writeString(d.start().toString());
            g.writeString(d.end().toString());
            g.writeString(d.precision().name());
            g.writeString(d.kind().name());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("a");
        for (Responsibility r : s.actors()) {
            g.writeStartArray();
            g.writeString(r.actor().name());
            g.writeString(r.actor().type().name());
            g.writeString(r.role().name());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void read(JsonParser p, Map<String, List<Statement>> into) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            expect(p.nextToken(), JsonToken.START_ARRAY);
            List<Statement> statements = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String text = null;
                List<Deadline> deadlines = new ArrayList<>();
                List<Responsibility> actors = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    if (field.equals("t")) {
                        p.nextToken();
                        text = p.getText();
                        continue;
                    }
                    expect(p.nextToken(), JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        List<String> v = new ArrayList<>();
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            v.add(p.getText());
                        }
                        if (field.equals("d")) {
                            deadlines.add(new Deadline(v.get(0), LocalDate.parse(v.get(1)), LocalDate.parse(v.get(2)),
                                    Deadline.Precision.valueOf(v.get(3)), Deadline.Kind.valueOf(v.get(4))));
                        } else {
                            actors.add(new Responsibility(new Actor(v.get(0), Actor.Type.valueOf(v.get(1))),
                                    Responsibility.Role.valueOf(v.get(2))));
                        }
                    }
                }
                statements.add(new Statement(text, deadlines, actors));
            }
            into.put(key, List.copyOf(statements));
        }
    }

    private static void expect(JsonToken got, JsonToken want) throws IOException {
        if (got != want) {
            throw new IOException("expected " + want + ", got " + got);
        }
    }
}

package nl.ibp.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gold question: a passage answers it when, normalised, it contains every string of one of
 * the {@code expect} alternatives.
 */
public record GoldQuestion(String id, String question, List<List<String>> expect) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public GoldQuestion {
        expect = expect.stream().map(List::copyOf).toList();
    }

    public boolean answeredBy(String passage) {
        String text = normalize(passage);
        return expect.stream().anyMatch(all -> all.stream().allMatch(s -> text.contains(normalize(s))));
    }

    /** NFKC, lower case, '*' removed, ‘’ to ', dashes U+2010-U+2015 to '-', whitespace collapsed. */
    public static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace("*", "")
                .replaceAll("[‘’]", "'")
                .replaceAll("[\u2010-\u2015]", "-")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** Reads a questions file; a bad line is reported with its number. */
    public static List<GoldQuestion> read(Path file) throws IOException {
        List<GoldQuestion> questions = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                List<List<String>> expect = new ArrayList<>();
                for (JsonNode alternative : node.get("expect")) {
                    List<String> strings = new ArrayList<>();
                    alternative.forEach(s -> strings.add(s.asText()));
                    expect.add(strings);
                }
                questions.add(new GoldQuestion(node.get("id").asText(), node.get("question").asText(), expect));
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ":" + lineNumber + ": not a gold question (" + e.getMessage() + ")");
            }
        }
        return questions;
    }
}

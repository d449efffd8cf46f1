package nl.ibp.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
        return JsonLines.read(file, "a gold question", node -> {
            List<List<String>> expect = new ArrayList<>();
            for (JsonNode alternative : node.get("expect")) {
                List<String> strings = new ArrayList<>();
                alternative.forEach(s -> strings.add(s.asText()));
                expect.add(strings);
            }
            return new GoldQuestion(node.get("id").asText(), node.get("question").asText(), expect);
        });
    }
}

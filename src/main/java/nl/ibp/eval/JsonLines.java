package nl.ibp.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads a JSON-lines gold file; a line that does not parse is reported with its number. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    static <T> List<T> read(Path file, String what, Function<JsonNode, T> parse) throws IOException {
        List<T> values = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                values.add(parse.apply(JSON.readTree(line)));
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ":" + lineNumber + ": not " + what + " (" + e.getMessage() + ")");
            }
        }
        return values;
    }
}

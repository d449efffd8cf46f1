package nl.ibp.passage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reading the domain data files of {@code corpus/} ({@code _opgaven.yaml}, {@code _actoren.txt},
 * …): the file's text, or empty when there is none (the caller then takes the copy the build
 * bundled in the jar). Unreadable files are {@link DataFileException}s naming the file.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /** The file's text; empty when it does not exist. */
    public static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new DataFileException(file + ": geen geldige UTF-8");
        } catch (IOException e) {
            throw new DataFileException(file + ": niet te lezen: " + e.getMessage());
        }
    }

    /** A line of a data file that counts, stripped, with its number (from 1) for error messages. */
    public record Line(int number, String text) {
        /** "source:number", where a {@link DataFileException} says the line is. */
        public String where(String source) {
            return source + ":" + number;
        }
    }

    /** The lines of a data file that count: stripped, without blank lines and lines starting with #. */
    public static java.util.List<Line> lines(String text) {
        java.util.List<Line> out = new java.util.ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(new Line(i + 1, line));
            }
        }
        return out;
    }

    /** A resource the build put in the jar, as text; empty when it is not there. */
    public static Optional<String> bundled(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " from the jar", e);
        }
    }
}

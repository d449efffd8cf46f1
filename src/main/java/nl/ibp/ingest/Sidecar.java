package nl.ibp.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.io.InputStreamReader;

/**
 * The metadata sidecar {@code <file>.meta.properties}: values an editor sets by hand, which
 * override whatever the document says about itself. Absent values are empty Optionals.
 */
record Sidecar(Optional<String> title, Optional<LocalDate> date, Optional<String> kenmerk,
               Optional<String> type) {

    static final Sidecar NONE = new Sidecar(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    private static final Set<String> KEYS = Set.of("title", "date", "kenmerk", "type");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A sidecar holds four short values; anything bigger is not a sidecar. */
    private static final long MAX_BYTES = 64 * 1024;

    /** A sidecar that cannot be used; the message is the skip reason. */
    static final class InvalidSidecarException extends Exception {
        InvalidSidecarException(Path sidecar, String problem) {
            super("invalid sidecar " + sidecar.getFileName() + ": " + problem);
        }
    }

    /**
     * Reads the sidecar of {@code document}, or {@link #NONE} when there is none. A sidecar with a
     * mistake is an error rather than ignored: silently indexing with wrong metadata would hide
     * the editor's typo.
     */
    static Sidecar forDocument(Path document) throws InvalidSidecarException {
        Path sidecar = CorpusFiles.sidecarOf(document);
        if (!Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            return NONE;
        }
        if (!Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidSidecarException(sidecar, "not a regular file");
        }
        Properties props = new Properties();
        try {
            if (Files.size(sidecar) > MAX_BYTES) {
                throw new InvalidSidecarException(sidecar, "larger than " + MAX_BYTES + " bytes");
            }
            // Strict UTF-8: a Latin-1 file would otherwise turn "ë" into replacement characters.
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (Reader reader = new InputStreamReader(Files.newInputStream(sidecar), decoder)) {
                props.load(reader);
            }
        } catch (CharacterCodingException e) {
            throw new InvalidSidecarException(sidecar, "not UTF-8");
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed \\uXXXX escape.
            throw new InvalidSidecarException(sidecar, "unreadable (" + e.getMessage() + ")");
        }
        Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new InvalidSidecarException(sidecar, "unknown key '" + unknown.iterator().next()
                    + "' (allowed: title, date, kenmerk, type)");
        }
        return new Sidecar(value(props, "title"), date(sidecar, value(props, "date")),
                value(props, "kenmerk"), value(props, "type"));
    }

    private static Optional<String> value(Properties props, String key) {
        String value = props.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<LocalDate> date(Path sidecar, Optional<String> value)
            throws InvalidSidecarException {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(text));
            }
        } catch (DateTimeParseException e) {
            // Falls through: "2018-02-30" has the right shape but is no date.
        }
        throw new InvalidSidecarException(sidecar, "date '" + text + "' is not yyyy-mm-dd");
    }
}

package nl.ibp.passage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fixed parts of letters that are no answer (header fields, salutations), as
 * maintainers list them in the corpus' {@code _briefopmaak.txt} ({@link #FILE}). The cutter
 * reads a line that opens with a header field as content, never as a heading; the search demotes
 * passages that are such a part. Immutable.
 */
public record LetterParts(List<String> header, List<String> opening) {

    public static final String FILE = "_briefopmaak.txt";
    /** The file in use, its bundled copy and how it is read. */
    private static final DataFile<LetterParts> DATA = DataFile.optional(FILE, LetterParts::parse, LetterParts::none);

    public LetterParts {
        header = List.copyOf(header);
        opening = List.copyOf(opening);
    }

    /** The parts in use: the ones installed last (an index run does this), or the bundled default. */
    public static LetterParts current() {
        return DATA.current();
    }

    public static void use(LetterParts parts) {
        DATA.use(parts);
    }

    /** Whether a line opens with a header field ("Datum 10 april 2020", "Ons kenmerk: …"): content, no heading. */
    public boolean opensWithHeaderField(String line) {
        String t = line.strip().toLowerCase(Locale.ROOT).replace("*", "");
        return header.stream().anyMatch(p -> startsWithWord(t, p));
    }

    public static LetterParts none() {
        return new LetterParts(List.of(), List.of());
    }

    /**
     * Whether a passage is letter boilerplate: it opens with a salutation, or it opens
     * with a header field and holds another one ("Datum 10 april 2020 Onderwerp …").
     */
    public boolean isBoilerplate(String passageText) {
        String t = passageText.strip().toLowerCase(Locale.ROOT).replace("*", "");
        if (opening.stream().anyMatch(p -> startsWithWord(t, p))) {
            return true;
        }
        if (header.stream().noneMatch(p -> startsWithWord(t, p))) {
            return false;
        }
        long fields = header.stream().filter(p -> containsWord(t, p)).count();
        return fields >= 2;
    }

    private static boolean startsWithWord(String text, String phrase) {
        return text.startsWith(phrase) && (text.length() == phrase.length() || !Character.isLetterOrDigit(text.charAt(phrase.length())));
    }

    private static boolean containsWord(String text, String phrase) {
        for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
            boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + phrase.length();
            boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** Reads the file; a missing one gives the copy of the shipped corpus' file in the jar. */
    public static LetterParts load(Path file) {
        return DATA.load(file);
    }

    /** The copy of the shipped corpus' file that the build puts in the jar; none when it is missing. */
    public static LetterParts defaults() {
        return DATA.defaults();
    }

    /** @throws DataFileException at the first bad line, as "source:line: what is wrong" */
    public static LetterParts parse(String text, String source) {
        List<String> header = new ArrayList<>();
        List<String> opening = new ArrayList<>();
        for (DataFiles.Line numbered : DataFiles.lines(text)) {
            String line = numbered.text();
            int n = numbered.number();
            String[] f = line.split("\\s+", 2);
            if (f.length < 2) {
                throw new DataFileException(source + ":" + n + ": verwacht 'soort woorden', bv. 'kop ons kenmerk'");
            }
            String phrase = f[1].strip().toLowerCase(Locale.ROOT);
            switch (f[0].toLowerCase(Locale.ROOT)) {
                case "kop" -> header.add(phrase);
                case "aanhef" -> opening.add(phrase);
                default -> throw new DataFileException(source + ":" + n + ": onbekende soort '" + f[0]
                        + "' (kop of aanhef)");
            }
        }
        return new LetterParts(header, opening);
    }
}

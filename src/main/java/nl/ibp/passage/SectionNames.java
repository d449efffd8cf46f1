package nl.ibp.passage;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The standard section headings inside an opgave of the programme ("Maatschappelijke opgave",
 * "Gezamenlijke ambitie", "Afspraken"), as maintainers list them in the corpus' {@value #FILE}:
 * in plain text such a line is a sub-heading of the opgave it stands in. Immutable.
 */
public record SectionNames(Set<String> names) {

    public static final String FILE = "_kopjes.txt";
    /** The file in use, its bundled copy and how it is read. */
    private static final DataFile<SectionNames> DATA = DataFile.optional(FILE, SectionNames::parse, () -> new SectionNames(Set.of()));

    public SectionNames {
        names = Set.copyOf(names);
    }

    /** Whether a line is exactly one of the section headings (case counts). */
    public boolean isSection(String line) {
        return names.contains(line.strip());
    }

    /** The names in use: the ones installed last (an index run does this), or the bundled default. */
    public static SectionNames current() {
        return DATA.current();
    }

    public static void use(SectionNames names) {
        DATA.use(names);
    }

    /** The copy of the shipped corpus' file that the build puts in the jar; none when it is missing. */
    public static SectionNames defaults() {
        return DATA.defaults();
    }

    /** Reads the file; a missing one gives the {@link #defaults()}. */
    public static SectionNames load(Path file) {
        return DATA.load(file);
    }

    /** One heading per line; lines starting with # and blank lines do not count. */
    public static SectionNames parse(String text, String source) {
        Set<String> names = new LinkedHashSet<>(DataFiles.lines(text).stream().map(DataFiles.Line::text).toList());
        return new SectionNames(names);
    }
}

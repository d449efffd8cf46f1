package nl.ibp.passage;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The standard section headings inside an opgave of the programme ("Maatschappelijke opgave",
 * "Gezamenlijke ambitie", "Afspraken"), as maintainers list them in the corpus' {@value #FILE}:
 * in plain text such a line is a sub-heading of the opgave it stands in. Immutable.
 */
public record SectionNames(Set<String> names) {

    public static final String FILE = "_kopjes.txt";
    private static final String BUNDLED = "/nl/ibp/defaults/" + FILE;
    private static final AtomicReference<SectionNames> IN_USE = new AtomicReference<>();
    private static volatile SectionNames defaults;

    public SectionNames {
        names = Set.copyOf(names);
    }

    /** Whether a line is exactly one of the section headings (case counts). */
    public boolean isSection(String line) {
        return names.contains(line.strip());
    }

    /** The names in use: the ones installed last (an index run does this), or the bundled default. */
    public static SectionNames current() {
        SectionNames s = IN_USE.get();
        return s != null ? s : defaults();
    }

    public static void use(SectionNames names) {
        IN_USE.set(Objects.requireNonNull(names, "names"));
    }

    /** The copy of the shipped corpus' file that the build puts in the jar; none when it is missing. */
    public static SectionNames defaults() {
        SectionNames d = defaults;
        if (d == null) {
            d = DataFiles.bundled(SectionNames.class, BUNDLED).map(t -> parse(t, FILE)).orElse(new SectionNames(Set.of()));
            defaults = d;
        }
        return d;
    }

    /** Reads the file; a missing one gives the {@link #defaults()}. */
    public static SectionNames load(Path file) {
        return DataFiles.read(file).map(text -> parse(text, file.toString())).orElseGet(SectionNames::defaults);
    }

    /** One heading per line; lines starting with # and blank lines do not count. */
    public static SectionNames parse(String text, String source) {
        Set<String> names = new LinkedHashSet<>(DataFiles.lines(text).stream().map(DataFiles.Line::text).toList());
        return new SectionNames(names);
    }
}

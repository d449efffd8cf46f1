package nl.ibp.agreements;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ibp.passage.DataFile;
import nl.ibp.passage.DataFileException;
import nl.ibp.passage.DataFiles;

/**
 * The dates of Tweede Kamer elections, as maintainers list them in the corpus' {@value #FILE}: a
 * cabinet period ("deze kabinetsperiode") is the term after the last election before a document.
 * A new election is a line in that file. Immutable; sorted.
 */
public record Elections(List<LocalDate> dates) {

    public static final String FILE = "_verkiezingen.txt";
    /** The file in use, its bundled copy and how it is read. */
    private static final DataFile<Elections> DATA = DataFile.optional(FILE, Elections::parse, () -> new Elections(List.of()));

    public Elections {
        dates = dates.stream().sorted().distinct().toList();
    }

    /** The index of the last election on or before {@code date}, if any. */
    Optional<Integer> lastOnOrBefore(LocalDate date) {
        int i = -1;
        for (int k = 0; k < dates.size() && !dates.get(k).isAfter(date); k++) {
            i = k;
        }
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    /** What the tracker's cache must know: another list reads the texts again. */
    String fingerprint() {
        return dates.toString();
    }

    /** The elections in use: the ones installed last (the tracker does this), or the bundled default. */
    static Elections current() {
        return DATA.current();
    }

    static void use(Elections elections) {
        DATA.use(elections);
    }

    /** The copy of the shipped corpus' file that the build puts in the jar; none when it is missing. */
    static Elections defaults() {
        return DATA.defaults();
    }

    /** Reads the file; a missing one gives the {@link #defaults()}. */
    static Elections load(Path file) {
        return DATA.load(file);
    }

    /** @throws DataFileException at the first line that is no date, as "source:line: what is wrong" */
    static Elections parse(String text, String source) {
        List<LocalDate> dates = new ArrayList<>();
        for (DataFiles.Line numbered : DataFiles.lines(text)) {
            String line = numbered.text();
            int n = numbered.number();
            try {
                dates.add(LocalDate.parse(line));
            } catch (DateTimeParseException e) {
                throw new DataFileException(source + ":" + n + ": verwacht een datum als jjjj-mm-dd, bv. '2017-03-15'");
            }
        }
        return new Elections(dates);
    }
}

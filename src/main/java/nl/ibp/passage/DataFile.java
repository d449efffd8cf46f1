package nl.ibp.passage;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One domain data file of {@code corpus/} ({@code _opgaven.yaml}, {@code _actoren.txt}, …) as the
 * code uses it: the value in use (installed by an index run or by opening a generation), the copy
 * of the shipped corpus' file that the build bundles in the jar, and how a corpus' file is read.
 * The classes of the data hold one each, so a new data file is one line, not a new holder.
 *
 * @param <T> the parsed, immutable content of the file
 */
public final class DataFile<T> {

    /** Parses a file's text; {@code source} names it in a {@link DataFileException}. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text, String source);
    }

    /** Where the build puts the copies of the shipped corpus' data files. */
    private static final String BUNDLED_DIR = "/nl/ibp/defaults/";

    private final String name;
    private final Parser<T> parser;
    private final Supplier<T> unbundled;
    private final AtomicReference<T> inUse = new AtomicReference<>();
    private volatile T defaults;

    private DataFile(String name, Parser<T> parser, Supplier<T> unbundled) {
        this.name = name;
        this.parser = parser;
        this.unbundled = unbundled;
    }

    /** A data file the build must bundle: without the copy in the jar the build is broken. */
    public static <T> DataFile<T> required(String name, Parser<T> parser) {
        return new DataFile<>(name, parser, () -> {
            throw new IllegalStateException("the build did not bundle " + BUNDLED_DIR + name);
        });
    }

    /** A data file that may be absent from the build too; then {@code none} is the default. */
    public static <T> DataFile<T> optional(String name, Parser<T> parser, Supplier<T> none) {
        return new DataFile<>(name, parser, none);
    }

    /** The value in use: the one installed last (an index run, or opening a generation), or the bundled default. */
    public T current() {
        T value = inUse.get();
        return value != null ? value : defaults();
    }

    /** Makes {@code value} the one {@link #current()} gives. */
    public void use(T value) {
        inUse.set(Objects.requireNonNull(value, name));
    }

    /** The copy of the shipped corpus' file that the build puts in the jar, parsed once. */
    public T defaults() {
        T d = defaults;
        if (d == null) {
            d = DataFiles.bundled(DataFile.class, BUNDLED_DIR + name).map(text -> parser.parse(text, name))
                    .orElseGet(unbundled);
            defaults = d;
        }
        return d;
    }

    /**
     * Reads a corpus' file; a missing one gives the {@link #defaults()}.
     *
     * @throws DataFileException when it cannot be read or a line is wrong, naming the file and line
     */
    public T load(Path file) {
        return DataFiles.read(file).map(text -> parser.parse(text, file.toString())).orElseGet(this::defaults);
    }
}

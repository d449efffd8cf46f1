package nl.ibp.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;

/**
 * Where things live in an index directory. One directory is one complete instance:
 *
 * <pre>
 * index/CURRENT          name of the generation being served, replaced atomically
 * index/gen-000007/      one complete generation: Lucene files, manifest.json, compounds.txt,
 *                        synonyms.txt, opgaven.yaml, actoren.txt, briefopmaak.txt, and what
 *                        derivations built beside it (agreements.db)
 * index/gen-000008.tmp/  a generation being written; never served, removed by the next run
 * index/cache/           extracted documents by fingerprint, so unchanged files are not re-parsed
 * index/state.db         people's state (statuses, feedback, the bot's state): no run touches it
 * index/.lock            held while an index run writes
 * </pre>
 *
 * A run writes a new generation beside the served one and only then points CURRENT at it, so
 * a crash or failure mid-run leaves the previous index, with everything derived from the same
 * corpus, intact and serving.
 */
public record IndexLayout(Path root) {

    public static final String MANIFEST = "manifest.json";
    public static final String COMPOUNDS = "compounds.txt";
    public static final String SYNONYMS = "synonyms.txt";
    /** The corpus' {@code _opgaven.yaml} as this generation was built with it. */
    public static final String OPGAVEN = "opgaven.yaml";
    /** The corpus' {@code _actoren.txt} as this generation was built with it. */
    public static final String ACTORS = "actoren.txt";
    /** The corpus' {@code _briefopmaak.txt} (letter boilerplate the search demotes) as this generation was built with it. */
    public static final String LETTER_PARTS = "briefopmaak.txt";
    public static final String CURRENT = "CURRENT";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6,18})");
    private static final Pattern TEMPORARY = Pattern.compile("gen-\\d{6,18}\\.tmp");
    /** CURRENT holds a short name; anything much longer is not a pointer. */
    private static final int MAX_POINTER = 64;

    public IndexLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path cache() {
        return root.resolve("cache");
    }

    Path lockFile() {
        return root.resolve(".lock");
    }

    /** What CURRENT says. */
    public sealed interface Pointer {
        /** No run has published anything here yet. */
        record None() implements Pointer {
        }

        /** CURRENT names this complete generation directory. */
        record Generation(Path directory) implements Pointer {
        }

        /** CURRENT is there but unusable; {@code problem} says why, in Dutch. */
        record Broken(String problem) implements Pointer {
        }
    }

    /**
     * Reads CURRENT without trusting it: it must be a short UTF-8 name of the form
     * {@code gen-NNNNNN} of a directory inside this index directory.
     */
    public Pointer pointer() throws IOException {
        Path pointer = root.resolve(CURRENT);
        if (!Files.exists(pointer)) {
            return new Pointer.None();
        }
        if (!Files.isRegularFile(pointer)) {
            return new Pointer.Broken(CURRENT + " is geen gewoon bestand");
        }
        if (Files.size(pointer) > MAX_POINTER) {
            return new Pointer.Broken(CURRENT + " is te groot om een generatienaam te zijn (" + Files.size(pointer) + " bytes)");
        }
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(pointer))).toString().strip();
        } catch (CharacterCodingException e) {
            return new Pointer.Broken(CURRENT + " bevat ongeldige tekens in plaats van een generatienaam");
        }
        if (!GENERATION.matcher(name).matches()) {
            return new Pointer.Broken(CURRENT + " bevat geen generatienaam (gen-NNNNNN) maar '" + printable(name) + "'");
        }
        Path generation = root.resolve(name).normalize();
        if (!generation.getParent().equals(root)) {
            return new Pointer.Broken(CURRENT + " wijst buiten de indexmap");
        }
        if (!Files.isDirectory(generation)) {
            return new Pointer.Broken(CURRENT + " wijst naar " + name + ", maar die map ontbreekt");
        }
        return new Pointer.Generation(generation);
    }

    private static String printable(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    /**
     * The generation being served, if an index run has ever completed here.
     *
     * @throws IndexException when CURRENT is damaged (with what to do about it)
     */
    public Optional<Path> current() throws IOException {
        return switch (pointer()) {
            case Pointer.None none -> Optional.empty();
            case Pointer.Generation g -> Optional.of(g.directory());
            case Pointer.Broken b -> throw new IndexException("de index in " + root + " is beschadigd: " + b.problem()
                    + "; draai 'ibp index' om hem te herstellen");
        };
    }

    Path generation(long number) {
        return root.resolve(String.format("gen-%06d", number));
    }

    static Path temporary(Path generation) {
        return generation.resolveSibling(generation.getFileName() + ".tmp");
    }

    /** The number of a generation directory, when the name is one. */
    static OptionalLong number(Path generation) {
        Matcher m = GENERATION.matcher(generation.getFileName().toString());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The number after every generation directory here, finished or not, so nothing is overwritten. */
    long nextNumber() throws IOException {
        long max = 0;
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                String base = name.endsWith(".tmp") ? name.substring(0, name.length() - 4) : name;
                Matcher m = GENERATION.matcher(base);
                if (m.matches()) {
                    max = Math.max(max, Long.parseLong(m.group(1)));
                }
            }
        }
        return max + 1;
    }

    /** Generations being written that a killed or failed run left behind, and a half-written CURRENT. */
    List<Path> leftovers() throws IOException {
        List<Path> result = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                if (TEMPORARY.matcher(child.getFileName().toString()).matches()
                        || child.getFileName().toString().equals(CURRENT + ".tmp")) {
                    result.add(child);
                }
            }
        }
        return result;
    }

    /**
     * Points CURRENT at a complete generation: write a temporary file, sync it, rename it over the
     * old one, and sync the directory, so that after a crash CURRENT is either the old name or the new.
     */
    void publish(Path generation) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
        IOUtils.fsync(tmp, false);
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
        IOUtils.fsync(root, true);
    }
}

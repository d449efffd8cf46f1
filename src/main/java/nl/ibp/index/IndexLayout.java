package nl.ibp.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where things live in an index directory. One directory is one complete instance:
 *
 * <pre>
 * index/CURRENT          name of the generation being served, replaced atomically
 * index/gen-000007/      one complete generation: Lucene files, manifest.json, compounds.txt, synonyms.txt,
 *                        opgaven.yaml, actoren.txt, briefopmaak.txt
 * index/cache/           extracted documents by fingerprint, so unchanged files are not re-parsed
 * index/.lock            held while an index run writes
 * </pre>
 *
 * A run writes a new generation beside the served one and only then points CURRENT at it, so
 * a crash or failure mid-run leaves the previous index intact and serving.
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
    private static final String CURRENT = "CURRENT";

    public IndexLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path cache() {
        return root.resolve("cache");
    }

    Path lockFile() {
        return root.resolve(".lock");
    }

    /** The generation being served, if an index run has ever completed here. */
    public Optional<Path> current() throws IOException {
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        Path generation = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
        return Files.isDirectory(generation) ? Optional.of(generation) : Optional.empty();
    }

    Path generation(long number) {
        return root.resolve(String.format("gen-%06d", number));
    }

    /** Points CURRENT at a complete generation: write a temporary file, then rename over the old one. */
    void publish(Path generation) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

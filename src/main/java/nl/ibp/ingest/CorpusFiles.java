package nl.ibp.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which files under the corpus directory are documents, and their stable ids. */
public final class CorpusFiles {

    /** Suffix of the metadata sidecar that may sit next to a document. */
    public static final String SIDECAR_SUFFIX = ".meta.properties";

    private static final Logger LOG = LoggerFactory.getLogger(CorpusFiles.class);

    private CorpusFiles() {
    }

    /** An entry of the corpus directory that is no document file, with why (for the index report). */
    public record Unlisted(String id, String reason) {
    }

    /** The document files of a corpus, and the entries that were passed over because they are no regular file. */
    public record Listing(List<Path> files, List<Unlisted> unlisted) {
        public Listing {
            files = List.copyOf(files);
            unlisted = List.copyOf(unlisted);
        }
    }

    /** Like {@link #list}, and also names the symlinks, special files and unreadable folders passed over. */
    public static Listing scan(Path corpusDir) throws IOException {
        List<Unlisted> unlisted = new ArrayList<>();
        List<Path> files = list(corpusDir, unlisted);
        unlisted.sort(Comparator.comparing(Unlisted::id));
        return new Listing(files, unlisted);
    }

    /**
     * The document files under {@code corpusDir}, recursively, sorted by {@link #id}.
     * Names starting with '.' or '_' (hidden files, configuration such as {@code _synoniemen.txt})
     * and directories with such names are skipped, as are sidecars and symlinks: a symlink could
     * point outside the corpus, and a document should be indexed under one id only.
     *
     * @throws IOException when the corpus directory itself cannot be read
     */
    public static List<Path> list(Path corpusDir) throws IOException {
        return list(corpusDir, new ArrayList<>());
    }

    private static List<Path> list(Path corpusDir, List<Unlisted> unlisted) throws IOException {
        if (!Files.isDirectory(corpusDir)) {
            throw new IOException("corpus directory does not exist: " + corpusDir);
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(corpusDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(corpusDir) && isExcludedName(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // Without FOLLOW_LINKS a symlink is reported with isSymbolicLink() and not followed.
                if (isExcludedName(file) || file.getFileName().toString().endsWith(SIDECAR_SUFFIX)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isRegularFile() && !attrs.isSymbolicLink()) {
                    files.add(file);
                } else if (attrs.isSymbolicLink()) {
                    unlisted.add(new Unlisted(id(corpusDir, file), "symbolic link (not followed)"));
                } else if (!attrs.isDirectory()) {
                    unlisted.add(new Unlisted(id(corpusDir, file), "not a regular file (a pipe, socket or device)"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(corpusDir)) {
                    throw e;
                }
                // One unreadable entry should not hide the rest of the corpus.
                LOG.warn("Cannot read {}: {}", file, e.toString());
                unlisted.add(new Unlisted(id(corpusDir, file), "unreadable folder"));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(f -> id(corpusDir, f)));
        return List.copyOf(files);
    }

    /** The file's path relative to {@code corpusDir}, with '/' separators on every platform. */
    public static String id(Path corpusDir, Path file) {
        Path relative = corpusDir.toAbsolutePath().normalize()
                .relativize(file.toAbsolutePath().normalize());
        List<String> parts = new ArrayList<>();
        for (Path part : relative) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }

    /** The sidecar path for a document: {@code <file>.meta.properties} next to it. */
    static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
    }

    private static boolean isExcludedName(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_");
    }
}

package nl.ibp.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Recognises a full disk among the failures of a run, and says how much space a run needs. */
final class DiskSpace {

    /** SQLite's result code for "database or disk is full". */
    private static final int SQLITE_FULL = 13;
    /** Lucene needs room to merge segments while it writes: more than the finished index. */
    private static final double HEADROOM = 1.5;

    private DiskSpace() {
    }

    /** True when the failure, or a cause of it, is a full disk or an exhausted quota. */
    static boolean isFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof IOException && (m.contains("no space left on device") || m.contains("disk quota exceeded"))) {
                return true;
            }
            if (t instanceof SQLException se && (se.getErrorCode() & 0xff) == SQLITE_FULL) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s != t && isFull(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The message for a run that failed on a full disk (after its temporary files were removed):
     * about how much it needs, judged by the served generation and what the run had written, and
     * how much is free.
     */
    static IndexException full(Path root, Optional<Path> served, long written, Throwable cause) {
        long previous = served.map(DiskSpace::size).orElse(0L);
        long needed = (long) (Math.max(previous, written) * HEADROOM);
        long free;
        try {
            free = Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            free = -1;
        }
        String message = "de schijf is vol: de nieuwe indexgeneratie kon niet worden geschreven in " + root
                + ". Nodig is ongeveer " + megabytes(Math.max(needed, 1L << 20)) + " vrije ruimte"
                + (free >= 0 ? ", vrij is nu " + megabytes(free) : "")
                + ". Maak ruimte vrij en draai 'ibp index' opnieuw; "
                + (served.isPresent() ? "de vorige index blijft ongewijzigd in gebruik." : "er is nog geen index.");
        IndexException e = new IndexException(message);
        e.initCause(cause);
        return e;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Bytes in the files under a directory; 0 when it is gone. */
    static long size(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}

package nl.ibp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Read-only directories and small file systems for tests of failures. As root (who may write
 * anywhere) a read-only bind mount and a tmpfs do it; otherwise permissions make a directory
 * read-only, and a tmpfs cannot be had (the test is then skipped with a message).
 */
public final class Mounts {

    /** Undoes what was done; never fails the test on the way out. */
    public interface Undo extends AutoCloseable {
        @Override
        void close();
    }

    private Mounts() {
    }

    public static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Makes {@code dir} read-only for this process; empty when that cannot be done here. */
    public static Optional<Undo> readOnly(Path dir) throws IOException, InterruptedException {
        if (root()) {
            if (!run("mount", "--bind", dir.toString(), dir.toString())) {
                return Optional.empty();
            }
            if (!run("mount", "-o", "remount,ro,bind", dir.toString())) {
                run("umount", dir.toString());
                return Optional.empty();
            }
            return Optional.of(() -> quietly("umount", "-l", dir.toString())); // lazy: an extraction worker may still hold it
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(p, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
            }
        }
        return Optional.of(() -> {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(p, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE));
                }
            } catch (IOException e) {
                // best effort
            }
        });
    }

    /** Mounts a tmpfs of {@code size} (e.g. "2m") on {@code dir}; empty when not allowed here. */
    public static Optional<Undo> tmpfs(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (!root() || !run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())) {
            return Optional.empty();
        }
        return Optional.of(() -> quietly("umount", "-l", dir.toString())); // lazy: an extraction worker may still hold it
    }

    private static void quietly(String... command) {
        try {
            run(command);
        } catch (IOException | InterruptedException e) {
            // best effort
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return false;
        }
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}

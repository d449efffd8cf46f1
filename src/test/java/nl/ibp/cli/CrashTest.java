package nl.ibp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.ibp.Mounts;
import nl.ibp.TestCorpus;
import nl.ibp.agreements.Tracker;
import nl.ibp.index.Derivation;
import nl.ibp.index.Finding;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.Indexer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that dies or cannot finish leaves the served generation and its agreements exactly as
 * they were: killed with SIGKILL between the tracker's write and the publish, and stopped by a
 * full disk. The next run cleans up and completes.
 */
@Tag("slow")
class CrashTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(out),
                new PrintWriter(err), false), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> afspraken(Path index) {
        Run r = run("afspraken", "--index", index.toString());
        assertEquals(0, r.code(), r.all());
        return r.out().lines().toList();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The child process: an index run whose tracker has written, then waits to be killed before the publish. */
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path index = Path.of(args[1]);
        Path marker = Path.of(args[2]);
        Derivation stall = new Derivation() {
            @Override
            public void rebuild(Run run) throws IOException {
                Files.writeString(marker, run.generation().toString());
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public Optional<Finding> check(Path generation) {
                return Optional.empty();
            }
        };
        Clock clock = Clock.systemDefaultZone();
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(index), Indexer.Progress.NONE, clock,
                List.of(new Tracker(corpus, clock), stall))) {
            indexer.run(false);
        }
    }

    @Test
    void killedBetweenTheTrackerWriteAndThePublishNothingChanges() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        assertEquals(0, run("index", "--corpus", corpus.toString(), "--index", index.toString()).code());
        List<String> before = afspraken(index);
        String current = Files.readString(index.resolve("CURRENT"));
        Files.writeString(corpus.resolve("warmte.txt"), "Warmteplannen\n\nGemeenten stellen uiterlijk in 2022 een warmteplan vast.\n");

        Path marker = tmp.resolve("tracker-written");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashTest.class.getName(),
                corpus.toString(), index.toString(), marker.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(marker) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(marker), "the child never got to the tracker: " + Files.readString(tmp.resolve("child.log")));
            Path building = Path.of(Files.readString(marker));
            assertTrue(Files.isRegularFile(building.resolve("agreements.db")), "the tracker wrote into the new generation");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            child.waitFor(30, TimeUnit.SECONDS);
        }

        assertEquals(current, Files.readString(index.resolve("CURRENT")), "nothing was published");
        assertEquals(before, afspraken(index), "the agreements are those of the served generation");
        assertTrue(names(index).stream().anyMatch(n -> n.endsWith(".tmp")), "the killed run left its temporary generation");
        Run c = run("check", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(ExitCodes.OK, c.code(), "a killed run does not damage the served generation: " + c.all());

        Run next = run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, next.code(), next.all());
        assertTrue(next.out().contains("toegevoegd: warmte.txt"), next.out());
        assertFalse(names(index).stream().anyMatch(n -> n.endsWith(".tmp")), "the next run removed it: " + names(index));
        assertTrue(afspraken(index).stream().anyMatch(l -> l.contains("warmteplan")));
    }

    @Test
    void aFullDiskIsReportedWithTheSpaceNeededAndChangesNothing() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("small");
        Optional<Mounts.Undo> mount = Mounts.tmpfs(index, "3m");
        assumeTrue(mount.isPresent(), "no tmpfs can be mounted here (needs root); the full-disk test is skipped");
        try (Mounts.Undo undo = mount.get()) {
            Run first = run("index", "--corpus", corpus.toString(), "--index", index.toString());
            assertEquals(0, first.code(), first.all());
            List<String> before = afspraken(index);
            String current = Files.readString(index.resolve("CURRENT"));
            List<String> files = names(index);

            // A large new document with many different words: its generation does not fit.
            Random random = new Random(7);
            StringBuilder text = new StringBuilder("Verslag\n\n");
            for (int i = 0; i < 60_000; i++) {
                text.append("woord").append(Integer.toString(random.nextInt(1_000_000), 36)).append(i % 12 == 11 ? ".\n\n" : " ");
            }
            text.append("Gemeenten stellen uiterlijk in 2023 een uitvoeringsplan vast.\n");
            Files.writeString(corpus.resolve("groot.txt"), text);

            Run full = run("index", "--corpus", corpus.toString(), "--index", index.toString());
            assertEquals(1, full.code(), full.all());
            assertTrue(full.err().contains("de schijf is vol") && full.err().contains("Nodig is ongeveer")
                    && full.err().contains("MB"), full.err());
            assertFalse(full.all().contains("\tat "), full.all());
            assertEquals(current, Files.readString(index.resolve("CURRENT")));
            assertEquals(before, afspraken(index), "the agreements stay those of the served generation");
            assertEquals(files, names(index), "no temporary files are left");
            Run c = run("check", "--corpus", corpus.toString(), "--index", index.toString());
            assertEquals(ExitCodes.OK, c.code(), c.all());

            Files.delete(corpus.resolve("groot.txt"));
            Run after = run("index", "--corpus", corpus.toString(), "--index", index.toString());
            assertEquals(0, after.code(), after.all());
        }
    }
}

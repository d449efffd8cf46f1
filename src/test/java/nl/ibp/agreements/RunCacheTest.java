package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import nl.ibp.agreements.AgreementExtractor.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The lifecycle the tracker's caches share, and what each keeps. */
class RunCacheTest {

    @TempDir
    Path tmp;

    private RunCache<String> open(Path file, String fingerprint) {
        return RunCache.open(file, 1, fingerprint, DataOutput::writeUTF, DataInput::readUTF,
                LoggerFactory.getLogger(RunCacheTest.class), "test cache");
    }

    private static Supplier<String> never() {
        return () -> fail("computed again");
    }

    @Test
    void aSecondRunTakesWhatTheFirstUsedAndComputesTheRest() throws IOException {
        Path file = tmp.resolve("c.bin.gz");
        RunCache<String> first = open(file, "f");
        assertEquals("A", first.get("a", () -> "A"));
        assertEquals("A", first.get("a", never()), "once computed, a run keeps it");
        assertEquals(0, first.hits());
        assertEquals(1, first.misses());
        first.save();
        assertFalse(Files.exists(tmp.resolve("c.bin.gz.tmp")));

        RunCache<String> second = open(file, "f");
        assertTrue(second.knows("a"));
        assertFalse(second.knows("b"));
        assertEquals("A", second.get("a", never()));
        assertEquals("B", second.get("b", () -> "B"));
        assertEquals(1, second.hits());
        assertEquals(1, second.misses());
        second.save();

        RunCache<String> third = open(file, "f");
        assertEquals("B", third.get("b", never()));
        third.save(); // only what this run used is written
        assertFalse(open(file, "f").knows("a"));
    }

    @Test
    void anotherFingerprintOrVersionOrADamagedFileIsAnEmptyCache() throws IOException {
        Path file = tmp.resolve("c.bin.gz");
        RunCache<String> first = open(file, "f");
        first.get("a", () -> "A");
        first.save();
        assertFalse(open(file, "g").knows("a"));
        assertFalse(RunCache.open(file, 2, "f", DataOutput::writeUTF, DataInput::readUTF,
                LoggerFactory.getLogger(RunCacheTest.class), "test cache").knows("a"));
        assertTrue(open(file, "f").knows("a"));

        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertFalse(open(file, "f").knows("a"));
        Files.writeString(file, "{\"not\": \"gzip\"}");
        assertFalse(open(file, "f").knows("a"));
    }

    @Test
    void aFingerprintLongerThanWriteUtfTakesIsKept() throws IOException {
        Path file = tmp.resolve("c.bin.gz");
        String words = "woord\n".repeat(20_000);
        RunCache<String> first = open(file, words);
        first.get("a", () -> "A");
        first.save();
        assertTrue(open(file, words).knows("a"));
    }

    @Test
    void statementsAndVotesComeBackAsTheyWere() throws IOException {
        Path file = tmp.resolve(StatementCache.FILE);
        LocalDate date = LocalDate.of(2019, 3, 1);
        String text = "Het Rijk en de VNG stellen vóór 1 juli 2019 samen een uitvoeringsplan op.";
        List<Statement> expected = AgreementExtractor.statements(ActorLexicon.defaults(), text, date);
        assertFalse(expected.isEmpty());
        assertFalse(expected.get(0).deadlines().isEmpty(), expected.toString());
        assertFalse(expected.get(0).actors().isEmpty(), expected.toString());
        StatementCache first = StatementCache.open(file, "salt");
        assertEquals(expected, first.statements(ActorLexicon.defaults(), text, date));
        assertEquals(0, first.hits());
        first.save();
        StatementCache second = StatementCache.open(file, "salt");
        assertEquals(expected, second.statements(null, text, date), "taken from the file, the lexicon is not asked");
        assertEquals(1, second.hits());
        StatementCache other = StatementCache.open(file, "other salt");
        assertEquals(expected, other.statements(ActorLexicon.defaults(), text, date));
        assertEquals(0, other.hits(), "another build or lexicon reads the passage again");

        Path votesFile = tmp.resolve(VoteCache.FILE);
        VoteCache votes = VoteCache.open(votesFile, "n");
        double[] exact = {0.1, 1.0 / 3, Double.MIN_VALUE};
        votes.votes("tekst", t -> exact);
        votes.save();
        VoteCache again = VoteCache.open(votesFile, "n");
        assertArrayEquals(exact, again.votes("tekst", t -> fail("asked again")));
        assertEquals(1, again.hits());
        assertEquals(0, again.misses());
    }
}

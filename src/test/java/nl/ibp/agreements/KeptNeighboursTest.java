package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import nl.ibp.analysis.CompoundDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptNeighboursTest {

    @TempDir
    Path tmp;

    private static OpgaveAssigner.Training training(int texts) {
        List<String> t = IntStream.range(0, texts).mapToObj(i -> "tekst " + i).toList();
        return new OpgaveAssigner.Training(t, IntStream.range(0, texts).map(i -> i % 3).boxed().toList());
    }

    private static OpgaveAssigner.Training plus(OpgaveAssigner.Training base, int extra) {
        List<String> texts = new ArrayList<>(base.texts());
        List<Integer> labels = new ArrayList<>(base.labels());
        for (int i = 0; i < extra; i++) {
            texts.add("nieuwe tekst " + i);
            labels.add(1);
        }
        return new OpgaveAssigner.Training(texts, labels);
    }

    private static final CompoundDictionary WORDS = CompoundDictionary.of(List.of("woning", "bouw", "energie"));

    @Test
    void driftCountsTextsAndLabelsInOneSetOnly() {
        OpgaveAssigner.Training base = training(100);
        assertEquals(0.0, base.driftFrom(training(100)));
        assertEquals(2.0 / 102, plus(base, 2).driftFrom(base), 1e-12);
        List<Integer> relabelled = new ArrayList<>(base.labels());
        relabelled.set(0, 2);
        assertEquals(2.0 / 100, new OpgaveAssigner.Training(base.texts(), relabelled).driftFrom(base), 1e-12,
                "the same text with another label is one text gone and one new");
        assertEquals(2.0 / 3, KeptNeighbours.drift(CompoundDictionary.of(List.of("woning", "bouw", "zorg")), WORDS), 1e-12,
                "zorg and energie are in one dictionary only");
    }

    @Test
    void anIncrementalRunKeepsTheNeighboursWhileTheTrainingSetDriftedLittle() throws Exception {
        Path file = tmp.resolve(KeptNeighbours.DIR);
        OpgaveAssigner.Training base = training(200);
        KeptNeighbours.Choice first = KeptNeighbours.choose(file, "b1", base, WORDS, false);
        assertFalse(first.kept(), "nothing kept yet");
        KeptNeighbours.save(file, "b1", first, Optional.empty());

        KeptNeighbours.Choice small = KeptNeighbours.choose(file, "b1", plus(base, 3), WORDS, false);
        assertTrue(small.kept(), "3 of 203 texts is within " + KeptNeighbours.MAX_DRIFT);
        assertEquals(base, small.training());
        assertEquals(WORDS, small.dictionary());

        KeptNeighbours.Choice large = KeptNeighbours.choose(file, "b1", plus(base, 10), WORDS, false);
        assertFalse(large.kept(), "10 of 210 texts is more than " + KeptNeighbours.MAX_DRIFT);
        assertEquals(plus(base, 10), large.training());

        assertFalse(KeptNeighbours.choose(file, "b1", plus(base, 3), WORDS, true).kept(), "a full run learns anew");
        assertFalse(KeptNeighbours.choose(file, "b2", plus(base, 3), WORDS, false).kept(), "another build learns anew");
        CompoundDictionary other = CompoundDictionary.of(List.of("zorg", "jeugd", "school"));
        assertFalse(KeptNeighbours.choose(file, "b1", base, other, false).kept(), "another dictionary learns anew");
    }

    @Test
    void whatIsSavedAfterDriftIsWhatTheNextRunKeeps() throws Exception {
        Path file = tmp.resolve(KeptNeighbours.DIR);
        OpgaveAssigner.Training base = training(200);
        KeptNeighbours.save(file, "b1", KeptNeighbours.choose(file, "b1", base, WORDS, false), Optional.empty());
        KeptNeighbours.Choice drifted = KeptNeighbours.choose(file, "b1", plus(base, 10), WORDS, false);
        KeptNeighbours.save(file, "b1", drifted, Optional.empty());
        KeptNeighbours.Choice next = KeptNeighbours.choose(file, "b1", plus(base, 11), WORDS, false);
        assertTrue(next.kept());
        assertEquals(plus(base, 10), next.training(), "the neighbours learnt at the drift, not the first ones");
    }

    @Test
    void anUnreadableFileMeansNeighboursOfTheCorpusAsItIs() throws Exception {
        Path file = tmp.resolve(KeptNeighbours.DIR);
        Files.createDirectories(file);
        Files.writeString(file.resolve("training.bin.gz"), "geen gzip");
        KeptNeighbours.Choice c = KeptNeighbours.choose(file, "b1", training(50), WORDS, false);
        assertFalse(c.kept());
        assertEquals(training(50), c.training());
        KeptNeighbours.save(file, "b1", c, Optional.empty());
        assertTrue(KeptNeighbours.choose(file, "b1", training(50), WORDS, false).kept(), "the damaged file was replaced");
        assertFalse(Files.exists(tmp.resolve(KeptNeighbours.DIR + ".tmp")));
    }
}

package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import org.junit.jupiter.api.Test;

class OpgaveAssignerTest {

    @Test
    void theNeighboursVoteForTheOpgaveWhoseTextIsNearestAndLeaveNoFilesBehind() throws Exception {
        OpgaveAssigner.Training training = OpgaveAssigner.training(List.of()); // the opgaven's titles and aliases
        Opgave first = Opgaven.ALL.get(0);
        Path folder;
        double[] votes;
        try (OpgaveAssigner assigner = OpgaveAssigner.build(training, CompoundDictionary.empty())) {
            folder = assigner.folder();
            assertTrue(Files.isDirectory(folder), folder.toString());
            votes = assigner.votes(first.title());
            int best = 0;
            for (int i = 1; i < votes.length; i++) {
                best = votes[i] > votes[best] ? i : best;
            }
            assertEquals(0, best, "votes " + java.util.Arrays.toString(votes) + " for '" + first.title() + "'");
            assertArrayEquals(new double[votes.length], assigner.votes("de en het"), "no content word, no votes");
        }
        assertFalse(Files.exists(folder), "the neighbours' folder is removed on close: " + folder);
        try (OpgaveAssigner again = OpgaveAssigner.build(training, CompoundDictionary.empty())) {
            assertArrayEquals(votes, again.votes(first.title()), "the same training set gives the same votes");
        }
    }

    @Test
    void neighboursKeptInAFolderVoteAsBuiltAndStayThereWhenClosed(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        OpgaveAssigner.Training training = OpgaveAssigner.training(List.of());
        Path kept = tmp.resolve("kept");
        String text = Opgaven.ALL.get(1).title() + " en " + Opgaven.ALL.get(2).title();
        double[] votes;
        try (OpgaveAssigner built = OpgaveAssigner.build(training, CompoundDictionary.empty())) {
            votes = built.votes(text);
            built.copyTo(kept);
        }
        try (OpgaveAssigner opened = OpgaveAssigner.open(kept, training, CompoundDictionary.empty()).orElseThrow()) {
            assertArrayEquals(votes, opened.votes(text), "the kept index votes exactly as the one built");
        }
        assertTrue(Files.isDirectory(kept), "a kept folder is not removed on close");
        OpgaveAssigner.Training longer = new OpgaveAssigner.Training(
                java.util.stream.Stream.concat(training.texts().stream(), java.util.stream.Stream.of("nog een tekst")).toList(),
                java.util.stream.Stream.concat(training.labels().stream(), java.util.stream.Stream.of(0)).toList());
        assertTrue(OpgaveAssigner.open(kept, longer, CompoundDictionary.empty()).isEmpty(),
                "an index with another number of texts than the training set is not used");
        assertTrue(OpgaveAssigner.open(tmp.resolve("leeg"), training, CompoundDictionary.empty()).isEmpty(), "no index, none");
    }
}

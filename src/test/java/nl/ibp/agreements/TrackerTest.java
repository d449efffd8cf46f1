package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import nl.ibp.TestCorpus;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.Indexer;
import nl.ibp.passage.ActorData;
import nl.ibp.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracker built by real index runs over the shipped corpus. */
class TrackerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private List<String> index(Path corpus, Path index, boolean full) throws IOException {
        Tracker tracker = new Tracker(corpus, CLOCK);
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(index), Indexer.Progress.NONE, CLOCK, List.of(tracker))) {
            indexer.run(full);
        }
        return tracker.notes();
    }

    private static List<Agreement> agreements(Path index) throws SQLException {
        try (AgreementStore store = AgreementStore.open(index)) {
            return store.agreements(OptionalInt.empty());
        }
    }

    private static Agreement containing(List<Agreement> all, String text) {
        return all.stream().filter(a -> a.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no agreement contains: " + text));
    }

    @Test
    void theShippedCorpusYieldsAgreementsWithDatesActorsOpgaveAndSource() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        index(corpus, tmp.resolve("index"), false);
        List<Agreement> all = agreements(tmp.resolve("index"));
        Agreement planning = containing(all, "uiterlijk in 2021 een planning vaststellen");
        assertEquals(OptionalInt.of(1), planning.opgave());
        assertTrue(planning.deadlines().stream().anyMatch(d -> d.label().equals("uiterlijk in 2021") && d.spans(2021)));
        assertEquals("programmastart-ibp.txt", planning.source().document());
        Agreement voortouw = containing(all, "IPO, VNG en UvW nemen het voortouw");
        assertEquals(List.of("IPO VOORTOUW", "VNG VOORTOUW", "UvW VOORTOUW", "Rijk BETROKKEN"),
                voortouw.actors().stream().map(r -> r.actor().name() + " " + r.role()).toList(),
                "'IPO, VNG en UvW nemen het voortouw om samen met het Rijk …'");
        Agreement alv = containing(all, "27 juni");
        assertEquals(OptionalInt.empty(), alv.opgave());
        assertEquals(2018, alv.deadlines().stream().filter(d -> d.label().startsWith("27 juni")).findFirst().orElseThrow()
                .start().getYear(), "a year-less date resolves against the letter's date");
    }

    @Test
    void documentsThatDisagreeAreBothKeptWithTheirSource() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        index(corpus, tmp.resolve("index"), false);
        List<Agreement> all = agreements(tmp.resolve("index"));
        Agreement letter = containing(all, "In 2020 zal de overheveling van de integratie-uitkering");
        Agreement programme = all.stream().filter(a -> a.text().startsWith("Per 2019")).findFirst().orElseThrow();
        assertEquals("lbr-18-004-stand-van-zaken-ibp.txt", letter.source().document());
        assertEquals("programmastart-ibp.txt", programme.source().document());
    }

    @Test
    void curatedStateSurvivesIncrementalAndFullReindexing() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        index(corpus, index, false);
        List<Agreement> before = agreements(index);
        String planning = containing(before, "uiterlijk in 2021 een planning vaststellen").id();
        String voortouw = containing(before, "IPO, VNG en UvW nemen het voortouw").id();
        try (StateStore state = StateStore.open(index)) {
            state.setStatus(voortouw, Agreement.DONE, "werkstructuur staat", CLOCK.instant());
            state.setStatus(planning, Agreement.OPEN, "nog niet alle gemeenten", CLOCK.instant());
        }
        assertEquals(Agreement.DONE, containing(agreements(index), "IPO, VNG en UvW nemen het voortouw").status(),
                "a status a person set applies at once");
        Files.writeString(corpus.resolve(Overlay.FILE), """
                - action: correct
                  id: %s
                  opgave: 2
                  reason: hoort ook bij wonen
                - action: status
                  id: %s
                  status: afgerond
                  reason: alle gemeenten hebben een planning
                """.formatted(planning, planning));
        index(corpus, index, false); // the overlay changed: a rebuild
        Files.writeString(corpus.resolve("nieuw.txt"), "Gemeenten stellen uiterlijk in 2020 een woonvisie vast.\n");
        index(corpus, index, false); // incremental
        index(corpus, index, true);  // full

        List<Agreement> after = agreements(index);
        Agreement corrected = after.stream().filter(a -> a.id().equals(planning)).findFirst().orElseThrow();
        assertEquals(OptionalInt.of(2), corrected.opgave());
        assertTrue(corrected.curated());
        assertEquals(Agreement.DONE, corrected.status(), "the curated overlay decides where it names an agreement");
        assertEquals(Agreement.DONE, after.stream().filter(a -> a.id().equals(voortouw)).findFirst().orElseThrow().status(),
                "a status a person set (in the state database) survives re-indexing");
        assertTrue(after.stream().anyMatch(a -> a.text().contains("woonvisie")));
    }

    @Test
    void aBadOverlayEntryIsReportedWithItsLineAndTheRunCompletes() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve(Overlay.FILE), "- action: suppress\n  id: onbekend\n  reason: test\n",
                StandardOpenOption.CREATE);
        List<String> notes = index(corpus, tmp.resolve("index"), false);
        assertEquals(List.of("_afspraken.yaml:1: no agreement with id onbekend; entry skipped"), notes);
        assertTrue(agreements(tmp.resolve("index")).size() > 100);
    }

    @Test
    void aReindexAfterAddingADocumentReadsOnlyThatDocumentsPassages() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Tracker tracker = new Tracker(corpus, CLOCK);
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(index), Indexer.Progress.NONE, CLOCK, List.of(tracker))) {
            indexer.run(false);
            Tracker.Reading first = tracker.lastReading();
            assertEquals(0, first.fromCache());
            Files.writeString(corpus.resolve("nieuw.txt"), "Gemeenten stellen uiterlijk in 2020 een woonvisie vast.\n");
            indexer.run(false);
            Tracker.Reading second = tracker.lastReading();
            assertEquals(first.passages() + 1, second.passages());
            assertEquals(first.passages(), second.fromCache(), "only the new document's passage is read again");
        }
        assertTrue(agreements(index).stream().anyMatch(a -> a.text().contains("woonvisie")));
    }

    @Test
    void aReindexWhoseNeighboursDidNotChangeTakesTheOpgaveVotesFromTheCache() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Tracker tracker = new Tracker(corpus, CLOCK);
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(index), Indexer.Progress.NONE, CLOCK, List.of(tracker))) {
            indexer.run(false);
            Tracker.Reading first = tracker.lastReading();
            assertEquals(0, first.votesFromCache());
            assertTrue(first.votesComputed() > 20, "votes computed: " + first.votesComputed());
            // names no opgave and brings no word the compound dictionary lacks: the neighbours stay as they were
            Files.writeString(corpus.resolve("nieuw.txt"), "Gemeenten en provincies maken uiterlijk in 2020 afspraken.\n");
            indexer.run(false);
            Tracker.Reading second = tracker.lastReading();
            assertTrue(second.votesComputed() >= 1 && second.votesComputed() <= 3, "computed: " + second.votesComputed());
            assertEquals(first.votesComputed(), second.votesFromCache());
        }
        assertSameAgreementsAsAFullIndex(corpus, index, "maken uiterlijk in 2020 afspraken");
    }

    @Test
    void newNeighboursAreBuiltFromTheCachedTokensOfTheTextsAnalysedBefore() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Tracker tracker = new Tracker(corpus, CLOCK);
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(index), Indexer.Progress.NONE, CLOCK, List.of(tracker))) {
            indexer.run(false);
            assertEquals(0, tracker.lastReading().trainingTokensFromCache());
            // under a heading that names an opgave: new training texts, more than the kept neighbours allow
            // (numbers and words the corpus has: the compound dictionary, and so the cached tokens, stay as they were)
            StringBuilder letter = new StringBuilder("Problematische schulden voorkomen en oplossen\n\n");
            for (int i = 1; i <= 12; i++) {
                letter.append("Gemeenten en het Rijk maken uiterlijk in ").append(2020 + i % 5)
                        .append(" afspraken over de aanpak van schulden (").append(i).append(").\n\n");
            }
            Files.writeString(corpus.resolve("nieuw.txt"), letter);
            indexer.run(false);
            Tracker.Reading second = tracker.lastReading();
            assertFalse(second.neighboursKept(), "twelve new training texts are more than " + KeptNeighbours.MAX_DRIFT);
            assertEquals(0, second.votesFromCache(), "the neighbours changed: no vote is taken from before");
            assertTrue(second.trainingTokensFromCache() > 50, "training texts from the cache: " + second.trainingTokensFromCache());
        }
        assertSameAgreementsAsAFullIndex(corpus, index, "aanpak van schulden (12)");
    }

    @Test
    void aLetterThatBarelyChangesTheTrainingSetKeepsTheNeighboursAndTheirVotesUntilAFullRun() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Tracker tracker = new Tracker(corpus, CLOCK);
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(index), Indexer.Progress.NONE, CLOCK, List.of(tracker))) {
            indexer.run(false);
            Tracker.Reading first = tracker.lastReading();
            assertFalse(first.neighboursKept(), "nothing to keep on the first run");
            // one new training text (its heading names an opgave) among hundreds
            Files.writeString(corpus.resolve("nieuw.txt"), "Problematische schulden voorkomen en oplossen\n\n"
                    + "Gemeenten en het Rijk maken uiterlijk in 2021 afspraken over de vroegsignalering van schulden.\n");
            indexer.run(false);
            Tracker.Reading second = tracker.lastReading();
            assertTrue(second.neighboursKept(), "one text is within " + KeptNeighbours.MAX_DRIFT + " of the training set");
            assertEquals(first.votesComputed(), second.votesFromCache(), "every vote asked before comes from the cache");
            assertTrue(second.votesComputed() <= 3, "asked: " + second.votesComputed());
            indexer.run(true);
            assertFalse(tracker.lastReading().neighboursKept(), "a full run learns the neighbours from the corpus as it is");
            assertEquals(0, tracker.lastReading().votesFromCache());
        }
        assertSameAgreementsAsAFullIndex(corpus, index, "vroegsignalering");
    }

    /** The index's agreements are those of a full index of the corpus into a fresh folder, and one holds {@code text}. */
    private void assertSameAgreementsAsAFullIndex(Path corpus, Path index, String text) throws Exception {
        Path fresh = tmp.resolve("fresh");
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(fresh), Indexer.Progress.NONE, CLOCK,
                List.of(new Tracker(corpus, CLOCK)))) {
            indexer.run(true);
        }
        List<String> here = agreements(index).stream().map(Agreement::toString).toList();
        assertTrue(here.stream().anyMatch(a -> a.contains(text)));
        assertEquals(agreements(fresh).stream().map(Agreement::toString).toList(), here);
    }

    @Test
    void aBadLineInTheActorsFileFailsTheRunWithItsLineAndKeepsTheOldIndex() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        index(corpus, index, false);
        int before = agreements(index).size();
        Files.writeString(corpus.resolve(ActorData.FILE), "koepel VNG = VNG\nkoepel IPO\n");
        // Read before any work (the actor cue of every passage names its koepels), so the run fails first thing.
        nl.ibp.index.IndexException e = org.junit.jupiter.api.Assertions.assertThrows(nl.ibp.index.IndexException.class,
                () -> index(corpus, index, false));
        assertTrue(e.getMessage().endsWith("_actoren.txt:2: verwacht 'soort naam = vorm | vorm', bv. 'koepel VNG = VNG'"),
                e.getMessage());
        assertEquals(before, agreements(index).size());
        assertEquals("gen-000001", new IndexLayout(index).current().orElseThrow().getFileName().toString());
    }

    @Test
    void theActorsOfTheCorpusFileAreTheOnesRecognised() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("nieuw.txt"), "De Kiesraad stelt uiterlijk in 2030 de uitslag vast.\n");
        Files.writeString(corpus.resolve(ActorData.FILE), Files.readString(corpus.resolve(ActorData.FILE))
                + "orgaan Kiesraad = Kiesraad\n");
        index(corpus, tmp.resolve("index"), false);
        Agreement a = containing(agreements(tmp.resolve("index")), "Kiesraad");
        assertEquals(List.of("Kiesraad UITVOERING"),
                a.actors().stream().map(r -> r.actor().name() + " " + r.role()).toList());
    }
}

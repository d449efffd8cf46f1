package nl.ibp.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import nl.ibp.TestCorpus;
import nl.ibp.analysis.AnalysisConfigException;
import nl.ibp.search.PassageSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {

    @TempDir
    Path tmp;

    private IndexReport index(Path corpus, Path index, boolean full) throws IOException {
        return index(corpus, index, full, Indexer.Progress.NONE);
    }

    private IndexReport index(Path corpus, Path index, boolean full, Indexer.Progress progress) throws IOException {
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(index), progress, Clock.systemUTC())) {
            return indexer.run(full);
        }
    }

    private static int hitsFor(Path index, String question) throws IOException {
        try (PassageSearcher searcher = PassageSearcher.open(new IndexLayout(index))) {
            return searcher.search(question, 10).size();
        }
    }

    @Test
    void aLettersSubjectLineCountsForEachOfItsPassages() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        String same = "Het Rijk stelt 200 miljoen euro beschikbaar voor maatregelen van gemeenten.\n";
        Files.writeString(corpus.resolve("a.txt"), same);
        Files.writeString(corpus.resolve("a.txt.meta.properties"), "title=Impulsregeling klimaatadaptatie\ndate=2020-12-15\n");
        Files.writeString(corpus.resolve("b.txt"), same);
        Files.writeString(corpus.resolve("b.txt.meta.properties"), "title=Voortgang Regio Deals\ndate=2020-12-15\n");
        Path index = tmp.resolve("index");
        index(corpus, index, false);
        try (PassageSearcher searcher = PassageSearcher.open(new IndexLayout(index))) {
            assertEquals("b.txt", searcher.search("Hoeveel geld is er voor de Regio Deals?", 2).getFirst().document().id());
            assertEquals("a.txt", searcher.search("Hoeveel geld is er voor de impulsregeling?", 2).getFirst().document().id());
        }
    }

    @Test
    void firstRunIndexesEveryDocumentSecondRunChangesNothing() throws IOException {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        IndexReport first = index(corpus, index, false);
        assertEquals(List.of("lbr-18-004-stand-van-zaken-ibp.txt", "programmastart-ibp.txt"), first.added());
        assertTrue(first.rebuilt());
        assertTrue(first.passages() > 250, "passages: " + first.passages());
        Path served = new IndexLayout(index).current().orElseThrow();

        IndexReport second = index(corpus, index, false);
        assertFalse(second.rebuilt());
        assertEquals(2, second.unchanged().size());
        assertEquals(first.passages(), second.passages());
        assertEquals(served, new IndexLayout(index).current().orElseThrow());
    }

    @Test
    void addedChangedAndRemovedFilesAreHandled() throws IOException {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        index(corpus, index, false);
        Files.writeString(corpus.resolve("nieuw.txt"), "Zonnepanelen\n\nDe gemeente Voorbeeldstad plaatst zonnepanelen op scholen.\n");
        Files.writeString(corpus.resolve("lbr-18-004-stand-van-zaken-ibp.txt"), "\nExtra zin over windmolens.\n",
                StandardOpenOption.APPEND);
        Files.delete(corpus.resolve("programmastart-ibp.txt"));
        Files.delete(corpus.resolve("programmastart-ibp.txt.meta.properties"));

        IndexReport report = index(corpus, index, false);
        assertEquals(List.of("nieuw.txt"), report.added());
        assertEquals(List.of("lbr-18-004-stand-van-zaken-ibp.txt"), report.updated());
        assertEquals(List.of("programmastart-ibp.txt"), report.removed());
        assertEquals(2, report.documents());
        assertTrue(hitsFor(index, "zonnepanelen op scholen") > 0);
        assertTrue(hitsFor(index, "windmolens") > 0);
        assertEquals(0, hitsFor(index, "Chemelot"), "removed document is gone from the index");
    }

    @Test
    void unchangedFilesComeFromTheCacheNotFromTheParser() throws IOException {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        index(corpus, index, false);
        // Mark every cached extraction: if the next run re-parsed the files, the mark would vanish.
        try (Stream<Path> cached = Files.list(index.resolve("cache"))) {
            for (Path f : cached.toList()) {
                Files.writeString(f, Files.readString(f).replace("Jantine Kriens", "Cachemarkering Kriens"));
            }
        }
        Files.writeString(corpus.resolve("nieuw.txt"), "Een nieuw document over klimaat.\n");
        IndexReport report = index(corpus, index, false);
        assertEquals(List.of("nieuw.txt"), report.added());
        assertTrue(hitsFor(index, "Cachemarkering") > 0, "unchanged documents were taken from the cache");

        index(corpus, index, true);
        assertEquals(0, hitsFor(index, "Cachemarkering"), "--full parses everything again");
    }

    @Test
    void badFilesAreSkippedWithTheirReasonAndTheRestIsIndexed() throws IOException {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Files.write(corpus.resolve("leeg.pdf"), new byte[0]);
        Files.write(corpus.resolve("kapot.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes());
        IndexReport report = index(corpus, tmp.resolve("index"), false);
        assertEquals(2, report.documents());
        assertEquals(List.of("kapot.pdf", "leeg.pdf"), report.skipped().stream().map(IndexReport.Skip::id).toList());
        assertEquals("empty file", report.skipped().get(1).reason());
        assertFalse(report.added().contains("leeg.pdf"));

        IndexReport again = index(corpus, tmp.resolve("index"), false);
        assertEquals(2, again.skipped().size(), "skipped files are reported on every run");
    }

    @Test
    void aFailureMidRunLeavesThePreviousIndexServing() throws IOException {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        index(corpus, index, false);
        Path served = new IndexLayout(index).current().orElseThrow();
        Files.writeString(corpus.resolve("nieuw.txt"), "Zonnepanelen op scholen.\n");

        Indexer.Progress crash = (done, total, file) -> {
            if (file.equals("nieuw.txt")) {
                throw new IllegalStateException("simulated crash while parsing");
            }
        };
        assertThrows(IllegalStateException.class, () -> index(corpus, index, false, crash));
        assertEquals(served, new IndexLayout(index).current().orElseThrow());
        assertTrue(hitsFor(index, "Jantine Kriens") > 0);
        assertEquals(0, hitsFor(index, "zonnepanelen"));

        IndexReport recovered = index(corpus, index, false);
        assertEquals(List.of("nieuw.txt"), recovered.added());
        assertTrue(hitsFor(index, "zonnepanelen") > 0);
    }

    @Test
    void aBadSynonymLineFailsTheRunBeforeAnythingChanges() throws IOException {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        index(corpus, index, false);
        Path served = new IndexLayout(index).current().orElseThrow();
        Files.writeString(corpus.resolve(Indexer.SYNONYMS_FILE), "\ngoed, beter\n => kapot\n", StandardOpenOption.APPEND);
        AnalysisConfigException e = assertThrows(AnalysisConfigException.class, () -> index(corpus, index, false));
        assertTrue(e.getMessage().contains(Indexer.SYNONYMS_FILE), e.getMessage());
        assertEquals(served, new IndexLayout(index).current().orElseThrow());
    }

    @Test
    void aSecondRunWhileOneIsWritingIsRefused() throws IOException {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Files.createDirectories(index);
        try (FileChannel channel = FileChannel.open(index.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            // FileChannel locks are per process; a thread of this process sees OverlappingFileLockException,
            // which the indexer must report like a lock held by another process.
            IndexException e = assertThrows(IndexException.class, () -> index(corpus, index, false));
            assertTrue(e.getMessage().startsWith("er loopt al een indexering in"), e.getMessage());
        }
    }

    @Test
    void aMissingCorpusIsAClearError() {
        IndexException e = assertThrows(IndexException.class, () -> index(tmp.resolve("nope"), tmp.resolve("index"), false));
        assertTrue(e.getMessage().contains("bestaat niet"), e.getMessage());
    }

    @Test
    void letterBoilerplateIsNotIndexedAndTheReportSaysWhereDateAndTitleCameFrom() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("letters"));
        Files.writeString(corpus.resolve("brief.txt"), """
                Aan de leden

                Datum
                3 juli 2019

                Onderwerp
                Veranderopgave inburgering

                Geachte leden,

                Gemeenten krijgen de regie over de inburgering van nieuwkomers vanaf 1 januari 2022.

                Met vriendelijke groet,
                Vereniging van Nederlandse Gemeenten

                Jantine Kriens
                algemeen directeur
                """);
        Files.createSymbolicLink(corpus.resolve("link.txt"), corpus.resolve("brief.txt"));
        Path index = tmp.resolve("letters-index");
        IndexReport report = index(corpus, index, false);

        IndexReport.Found found = report.found().getFirst();
        assertEquals("brief.txt", found.id());
        assertEquals("2019-07-03", found.date());
        assertEquals(nl.ibp.ingest.MetadataSource.LETTER, found.dateSource());
        assertEquals("Veranderopgave inburgering", found.title());
        assertTrue(found.describe().contains("datum 2019-07-03 (briefhoofd)"), found.describe());
        assertEquals(List.of(new IndexReport.Skip("link.txt", "symbolic link (not followed)")), report.skipped());
        assertEquals(0, hitsFor(index, "Geachte leden"), "the salutation is never an answer");
        try (PassageSearcher searcher = PassageSearcher.open(new IndexLayout(index))) {
            assertTrue(searcher.search("Onderwerp Datum", 10).stream().noneMatch(h -> h.passage().text().contains("Onderwerp")),
                    "nor the header block");
        }
        try (PassageSearcher searcher = PassageSearcher.open(new IndexLayout(index))) {
            var top = searcher.search("wie is de algemeen directeur Kriens", 1).getFirst().passage();
            assertEquals(nl.ibp.passage.PassageKind.SIGNATURE, top.kind(), "the signature says who signed");
        }
        assertTrue(hitsFor(index, "regie inburgering nieuwkomers") > 0);
    }
}

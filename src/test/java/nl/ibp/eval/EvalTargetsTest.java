package nl.ibp.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.ibp.TestCorpus;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.Indexer;
import nl.ibp.ingest.CorpusFiles;
import nl.ibp.ingest.Extraction;
import nl.ibp.ingest.ExtractionLimits;
import nl.ibp.ingest.Extractor;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.search.PassageSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranking targets of the issue, on the development gold questions in ../shared. */
class EvalTargetsTest {

    private static final Path QUESTIONS = Path.of("../shared/eval/questions.jsonl");

    @TempDir
    Path tmp;

    @Test
    void goldQuestionsMeetTheTargetsAndBeatTheBaseline() throws IOException {
        assumeTrue(Files.isRegularFile(QUESTIONS), "no gold questions at " + QUESTIONS.toAbsolutePath());
        List<GoldQuestion> gold = GoldQuestion.read(QUESTIONS);
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        IndexLayout layout = new IndexLayout(tmp.resolve("index"));
        try (Indexer indexer = new Indexer(corpus, layout, Indexer.Progress.NONE, Clock.systemUTC())) {
            indexer.run(false);
        }
        Metrics system;
        try (PassageSearcher searcher = PassageSearcher.open(layout)) {
            system = Metrics.measure(gold, (q, k) -> searcher.search(q, k).stream().map(h -> h.passage().text()).toList());
        }
        List<SourceDocument> documents = new ArrayList<>();
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults())) {
            for (Path f : CorpusFiles.list(corpus)) {
                if (extractor.extract(corpus, f) instanceof Extraction.Extracted x) {
                    documents.add(x.document());
                }
            }
        }
        Metrics baseline;
        try (Baseline naive = new Baseline(documents)) {
            baseline = Metrics.measure(gold, naive);
        }
        assertTrue(system.hit1() >= 0.85, "hit@1 " + system.hit1() + ", misses: " + system.misses());
        assertTrue(system.hit3() >= 0.95, "hit@3 " + system.hit3());
        assertTrue(system.mrr10() > baseline.mrr10() + 0.15, "MRR@10 " + system.mrr10() + " vs baseline " + baseline.mrr10());
    }

    @Test
    void theMatchingRuleNormalisesLikeTheGoldFileSays() {
        GoldQuestion q = new GoldQuestion("x", "?", List.of(List.of("2019 - 2021", "emu-saldo")));
        assertTrue(q.answeredBy("Het **EMU-saldo** over  2019 – 2021."));
        assertTrue(!q.answeredBy("Het EMU-saldo over 2019."));
        assertTrue(new GoldQuestion("y", "?", List.of(List.of("thema's"))).answeredBy("de THEMA’S"));
    }
}

package nl.ibp.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.ibp.TestCorpus;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.Indexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An amount in euros is the money a "hoeveel geld" question names: the word itself need not be there. */
class EvidenceMoneyTest {

    @TempDir
    Path tmp;

    @Test
    void anAmountInEurosHoldsTheMoneyAQuestionAsksFor() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("rob.txt"), "Waterschappen hebben voor de uitvoering van hun klimaattaken in de "
                + "jaren 2022 tot en met 2024 samen ongeveer € 1,8 miljard extra nodig.\n");
        Path index = tmp.resolve("index");
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(index), Indexer.Progress.NONE, Clock.systemUTC(), List.of())) {
            indexer.run(false);
        }
        try (AnswerEngine engine = AnswerEngine.open(new IndexLayout(index))) {
            Evidence money = engine.ask("Hoeveel extra geld hebben waterschappen nodig voor hun klimaattaken?", 5).evidence();
            assertFalse(money.missing().contains("geld"), "missing: " + money.missing());
            Evidence words = engine.ask("Welk extra geld hebben waterschappen nodig voor hun klimaattaken?", 5).evidence();
            assertTrue(words.missing().contains("geld"), "not a money question: the word counts: " + words.missing());
        }
    }
}

package nl.ibp.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A letter's subject line is context for each of its passages, in the search and in the choice of the lead. */
class LeadSubjectTest {

    @TempDir
    Path tmp;

    @Test
    void theLeadComesFromTheLetterWhoseSubjectTheQuestionNames() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        // The shipped programme start speaks of klimaatadaptatie "vanaf 2018"; this letter's sentence does not
        // repeat the word its subject line has.
        Files.writeString(corpus.resolve("impuls.txt"), "Werkregio's van gemeenten en waterschappen kunnen vanaf "
                + "1 januari 2021 een aanvraag indienen voor maatregelen tegen wateroverlast, hitte en droogte.\n");
        Files.writeString(corpus.resolve("impuls.txt.meta.properties"),
                "title=Impulsregeling klimaatadaptatie open vanaf 1 januari 2021\ndate=2020-12-15\ntype=ledenbrief\n");
        Path index = tmp.resolve("index");
        try (Indexer indexer = new Indexer(corpus, new IndexLayout(index), Indexer.Progress.NONE, Clock.systemUTC(), List.of())) {
            indexer.run(false);
        }
        try (AnswerEngine engine = AnswerEngine.open(new IndexLayout(index))) {
            AnswerEngine.RankedPassage lead = engine.ask("vanaf wanneer kunnen we een aanvraag doen voor klimaatadaptatie?", 5)
                    .lead().orElseThrow();
            assertEquals("impuls.txt", lead.hit().document().id());
            assertTrue(lead.answerText().contains("vanaf 1 januari 2021 een aanvraag"), lead.answerText());
        }
    }
}

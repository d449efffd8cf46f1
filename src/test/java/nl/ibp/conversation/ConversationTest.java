package nl.ibp.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.cli.Main;
import nl.ibp.cli.Terminal;
import nl.ibp.index.IndexLayout;
import nl.ibp.TestCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation layer over the shipped corpus, on a clock the test moves. */
class ConversationTest {

    @TempDir
    static Path tmp;
    static AnswerEngine engine;
    static final List<String> unanswered = new ArrayList<>();
    static final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T09:00:00Z"));
    static Conversation conversation;

    /** A clock a test can move forward. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Amsterdam");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void open() throws Exception {
        Path corpus = TestCorpus.copyTo(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Terminal terminal = new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false);
        assertEquals(0, Main.execute(terminal, "index", "--corpus", corpus.toString(), "--index", index.toString()));
        engine = AnswerEngine.open(new IndexLayout(index));
        conversation = new Conversation(clock, (q, when) -> unanswered.add(q));
    }

    @AfterAll
    static void close() throws Exception {
        conversation.close();
        engine.close();
    }

    private static Response say(String chat, String text) throws Exception {
        return conversation.respond(engine, new Turn(chat, text));
    }

    @Test
    void aWhenQuestionLeadsWithTheDateAndSaysThatItPassed() throws Exception {
        Response r = say("when", "Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?");
        assertEquals(Response.Kind.ANSWER, r.kind());
        String lead = r.lead().orElseThrow().text();
        assertTrue(lead.contains("uiterlijk in 2021 een planning"), lead);
        assertTrue(lead.contains("uiterlijk in 2021: die termijn is verstreken"), "seen from 1 December 2026: " + lead);
        assertTrue(lead.contains("in 2050: dat is over 23 jaar"), "each date its own status: " + lead);
        assertEquals("programmastart-ibp.txt", r.lead().get().source().document().id());
    }

    @Test
    void aFollowUpIsReadInContextASwitchIsNotAndNieuwForgets() throws Exception {
        assertEquals(Response.Kind.ANSWER, say("ctx", "Wie heeft de regie over het klimaatakkoord?").kind());
        Response follow = say("ctx", "en voor klimaatadaptatie?");
        assertTrue(follow.context().isPresent(), "a follow-up leans on the turn before");
        Response fresh = say("ctx", "Andere vraag: wie is de algemeen directeur van de VNG?");
        assertTrue(fresh.context().isEmpty(), "a switch carries nothing over");
        assertTrue(fresh.lead().orElseThrow().text().contains("Jantine Kriens"), fresh.lead().get().text());
        say("ctx", "Wie heeft de regie over het klimaatakkoord?");
        conversation.reset("ctx");
        assertTrue(conversation.topic("ctx").isEmpty());
        assertTrue(say("ctx", "en wanneer?").context().isEmpty(), "/nieuw forgets the topic");
    }

    @Test
    void aFollowUpThatPointsBackIsAnsweredFromThePassageJustAnswered() throws Exception {
        Response first = say("back", "Wat is de NOVI?");
        String passage = first.lead().orElseThrow().source().passage().id();
        Response follow = say("back", "welke opgaven hangen daarmee samen?");
        assertEquals(passage, follow.lead().orElseThrow().source().passage().id(), follow.lead().get().text());
        assertTrue(follow.lead().get().text().contains("opgaves 1 tot en met 4"), follow.lead().get().text());
    }

    @Test
    void aFollowUpThatNamesSomethingNewIsSoughtAnew() throws Exception {
        Response first = say("new", "Wat is de Code Goed Digitaal Openbaar Bestuur?");
        Response follow = say("new", "en die challenge informatiesamenleving, wat houdt die in?");
        assertTrue(follow.context().isPresent(), "still read in the chat's context");
        assertFalse(follow.lead().orElseThrow().source().passage().id()
                .equals(first.lead().orElseThrow().source().passage().id()), follow.lead().get().text());
        assertTrue(follow.lead().get().text().contains("challenge informatiesamenleving"), follow.lead().get().text());
    }

    @Test
    void theTopicIsForgottenAfterAQuietPeriod() throws Exception {
        say("quiet", "Wie heeft de regie over het klimaatakkoord?");
        assertTrue(conversation.topic("quiet").isPresent());
        clock.advance(Conversation.QUIET.plusMinutes(1));
        assertTrue(conversation.topic("quiet").isEmpty());
    }

    @Test
    void offTopicAndLocalQuestionsGetNoAnswerAndAreRecorded() throws Exception {
        for (String q : List.of("wat is de hoofdstad van Australië", "Wie is de burgemeester van Zwolle?", "goedemorgen")) {
            Response r = say("off", q);
            assertTrue(r.lead().isEmpty(), q + " got: " + r.lead());
        }
        assertTrue(unanswered.contains("wat is de hoofdstad van Australië"), unanswered.toString());
        assertFalse(unanswered.contains("goedemorgen"), "a greeting is no question the documents lack");
    }

    @Test
    void aDocumentHoldsANameWhereAnyOfItsPassagesDoes() throws Exception {
        String groningen = engine.searcher().questionTerms("Groningen").getFirst();
        assertTrue(engine.searcher().documentHas("programmastart-ibp.txt", groningen));
        assertFalse(engine.searcher().documentHas("lbr-18-004-stand-van-zaken-ibp.txt", groningen));
        assertFalse(engine.searcher().documentHas("no-such-document.txt", groningen));
    }

    @Test
    void aNameTheAnswerLacksOrAYearNoDocumentNamesGetsNoAnswer() throws Exception {
        // "Groningen" and the VNG are in the documents, but no passage says what this wethouder thinks;
        // no document names 2029.
        for (String q : List.of("Wat vindt de wethouder van Groningen van het klimaatakkoord?",
                "Wie wordt in 2029 voorzitter van de VNG?")) {
            Response r = say("names", q);
            assertTrue(r.lead().isEmpty(), q + " got: " + r.lead());
        }
        // The same question without the name or with a year the documents name is answered.
        assertTrue(say("names", "Wie heeft de regie over het klimaatakkoord?").lead().isPresent());
        assertTrue(say("names", "Wanneer moeten gemeenten in 2021 een planning voor aardgasvrij vaststellen?").lead()
                .isPresent());
    }

    @Test
    void aWhenQuestionWithoutADateInItsLeadGetsNoAnswer() throws Exception {
        Response r = say("date", "Wanneer is de volgende verkiezing voor de Tweede Kamer?");
        assertTrue(r.lead().isEmpty(), "got: " + r.lead());
    }

    @Test
    void aQuestionAboutAnOpgaveGetsItsCard() throws Exception {
        Response r = say("card", "Wat is opgave 6?");
        assertEquals(Response.Kind.OPGAVE, r.kind());
        Response.OpgaveCard card = r.card().orElseThrow();
        assertEquals(6, card.opgave().number());
        assertTrue(card.ambition().isPresent());
        assertEquals(5, say("card2", "vertel me iets over de opgave sociaal domein").card().orElseThrow().opgave().number());
        assertEquals(Response.Kind.ANSWER, say("card3", "Wie is verantwoordelijk voor de schuldhulpverlening in opgave 6?").kind(),
                "a question about something in an opgave is answered, not carded");
    }

    @Test
    void aMisspellingTheDocumentsCanCorrectIsAnsweredAsIfSpelledRight() throws Exception {
        Response r = say("typo", "wie heeft de regie over het klimaatakoord");
        assertEquals(Response.Kind.ANSWER, r.kind());
        assertTrue(r.question().contains("klimaatakkoord"), r.question());
        assertTrue(r.lead().orElseThrow().text().contains("minister van EZK"), r.lead().get().text());
    }

    @Test
    void aDutchWordTheDocumentsLackIsNoMisspelling() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(
                java.nio.file.Path.of("/usr/share/hunspell/nl.dic")), "hunspell-nl is not installed");
        var spelling = engine.searcher().spelling();
        assertFalse(spelling.correct("Wanneer is de volgende verkiezing voor de Tweede Kamer?").changed(),
                "'verkiezing' is Dutch, not a misspelling of 'verdieping'");
        assertTrue(spelling.correct("wie gaat over het klimaatakoord").text().contains("klimaatakkoord"));
    }

    @Test
    void anEnglishQuestionIsToldTheDocumentsAreDutch() throws Exception {
        Response r = say("en", "What is the role of the VNG in the IBP?");
        assertTrue(r.notices().stream().anyMatch(n -> n.contains("Nederlands")), r.notices().toString());
    }

    @Test
    void whoSignedALetterIsAnsweredFromItsSignatureBlock() throws Exception {
        Response r = say("sign", "ander onderwerp: wie heeft die ledenbrief eigenlijk ondertekend?");
        assertEquals(Response.Kind.ANSWER, r.kind());
        String lead = r.lead().orElseThrow().text();
        assertTrue(lead.startsWith("Ondertekend door: ") && lead.contains("Jantine Kriens"), lead);
        assertFalse(lead.contains("groet"), "the closing formula is left out: " + lead);
        assertEquals("lbr-18-004-stand-van-zaken-ibp.txt", r.lead().get().source().document().id());
    }

    @Test
    void anotherFormOfAWordIsReadSilentlyAndQuestionWordsAreNeverCorrected() throws Exception {
        Response r = say("form", "hoe word het accres berekend");
        assertEquals(Response.Kind.ANSWER, r.kind(), r.toString());
        assertTrue(r.lead().orElseThrow().text().contains("accres"), r.lead().get().text());
        assertTrue(r.notices().stream().noneMatch(n -> n.startsWith("Gelezen als")), "no misspelling to report: " + r.notices());
        assertFalse(say("noem", "noem de vijf industrieclusters").question().contains("norm"),
                "'noem' asks; it is no misspelling of 'norm'");
    }
}

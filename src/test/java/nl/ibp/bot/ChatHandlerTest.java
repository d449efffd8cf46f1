package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.ibp.bot.Handler.Button;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.index.IndexLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation without Telegram, on an index of the shipped corpus. */
class ChatHandlerTest {

    @TempDir
    static Path tmp;
    static Path index;
    static BotStore store;
    static ChatHandler handler;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2019-06-01T10:00:00Z"), ZoneOffset.UTC);
    static final AtomicLong chats = new AtomicLong(1000);

    @BeforeAll
    static void open() throws Exception {
        index = BotFixture.index(tmp);
        store = BotStore.open(index);
        handler = ChatHandler.open(new IndexLayout(index), tmp.resolve("corpus"), store, CLOCK,
                new RateLimiter(20, 60_000, CLOCK));
    }

    @AfterAll
    static void close() throws Exception {
        handler.close();
        store.close();
    }

    /** A fresh chat (and user) per test: no shared context, no shared rate limit. */
    static long newChat() {
        return chats.incrementAndGet();
    }

    static List<Reply> send(long chat, String text) throws Exception {
        List<Reply> replies = handler.handle(new Incoming.Text(chat, chat, text));
        replies.forEach(ChatHandlerTest::checkReply);
        return replies;
    }

    static List<Reply> press(long chat, String data) throws Exception {
        List<Reply> replies = handler.handle(new Incoming.Callback(chat, chat, "cb" + data, data));
        replies.forEach(ChatHandlerTest::checkReply);
        assertTrue(replies.stream().anyMatch(r -> r instanceof Reply.CallbackAnswer), "every press is answered: " + replies);
        return replies;
    }

    static void checkReply(Reply r) {
        if (r instanceof Reply.Message m) {
            HtmlCheck.valid(m.html());
            for (String part : Html.split(m.html(), Html.LIMIT)) {
                assertTrue(part.length() <= Html.LIMIT);
                HtmlCheck.valid(part);
            }
            m.keyboard().forEach(row -> row.forEach(b ->
                    assertTrue(b.data().getBytes(StandardCharsets.UTF_8).length <= 64, b.data())));
        }
    }

    static Reply.Message message(List<Reply> replies) {
        return replies.stream().filter(r -> r instanceof Reply.Message).map(r -> (Reply.Message) r).findFirst()
                .orElseThrow(() -> new AssertionError("no message in " + replies));
    }

    static List<String> data(Reply.Message m) {
        return m.keyboard().stream().flatMap(List::stream).map(Button::data).toList();
    }

    @Test
    void startWelcomesWithTheTenOpgaven() throws Exception {
        Reply.Message m = message(send(newChat(), "/start"));
        assertTrue(m.html().contains("Welkom bij de IBP-assistent"), m.html());
        assertEquals(List.of("o:1", "o:2", "o:3", "o:4", "o:5", "o:6", "o:7", "o:8", "o:9", "o:10"), data(m));
    }

    @Test
    void startDeepLinkOpensAnOpgave() throws Exception {
        Reply.Message m = message(send(newChat(), "/start opgave_6"));
        assertTrue(m.html().contains("Opgave 6: Problematische schulden"), m.html());
        assertTrue(data(m).contains("d:6"));
    }

    @Test
    void commandsAddressedToTheBotByNameWork() throws Exception {
        assertTrue(message(send(newChat(), "/opgaven@IbpBot")).html().contains("Merkbaar beter in het sociaal domein"));
    }

    @Test
    void aQuestionGetsTheAnswerSentencePassageSourceAndButtons() throws Exception {
        long chat = newChat();
        Reply.Message m = message(send(chat, "Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?"));
        String html = m.html();
        assertTrue(html.startsWith("Met het oog daarop is de inzet dat alle gemeenten uiterlijk in 2021 een planning"), html);
        assertTrue(html.contains("uiterlijk in 2021: dat is over 1 jaar"), "a deadline is judged against today (2019-06-01): " + html);
        assertTrue(html.contains("Programmastart IBP, 14 februari 2018"), html);
        assertTrue(html.length() <= 700, "fits a phone screen: " + html.length());
        List<String> data = data(m);
        assertTrue(data.stream().anyMatch(d -> d.startsWith("b:")), data.toString());
        Reply.Message more = message(press(chat, data.stream().filter(d -> d.startsWith("b:")).findFirst().orElseThrow()));
        assertTrue(more.html().contains("<b>Bron</b>") && more.html().contains("uiterlijk in 2021 een planning"), more.html());
        assertTrue(data.contains("o:1"), data.toString());
        assertTrue(data.stream().anyMatch(d -> d.startsWith("f:") && d.endsWith(":+")), data.toString());
        assertTrue(data.stream().anyMatch(d -> d.startsWith("f:") && d.endsWith(":-")), data.toString());

        Reply.Message bron = message(send(chat, "/bron"));
        assertTrue(bron.html().contains("uiterlijk in 2021 een planning"), bron.html());
        assertTrue(bron.html().contains("Programmastart IBP"), bron.html());
    }

    @Test
    void theBotAndAskJsonlGiveTheSameLeadAnswerForTheSameTurns() throws Exception {
        List<String> turns = List.of("Wie heeft de regie over het klimaatakkoord?", "en voor klimaatadaptatie?",
                "Andere vraag: hoeveel woningen per jaar moeten er geïsoleerd worden");
        StringBuilder stdin = new StringBuilder();
        turns.forEach(t -> stdin.append("{\"chat\": \"same\", \"text\": \"").append(t).append("\"}\n"));
        java.io.StringWriter out = new java.io.StringWriter();
        nl.ibp.cli.Terminal terminal = new nl.ibp.cli.Terminal(new java.io.BufferedReader(new java.io.StringReader(stdin.toString())),
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()), false);
        assertEquals(0, nl.ibp.cli.Main.execute(terminal, "ask", "--jsonl", "--index", index.toString()));
        List<String> lines = out.toString().lines().toList();
        long chat = newChat();
        for (int i = 0; i < turns.size(); i++) {
            String bot = Html.plain(message(send(chat, turns.get(i))).html());
            String lead = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(i)).get("answer").get("text").asText();
            assertTrue(bot.contains(lead), "turn " + i + ": bot said " + bot + " / ask said " + lead);
        }
    }

    @Test
    void moreResultsShowTheNextPassages() throws Exception {
        long chat = newChat();
        Reply.Message answer = message(send(chat, "Wie neemt het voortouw bij de regionale energiestrategieën?"));
        String more = data(answer).stream().filter(d -> d.startsWith("m:")).findFirst().orElseThrow();
        Reply.Message next = message(press(chat, more));
        assertTrue(next.html().contains("Meer resultaten"), next.html());
        assertTrue(next.html().contains("\n2. "), next.html());
    }

    @Test
    void feedbackIsStoredWithQuestionAndPassage() throws Exception {
        long chat = newChat();
        String q = "Wat doen we aan eenzaamheid?";
        Reply.Message answer = message(send(chat, q));
        String down = data(answer).stream().filter(d -> d.startsWith("f:") && d.endsWith(":-")).findFirst().orElseThrow();
        List<Reply> replies = press(chat, down);
        assertEquals("Bedankt voor uw reactie!", ((Reply.CallbackAnswer) replies.getFirst()).text());
        assertTrue(store.feedback().stream().anyMatch(f -> f.question().equals(q) && f.vote() == -1
                && f.passage().length() == 12 && f.created().equals(CLOCK.instant())), store.feedback().toString());
    }

    @Test
    void unknownOrStaleButtonsAreAnsweredPolitely() throws Exception {
        long chat = newChat();
        assertEquals("Deze knop is verlopen; stel de vraag opnieuw.",
                ((Reply.CallbackAnswer) press(chat, "f:999999:+").getFirst()).text());
        assertEquals(1, press(chat, "zz:1").size());
        assertEquals(1, press(chat, "o:99").size());
        assertTrue(message(press(chat, "o:4")).html().contains("vitaal platteland"));
        assertTrue(message(press(chat, "d:1")).html().contains("Termijnen van opgave 1"));
    }

    @Test
    void followUpsReuseTheOpgaveOfTheChat() throws Exception {
        long chat = newChat();
        Reply.Message first = message(send(chat, "Wat is de ambitie voor klimaatadaptatie?"));
        assertTrue(data(first).contains("o:1"), data(first).toString());
        Reply.Message who = message(send(chat, "en wie is daarvoor verantwoordelijk?"));
        assertTrue(who.html().startsWith("<i>Over opgave 1"), "a follow-up says what it was read with: " + who.html());
        assertTrue(data(who).contains("n"), "a follow-up offers a new subject: " + data(who));
        Reply.Message fresh = message(send(chat, "/nieuw"));
        assertTrue(fresh.html().contains("Nieuw onderwerp"), fresh.html());
        Reply.Message alone = message(send(chat, "wanneer?"));
        assertFalse(alone.html().contains("Over opgave 1"), "after /nieuw nothing is carried over: " + alone.html());
    }

    @Test
    void nothingMatchingOffersTheNearestOpgaven() throws Exception {
        Reply.Message m = message(send(newChat(), "Wat is de hoofdstad van Frankrijk? <script>"));
        assertTrue(m.html().contains("geen goed antwoord"), m.html());
        assertTrue(m.html().contains("&lt;script&gt;"), m.html());
        assertFalse(m.keyboard().isEmpty());
        assertTrue(data(m).stream().allMatch(d -> d.startsWith("o:")), data(m).toString());
    }

    @Test
    void opgaveDeadlinesWieZoek() throws Exception {
        long chat = newChat();
        Reply.Message opgave = message(send(chat, "/opgave 1"));
        assertTrue(opgave.html().contains("<b>Opgave 1: Samen aan de slag voor het klimaat</b>"), opgave.html());
        assertTrue(opgave.html().contains("<b>Ambitie</b>"), opgave.html());
        assertTrue(opgave.html().contains("<b>Termijnen</b>"), opgave.html());
        assertEquals(List.of("d:1", "v:1", "l"), data(opgave));
        assertTrue(message(send(chat, "/opgave 11")).html().contains("1 tot en met 10"));
        assertTrue(message(send(chat, "/opgave")).html().contains("1 tot en met 10"));

        Reply.Message first = message(send(chat, "/deadlines"));
        String all = first.html();
        assertTrue((all.contains("komend") || all.contains("loopt")) && all.contains("1 van "), all);
        assertFalse(all.contains("(verstreken)"), "upcoming first: " + all);
        assertTrue(all.length() < Html.LIMIT, "one page is one message: " + all.length());
        // Volgende edits the same message in place, and the press is answered.
        String next = data(first).stream().filter(d -> d.startsWith("dl:")).findFirst().orElseThrow();
        List<Reply> paged = handler.handle(new Incoming.Callback(chat, chat, "cb-next", next, 42));
        assertInstanceOf(Reply.CallbackAnswer.class, paged.getFirst());
        Reply.Edit edit = assertInstanceOf(Reply.Edit.class, paged.get(1));
        assertEquals(42, edit.messageId());
        assertTrue(edit.message().html().contains("2 van "), edit.message().html());
        String one = message(send(chat, "/deadlines 1")).html();
        assertTrue(one.contains("Termijnen van opgave 1") && one.contains("1 van "), one);
        assertTrue(message(send(chat, "/deadlines 2021")).html().contains("in 2021"));
        assertTrue(message(send(chat, "/deadlines onzin")).html().contains("Gebruik"));

        String wie = message(send(chat, "/wie regionale energie- en klimaatstrategieën")).html();
        assertTrue(wie.contains("📄") && !wie.contains("geen goed antwoord"), wie);
        assertTrue(message(send(chat, "/wie")).html().contains("Waarover?"));

        String zoek = message(send(chat, "/zoek schuldhulpverlening")).html();
        assertTrue(zoek.contains("1. ") && zoek.toLowerCase().contains("schuld"), zoek);
        assertTrue(message(send(chat, "/zoek")).html().contains("Wat zoekt u?"));
    }

    @Test
    void helpTellsHowFreshTheIndexIs() throws Exception {
        String help = message(send(newChat(), "/help")).html();
        assertTrue(help.contains("/opgave") && help.contains("/bron"), help);
        assertTrue(help.contains("nieuwste document van 15 februari 2018"), help);
    }

    @Test
    void unknownCommandsEmptyAndNonTextGetAFriendlyReply() throws Exception {
        long chat = newChat();
        assertTrue(message(send(chat, "/foo<b>")).html().contains("ken ik niet"));
        assertTrue(message(send(chat, "   ")).html().contains("geen tekst"));
        assertTrue(message(handler.handle(new Incoming.Other(chat, chat, "sticker"))).html().contains("alleen tekst"));
        assertTrue(message(send(chat, "/bron")).html().contains("nog geen antwoord"));
    }

    @Test
    void luceneSyntaxAndVeryLongInputAreAnsweredNotRejected() throws Exception {
        long chat = newChat();
        Reply.Message syntax = message(send(chat, "klimaat AND (wonen OR \"gas*\") ~2 [a TO z] {x} ^3 \\ / !"));
        assertTrue(syntax.html().contains("📄") || syntax.html().contains("geen goed antwoord"), syntax.html());
        Reply.Message longer = message(send(chat, "aardgasvrij planning gemeenten ".repeat(230)));
        assertTrue(longer.html().contains("📄"), longer.html());
        assertTrue(ChatHandler.cut("x ".repeat(4000), ChatHandler.MAX_QUESTION).length() <= ChatHandler.MAX_QUESTION);
    }

    @Test
    void theRateLimitAnswersPolitelyOnceThenDrops() throws Exception {
        long chat = newChat();
        for (int i = 0; i < 20; i++) {
            assertFalse(send(chat, "/opgaven").isEmpty());
        }
        Reply.Message notice = message(send(chat, "/opgaven"));
        assertTrue(notice.html().contains("Wacht 60 seconden"), notice.html());
        assertTrue(send(chat, "/opgaven").isEmpty());
        assertInstanceOf(Reply.CallbackAnswer.class, handler.handle(new Incoming.Callback(chat, chat, "x", "l")).getFirst());
    }
}

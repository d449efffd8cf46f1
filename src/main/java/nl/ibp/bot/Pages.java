package nl.ibp.bot;

import static nl.ibp.bot.Html.esc;
import static nl.ibp.bot.TelegramView.shorten;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.conversation.Conversation;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.search.Hit;

/**
 * The bot's pages that are not an answer: the welcome of {@code /start}, {@code /help} with what
 * the index holds, the list of the ten opgaven and the passages {@code /zoek} finds.
 */
final class Pages {

    /** Search words longer than this are cut (at a word). */
    static final int MAX_QUESTION = Conversation.MAX_QUESTION;
    static final String NO_TEXT = "Ik zie geen tekst. Typ uw vraag over het Interbestuurlijk Programma, of /help.";

    private Pages() {
    }

    static Reply welcome() {
        String html = "<b>Welkom bij de IBP-assistent.</b>\n\n"
                + "Ik beantwoord vragen over het Interbestuurlijk Programma (IBP) met de tekst uit de brondocumenten zelf, "
                + "met de bron erbij. Stel gewoon een vraag, bijvoorbeeld:\n"
                + "• <i>Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?</i>\n"
                + "• <i>Wie neemt het voortouw bij de regionale energiestrategieën?</i>\n\n"
                + "Of kies hieronder een van de tien opgaven. Met /help ziet u alle commando's.";
        return new Reply.Message(html, TelegramView.opgavenKeyboard());
    }

    static Reply help(Snapshot s) {
        var manifest = s.engine.manifest();
        String fresh = manifest.newestDocumentDate().map(d -> TelegramView.dutchDate(LocalDate.parse(d))).orElse("onbekend");
        long documents = manifest.files().stream().filter(f -> f.indexed()).count();
        String html = "<b>Wat ik kan</b>\n"
                + "Typ een vraag in gewone taal; ik antwoord kort, met de bron erbij.\n\n"
                + "/opgaven – de tien opgaven van het IBP\n"
                + "/opgave <i>N</i> – één opgave: ambitie, termijnen, wie wat doet\n"
                + "/deadlines [<i>N</i> | <i>jaar</i> | komend | verstreken] – termijnen uit de afspraken\n"
                + "/wie <i>onderwerp</i> – wie is verantwoordelijk\n"
                + "/zoek <i>woorden</i> – de passages die het best passen\n"
                + "/bron – de volledige passage en bron van het laatste antwoord\n"
                + "/volg <i>N</i> – volg een opgave: herinneringen voor termijnen, bericht bij nieuwe documenten\n"
                + "/ontvolg <i>N</i> · /herinner <i>7,1</i> · /agenda <i>N</i> (termijnen als agendabestand)\n"
                + "/nieuw – een nieuw onderwerp: ik vergeet waar we het over hadden\n\n"
                + "Na een antwoord kunt u doorvragen, bijvoorbeeld <i>en wie is daarvoor verantwoordelijk?</i> of <i>en wanneer?</i>\n\n"
                + "<i>Index: " + documents + " documenten, " + s.engine.searcher().size() + " passages, " + s.agreements.size()
                + " afspraken; nieuwste document van " + esc(fresh) + ".</i>";
        return new Reply.Message(html);
    }

    static Reply opgaven() {
        StringBuilder sb = new StringBuilder("<b>De tien opgaven van het IBP</b>\n");
        String cluster = "";
        for (Opgave o : Opgaven.ALL) {
            if (!o.cluster().equals(cluster)) {
                cluster = o.cluster();
                sb.append("\n<i>").append(esc(cluster)).append("</i>\n");
            }
            sb.append(o.number()).append(". ").append(esc(o.title())).append('\n');
        }
        sb.append("\nKies een opgave voor de ambitie, de termijnen en wie wat doet.");
        return new Reply.Message(sb.toString(), TelegramView.opgavenKeyboard());
    }

    /** {@code /zoek}: the five passages that fit the words best, shortened. */
    static Reply search(Snapshot s, String words) throws IOException {
        String q = Conversation.cut(words, MAX_QUESTION);
        List<Hit> hits = s.engine.searcher().search(q, 5);
        if (hits.isEmpty()) {
            return new Reply.Message("Niets gevonden voor <i>" + esc(shorten(words, 100)) + "</i>. Probeer andere woorden.");
        }
        StringBuilder sb = new StringBuilder("<b>Gevonden voor</b> <i>").append(esc(shorten(words, 100))).append("</i>\n");
        int i = 1;
        for (Hit h : hits) {
            sb.append('\n').append(i++).append(". <i>").append(esc(TelegramView.sourceLine(h))).append("</i>\n")
                    .append(esc(shorten(h.passage().text(), 300))).append('\n');
        }
        return new Reply.Message(sb.toString());
    }
}

package nl.ibp.bot;

import static nl.ibp.bot.Html.esc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Deadline;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.conversation.Response;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Sentences;
import nl.ibp.search.Hit;

/**
 * How the conversation's responses look in Telegram: HTML parse mode, every dynamic string
 * escaped, short enough for a phone screen before the buttons. Knows nothing of the Bot API.
 */
final class TelegramView {

    /** The shortened passage shows about this many characters around the answer sentence. */
    static final int CONTEXT = 280;

    private TelegramView() {
    }

    /** The lead answer, where context was used a word on it, and its source; the passage only on request. */
    static String answer(Response r) {
        Response.Lead lead = r.lead().orElseThrow();
        StringBuilder sb = new StringBuilder();
        notices(sb, r);
        r.context().ifPresent(t -> sb.append("<i>Over ").append(esc(t.label())).append(":</i>\n"));
        sb.append(esc(lead.text())).append("\n\n");
        sb.append("📄 ").append(sourceHtml(lead.source()));
        return sb.toString();
    }

    static String noAnswer(Response r) {
        StringBuilder sb = new StringBuilder();
        notices(sb, r);
        r.context().ifPresent(t -> sb.append("<i>Over ").append(esc(t.label())).append(":</i>\n"));
        sb.append("Op <i>").append(esc(shorten(r.question(), 200))).append("</i> vind ik geen goed antwoord in de documenten.");
        for (Response.Suggestion s : r.suggestions()) {
            if (s instanceof Response.Suggestion.DidYouMean d) {
                sb.append("\nBedoelde u: <i>").append(esc(d.text())).append("</i>?");
            }
        }
        boolean near = r.suggestions().stream().anyMatch(s -> s instanceof Response.Suggestion.NearOpgave);
        sb.append(near ? "\nProbeer andere woorden, of kijk bij de opgave die er het dichtst bij ligt:"
                : "\nProbeer andere woorden, of kies een opgave:");
        return sb.toString();
    }

    static String card(Response.OpgaveCard card, LocalDate today) {
        Opgave o = card.opgave();
        StringBuilder sb = new StringBuilder();
        sb.append("<b>Opgave ").append(o.number()).append(": ").append(esc(o.title())).append("</b> <i>(")
                .append(esc(o.cluster())).append(")</i>\n");
        card.ambition().ifPresent(a -> sb.append("\n<b>Ambitie</b>\n").append(esc(shorten(a.text(), 500))).append('\n')
                .append("📄 ").append(sourceHtml(a.source())).append('\n'));
        if (!card.deadlines().isEmpty()) {
            sb.append("\n<b>Termijnen</b>\n");
            card.deadlines().stream().limit(4).forEach(a -> {
                Deadline d = a.deadlines().getFirst();
                sb.append("• ").append(esc(d.label())).append(" <i>(").append(d.status(today).dutch()).append(")</i>: ")
                        .append(esc(shorten(a.text(), 160))).append('\n');
            });
            if (card.deadlines().size() > 4) {
                sb.append("<i>en nog ").append(card.deadlines().size() - 4).append(" – zie /deadlines ").append(o.number())
                        .append("</i>\n");
            }
        }
        if (!card.actors().isEmpty()) {
            sb.append("\n<b>Wie doet mee</b>\n").append(esc(String.join(", ", card.actors().stream().limit(10).toList())))
                    .append('\n');
        }
        return sb.toString();
    }

    private static void notices(StringBuilder sb, Response r) {
        r.notices().forEach(n -> sb.append("<i>").append(esc(n)).append("</i>\n"));
    }

    /** The passage shortened around its answer sentence, the sentence in bold. */
    static String excerpt(RankedPassage p) {
        String text = p.hit().passage().text();
        Sentences.Span s = p.answer();
        int from = Math.max(0, s.start() - CONTEXT);
        int to = Math.min(text.length(), s.end() + CONTEXT);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space < 0 || space > s.start() ? s.start() : space + 1;
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space < s.end() ? s.end() : space;
        }
        return (from > 0 ? "…" : "") + esc(text.substring(from, s.start())) + "<b>" + esc(text.substring(s.start(), s.end()))
                + "</b>" + esc(text.substring(s.end(), to)) + (to < text.length() ? "…" : "");
    }

    static String sourceHtml(Hit h) {
        StringBuilder sb = new StringBuilder("<i>").append(esc(h.document().title()));
        h.document().date().ifPresent(d -> sb.append(", ").append(dutchDate(d)));
        sb.append("</i>");
        if (!h.passage().section().isEmpty()) {
            sb.append(" – ").append(esc(shorten(h.passage().section(), 160)));
        }
        return sb.toString();
    }

    static String sourceLine(Hit h) {
        return h.document().title() + h.document().date().map(d -> ", " + dutchDate(d)).orElse("")
                + (h.passage().section().isEmpty() ? "" : " – " + h.passage().section());
    }

    static String agreementHtml(Agreement a, LocalDate today) {
        StringBuilder sb = new StringBuilder("• ").append(esc(a.text()));
        if (!a.actors().isEmpty()) {
            sb.append("\n   <i>wie:</i> ").append(esc(a.actors().stream()
                    .map(r -> r.actor().name() + " (" + r.role().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")")
                    .distinct().collect(Collectors.joining(", "))));
        }
        if (!a.deadlines().isEmpty()) {
            sb.append("\n   <i>wanneer:</i> ").append(esc(a.deadlines().stream()
                    .map(d -> d.label() + " (" + span(d) + ", " + d.status(today).dutch() + ")")
                    .collect(Collectors.joining(", "))));
        }
        sb.append("\n   <i>bron:</i> ").append(esc(a.source().title()));
        a.source().date().ifPresent(d -> sb.append(", ").append(dutchDate(d)));
        if (a.status().equals(Agreement.DONE)) {
            sb.append(" · <i>afgerond</i>");
        }
        return sb.toString();
    }

    static String span(Deadline d) {
        return d.start().equals(d.end()) ? dutchDate(d.start()) : dutchDate(d.start()) + " t/m " + dutchDate(d.end());
    }

    static String dutchDate(LocalDate date) {
        String[] months = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december"};
        return date.getDayOfMonth() + " " + months[date.getMonthValue() - 1] + " " + date.getYear();
    }

    /** At most {@code max} characters, cut at a word, with "…" when cut. */
    static String shorten(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int space = t.lastIndexOf(' ', max - 1);
        return t.substring(0, space > max / 2 ? space : max - 1) + "…";
    }

    /** The ten opgaven as buttons, two to a row. */
    static List<List<Handler.Button>> opgavenKeyboard() {
        List<List<Handler.Button>> rows = new ArrayList<>();
        for (int i = 0; i < Opgaven.ALL.size(); i += 2) {
            List<Handler.Button> row = new ArrayList<>();
            for (Opgave o : Opgaven.ALL.subList(i, Math.min(i + 2, Opgaven.ALL.size()))) {
                row.add(opgaveButton(o));
            }
            rows.add(row);
        }
        return rows;
    }

    static Handler.Button opgaveButton(Opgave o) {
        String title = o.title().length() <= 28 ? o.title() : o.title().substring(0, o.title().lastIndexOf(' ', 27)) + "…";
        return new Handler.Button(o.number() + ". " + title, "o:" + o.number());
    }
}

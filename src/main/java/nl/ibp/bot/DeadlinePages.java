package nl.ibp.bot;

import static nl.ibp.bot.Html.esc;
import static nl.ibp.bot.TelegramView.shorten;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.DeadlineStatus;
import nl.ibp.agreements.Timeline;
import nl.ibp.bot.Handler.Button;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.passage.Opgaven;

/**
 * {@code /deadlines} as pages of one message: the filter it takes (an opgave, a year, komend or
 * verstreken), the page shown, and the Vorige/Volgende buttons ({@code dl:<filter>:<page>}) that
 * edit the message in place.
 */
final class DeadlinePages {

    /** Deadlines per page. */
    static final int PAGE = 5;

    private DeadlinePages() {
    }

    /** One page of deadlines: upcoming first (soonest first), then the most recently passed. */
    static Reply page(List<Agreement> agreements, LocalDate today, String arg, int page) {
        String a = arg.strip().toLowerCase(Locale.ROOT);
        OptionalInt opgave = OptionalInt.empty();
        Integer year = null;
        String when = "";
        if (a.matches("\\d{1,2}")) {
            int n = Integer.parseInt(a);
            if (n < 1 || n > Opgaven.ALL.size()) {
                return new Reply.Message("Kies een opgave van 1 tot en met 10, bijvoorbeeld <code>/deadlines 1</code>.");
            }
            opgave = OptionalInt.of(n);
        } else if (a.matches("\\d{4}")) {
            year = Integer.parseInt(a);
        } else if (a.equals("komend") || a.equals("verstreken")) {
            when = a;
        } else if (!a.isEmpty()) {
            return new Reply.Message("Gebruik <code>/deadlines</code>, <code>/deadlines 6</code> (een opgave), "
                    + "<code>/deadlines 2021</code> (een jaar), <code>/deadlines komend</code> of <code>/deadlines verstreken</code>.");
        }
        // The timeline: current ones first (soonest first), then the most recently passed; recurring
        // items, reference dates, replaced dates and superseded agreements are left out.
        List<DatedItem> rows = new ArrayList<>();
        for (DatedItem item : Timeline.of(agreements, today)) {
            boolean passed = item.status() == DeadlineStatus.PASSED;
            if ((opgave.isEmpty() || item.agreement().opgave().equals(opgave)) && (year == null || item.deadline().spans(year))
                    && (!when.equals("komend") || !passed) && (!when.equals("verstreken") || passed)) {
                rows.add(item);
            }
        }
        String title = "<b>Termijnen" + (opgave.isPresent() ? " van opgave " + opgave.getAsInt() : "")
                + (year != null ? " in " + year : "") + (when.isEmpty() ? "" : " (" + when + ")") + "</b>";
        if (rows.isEmpty()) {
            return new Reply.Message(title + "\n\nGeen termijnen gevonden.");
        }
        int pages = (rows.size() + PAGE - 1) / PAGE;
        int p = Math.max(0, Math.min(page, pages - 1));
        StringBuilder sb = new StringBuilder(title).append(" <i>– ").append(p + 1).append(" van ").append(pages)
                .append(", gezien vanaf ").append(TelegramView.dutchDate(today)).append("</i>\n");
        for (DatedItem r : rows.subList(p * PAGE, Math.min(rows.size(), (p + 1) * PAGE))) {
            sb.append("\n• <b>").append(esc(r.deadline().label())).append("</b> <i>(")
                    .append(r.goal() ? "doel, " : "").append(r.status().dutch()).append(")</i>");
            r.agreement().opgave().ifPresent(n -> sb.append(" · opgave ").append(n));
            if (r.moved()) {
                sb.append(" · <i>verschoven</i>");
            }
            sb.append("\n").append(esc(shorten(r.agreement().text(), 220))).append('\n');
        }
        String key = a.isEmpty() ? "-" : a;
        List<Button> nav = new ArrayList<>();
        if (p > 0) {
            nav.add(new Button("◀ Vorige", "dl:" + key + ":" + (p - 1)));
        }
        if (p + 1 < pages) {
            nav.add(new Button("Volgende ▶", "dl:" + key + ":" + (p + 1)));
        }
        return new Reply.Message(sb.toString(), nav.isEmpty() ? List.of() : List.of(nav));
    }

    /** The page a {@code dl:<filter>:<page>} button asks for. */
    static Reply pressed(List<Agreement> agreements, LocalDate today, String filter, int page) {
        return page(agreements, today, filter.equals("-") ? "" : filter, page);
    }
}

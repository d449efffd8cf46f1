package nl.ibp.bot;

import static nl.ibp.bot.Html.esc;
import static nl.ibp.bot.TelegramView.dutchDate;
import static nl.ibp.bot.TelegramView.shorten;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Deadline;
import nl.ibp.bot.Handler.Button;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.follow.AlertDiff;
import nl.ibp.follow.DeadlineCalendar;
import nl.ibp.follow.DueRules;
import nl.ibp.follow.ReminderDays;
import nl.ibp.follow.Reminder;
import nl.ibp.passage.Opgaven;

/** How reminders, move notices and alerts look in Telegram (HTML parse mode, every dynamic string escaped). */
final class FollowView {

    /** New agreements listed per opgave in an alert; the rest is counted. */
    static final int ALERT_ITEMS = 4;

    private FollowView() {
    }

    static String opgaveName(int n) {
        return "opgave " + n + Opgaven.find(n).map(o -> " (" + o.title() + ")").orElse("");
    }

    /** "14 en 1 dag", "7, 3 en 1 dagen". */
    static String days(ReminderDays days) {
        List<String> parts = days.days().stream().map(String::valueOf).toList();
        String joined = parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " en " + parts.getLast();
        return joined + (days.days().size() == 1 && days.days().getFirst() == 1 ? " dag" : " dagen");
    }

    static Reply.Message reminder(Reminder r, LocalDate today) {
        Agreement a = r.item().agreement();
        Deadline d = r.item().deadline();
        int opgave = a.opgave().orElse(0);
        StringBuilder sb = new StringBuilder("⏰ <b>Herinnering: ").append(esc(when(d, today))).append("</b>\n");
        sb.append("<i>").append(esc(capital(opgaveName(opgave)))).append("</i>\n\n");
        sb.append(esc(shorten(a.text(), 600))).append("\n");
        sb.append("\n<i>termijn:</i> ").append(esc(d.label())).append(" (").append(esc(TelegramView.span(d))).append(')');
        if (!a.actors().isEmpty()) {
            sb.append("\n<i>wie:</i> ").append(esc(actors(a)));
        } else {
            sb.append("\n<i>wie:</i> niet genoemd in de afspraak");
        }
        sb.append("\n📄 <i>bron:</i> ").append(esc(DeadlineCalendar.source(a.source())));
        return new Reply.Message(sb.toString(), List.of(List.of(new Button("Opgave " + opgave, "o:" + opgave),
                new Button("Niet meer volgen", "vu:" + opgave))));
    }

    /** "over 14 dagen (1 mei 2018)", "morgen (1 mei 2018)", "uiterlijk eind 2021". */
    static String when(Deadline d, LocalDate today) {
        LocalDate due = DueRules.dueDay(d);
        if (DueRules.yearOnly(d)) {
            return (d.kind() == Deadline.Kind.DEADLINE ? "uiterlijk eind " : "eind ") + due.getYear();
        }
        long days = ChronoUnit.DAYS.between(today, due);
        String rel = days <= 0 ? "vandaag" : days == 1 ? "morgen" : "over " + days + " dagen";
        String note = d.precision() == Deadline.Precision.DAY ? dutchDate(due) : "uiterlijk " + dutchDate(due);
        return rel + " (" + note + ")";
    }

    static Reply.Message moved(Agreement old, Optional<Agreement> newer, LocalDate remindedDeadline) {
        int opgave = old.opgave().isPresent() ? old.opgave().getAsInt() : newer.flatMap(n -> {
            return n.opgave().isPresent() ? Optional.of(n.opgave().getAsInt()) : Optional.empty();
        }).orElse(0);
        StringBuilder sb = new StringBuilder("↪️ <b>Termijn verschoven</b>\n<i>")
                .append(esc(capital(opgaveName(opgave)))).append("</i>\n\n");
        sb.append("U kreeg een herinnering voor: ").append(esc(shorten(old.text(), 400))).append('\n');
        sb.append("\n<i>was:</i> ").append(esc(dutchDate(remindedDeadline)));
        newer.ifPresent(n -> {
            String now = n.deadlines().stream().filter(d -> d.kind() != Deadline.Kind.REPLACED && d.dated())
                    .map(d -> d.label() + " (" + TelegramView.span(d) + ")").collect(Collectors.joining(", "));
            if (!now.isEmpty()) {
                sb.append("\n<i>nu:</i> ").append(esc(now));
            }
            sb.append("\n").append(esc(shorten(n.text(), 400)));
            sb.append("\n📄 <i>bron:</i> ").append(esc(DeadlineCalendar.source(n.source())));
        });
        return new Reply.Message(sb.toString(), opgave > 0 ? List.of(List.of(new Button("Opgave " + opgave, "o:" + opgave)))
                : List.of());
    }

    static Reply.Message alert(List<AlertDiff.OpgaveNews> news) {
        StringBuilder sb = new StringBuilder("📄 <b>Nieuw in de documenten</b>\n");
        List<Button> buttons = new ArrayList<>();
        for (AlertDiff.OpgaveNews n : news) {
            sb.append("\n<b>").append(esc(capital(opgaveName(n.opgave())))).append("</b>\n");
            for (Agreement.Source s : n.documents()) {
                sb.append("Document: <i>").append(esc(s.title()));
                s.date().ifPresent(d -> sb.append(", ").append(dutchDate(d)));
                sb.append("</i>\n");
            }
            if (!n.added().isEmpty()) {
                sb.append(n.added().size() == 1 ? "1 nieuwe afspraak:\n" : n.added().size() + " nieuwe afspraken:\n");
                n.added().stream().limit(ALERT_ITEMS).forEach(a -> {
                    sb.append("• ").append(esc(shorten(a.text(), 200)));
                    a.deadlines().stream().filter(Deadline::dated).findFirst()
                            .ifPresent(d -> sb.append(" <i>(").append(esc(d.label())).append(")</i>"));
                    sb.append('\n');
                });
                if (n.added().size() > ALERT_ITEMS) {
                    sb.append("<i>en nog ").append(n.added().size() - ALERT_ITEMS).append("</i>\n");
                }
            }
            for (AlertDiff.Move m : n.moved().stream().limit(ALERT_ITEMS).toList()) {
                sb.append("↪️ verschoven: ").append(esc(shorten(m.old().text(), 160)));
                m.old().deadlines().stream().filter(Deadline::dated).findFirst()
                        .ifPresent(d -> sb.append(" <i>(was ").append(esc(d.label())).append(")</i>"));
                m.newer().flatMap(x -> x.deadlines().stream().filter(d -> d.kind() != Deadline.Kind.REPLACED && d.dated())
                        .findFirst()).ifPresent(d -> sb.append(" → <b>").append(esc(d.label())).append("</b>"));
                sb.append('\n');
            }
            if (buttons.size() < 6) {
                buttons.add(new Button("Opgave " + n.opgave(), "o:" + n.opgave()));
            }
        }
        return new Reply.Message(sb.toString(), List.of(buttons));
    }

    static String actors(Agreement a) {
        return a.actors().stream()
                .map(r -> r.actor().name() + " (" + r.role().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")")
                .distinct().collect(Collectors.joining(", "));
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

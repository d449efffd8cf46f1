package nl.ibp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.Timeline;
import nl.ibp.agreements.Deadline;
import nl.ibp.agreements.Responsibility;
import nl.ibp.passage.Opgaven;

/** How agreements look: the {@code afspraken --json} contract, and lines for people. */
final class AgreementFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgreementFormat() {
    }

    /**
     * {@code {"id", "opgave": {"number", "title"} | null, "text", "deadlines": [{"label", "start",
     * "end", "precision", "kind"}], "actors": [{"name", "type", "role"}], "source": {"document",
     * "title", "date", "section", "passage"}, "status", "curated", "superseded_by": id | null}}: a contract;
     * add, never rename. {@code kind} is one of deadline, target, start, recurring, event, reference, replaced.
     */
    static ObjectNode json(Agreement a) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", a.id());
        if (a.opgave().isPresent()) {
            ObjectNode o = node.putObject("opgave");
            o.put("number", a.opgave().getAsInt());
            o.put("title", Opgaven.byNumber(a.opgave().getAsInt()).title());
        } else {
            node.putNull("opgave");
        }
        node.put("text", a.text());
        ArrayNode deadlines = node.putArray("deadlines");
        for (Deadline d : a.deadlines()) {
            deadlines.addObject().put("label", d.label()).put("start", d.start().toString()).put("end", d.end().toString())
                    .put("precision", lower(d.precision().name())).put("kind", lower(d.kind().name()));
        }
        ArrayNode actors = node.putArray("actors");
        for (Responsibility r : a.actors()) {
            actors.addObject().put("name", r.actor().name()).put("type", lower(r.actor().type().name()))
                    .put("role", lower(r.role().name()));
        }
        ObjectNode source = node.putObject("source");
        source.put("document", a.source().document());
        source.put("title", a.source().title());
        if (a.source().date().isPresent()) {
            source.put("date", a.source().date().get().toString());
        } else {
            source.putNull("date");
        }
        source.put("section", a.source().section());
        source.put("passage", a.source().passage());
        node.put("status", a.status());
        node.put("curated", a.curated());
        if (a.supersededBy().isPresent()) {
            node.put("superseded_by", a.supersededBy().get());
        } else {
            node.putNull("superseded_by");
        }
        return node;
    }

    /** "uiterlijk in 2021 (2021) · gemeenten (uitvoering) — Programmastart IBP, 14 februari 2018". */
    static String line(Agreement a) {
        StringBuilder sb = new StringBuilder(a.text());
        if (!a.actors().isEmpty()) {
            sb.append("\n     wie: ").append(a.actors().stream()
                    .map(r -> r.actor().name() + " (" + lower(r.role().name()) + ")").collect(Collectors.joining(", ")));
        }
        if (!a.deadlines().isEmpty()) {
            sb.append("\n     wanneer: ").append(a.deadlines().stream().map(AgreementFormat::when).collect(Collectors.joining(", ")));
        }
        sb.append("\n     bron: ").append(a.source().title());
        a.source().date().ifPresent(d -> sb.append(", ").append(AnswerFormat.dutchDate(d)));
        if (!a.source().section().isEmpty()) {
            sb.append(" – ").append(a.source().section());
        }
        if (a.status().equals(Agreement.DONE)) {
            sb.append("\n     status: afgerond");
        }
        a.supersededBy().ifPresent(id -> sb.append("\n     vervallen: een nieuwer document verschoof dit (afspraak ").append(id)
                .append(')'));
        return sb.toString();
    }

    /** What a dated item is, in a word: "termijn", "doel", "start" or "moment". */
    static String kindWord(Deadline d) {
        return switch (d.kind()) {
            case DEADLINE -> "termijn";
            case TARGET -> "doel";
            case START -> "start";
            case RECURRING -> "terugkerend";
            case REFERENCE -> "peildatum";
            case REPLACED -> "vervangen";
            case EVENT -> "moment";
        };
    }

    /**
     * The span of a date as compactly as it is meant: "2030", "2019–2021", "2020-12", "2022-01-01",
     * "t/m 2029-12-31" for a window that runs up to a day, else "start t/m end".
     */
    static String period(Deadline d) {
        LocalDate s = d.start();
        LocalDate e = d.end();
        boolean wholeYears = s.getDayOfYear() == 1 && e.getDayOfYear() == e.lengthOfYear();
        if (wholeYears) {
            return s.getYear() == e.getYear() ? String.valueOf(s.getYear()) : s.getYear() + "–" + e.getYear();
        }
        if (s.equals(e)) {
            return s.toString();
        }
        if (s.getDayOfMonth() == 1 && e.equals(s.withDayOfMonth(s.lengthOfMonth()))) {
            return s.toString().substring(0, 7);
        }
        if (d.kind() == Deadline.Kind.DEADLINE && (d.precision() == Deadline.Precision.YEARS || s.getYear() != e.getYear())) {
            return "t/m " + e;
        }
        return s + " t/m " + e;
    }

    /**
     * The part of an agreement's text around a date's label, at most {@code max} characters: the clause
     * that names the date, so that a sentence with several dates shows the one the row is about.
     */
    static String excerpt(String text, String label, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int at = flat.indexOf(label.replaceAll("\\s+", " "));
        if (at < 0 || at + label.length() <= max - 1) {
            return flat.substring(0, max - 1) + "…";
        }
        int from = Math.max(0, Math.min(at - max / 2, flat.length() - (max - 2)));
        int space = flat.indexOf(' ', from);
        from = space >= 0 && space < at ? space + 1 : from;
        String part = flat.substring(from);
        return "…" + (part.length() <= max - 1 ? part : part.substring(0, max - 2) + "…");
    }

    /**
     * "verschoven; eerder per 1 januari 2022 (Herijking gemeentefonds, 5 maart 2020); nu volgens Nieuwsbericht,
     * 8 december 2020", or "" when the date did not move.
     */
    static String moved(DatedItem item) {
        if (!item.moved()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("verschoven");
        List<Deadline> from = item.replacedDates();
        if (!from.isEmpty()) {
            sb.append("; eerder ").append(from.stream().map(Deadline::label).distinct().collect(Collectors.joining(", ")));
        }
        if (!item.replaces().isEmpty()) {
            sb.append(" (").append(source(item.replaces().getFirst())).append(')');
        }
        sb.append("; nu volgens ").append(source(item.agreement()));
        return sb.toString();
    }

    /** For a superseded agreement: "vervallen; nu 1 januari 2023 volgens Nieuwsbericht, 8 december 2020". */
    static String replacedBy(Agreement newer) {
        String dates = newer.deadlines().stream().filter(d -> Timeline.onTimeline(newer, d)).map(Deadline::label)
                .collect(Collectors.joining(", "));
        return "vervallen; nu " + (dates.isEmpty() ? "" : dates + " ") + "volgens " + source(newer);
    }

    /** "Programmastart IBP, 14 februari 2018". */
    static String source(Agreement a) {
        String title = a.source().title();
        title = title.length() <= 60 ? title : title.substring(0, 59) + "…";
        return title + a.source().date().map(d -> ", " + AnswerFormat.dutchDate(d)).orElse("");
    }

    /** "verstreken", "loopt", "komend", or "terugkerend" for a rhythm such as "vier keer per jaar". */
    static String state(Deadline d, LocalDate today) {
        if (d.kind() == Deadline.Kind.RECURRING) {
            return "terugkerend";
        }
        return d.end().isBefore(today) ? "verstreken" : d.start().isAfter(today) ? "komend" : "loopt";
    }

    /** Whether a deadline lies behind us; a rhythm never does. */
    static boolean passed(Deadline d, LocalDate today) {
        return d.kind() != Deadline.Kind.RECURRING && d.end().isBefore(today);
    }

    static String when(Deadline d) {
        return d.label() + " (" + span(d.start(), d.end()) + ")";
    }

    static String span(LocalDate start, LocalDate end) {
        return start.equals(end) ? start.toString() : start + " t/m " + end;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package nl.ibp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.ibp.agreements.Agreement;
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
     * "title", "date", "section", "passage"}, "status", "curated"}}: a contract; add, never rename.
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
        return sb.toString();
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

package nl.ibp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.ibp.agreements.Agreement;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.answer.Evidence;
import nl.ibp.conversation.Response;
import nl.ibp.passage.Opgave;
import nl.ibp.search.Hit;

/** How responses look: as text for people, and as the {@code ask --jsonl} contract for tools. */
final class AnswerFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerFormat() {
    }

    /**
     * One JSON object on one line: {@code {"question", "opgave": {"number", "title"} | null,
     * "agreements": [as afspraken --json], "passages": [{"rank", "id", "text", "answer",
     * "document", "title", "date", "section", "opgave", "score"}], "answer": {"text", "passage",
     * "document", "title", "date", "section", "opgave", "context"} | null, "suggestions": [{"opgave": N}
     * | {"did_you_mean": "…"}], "kind", "read_as", "notices", "evidence"}}; {@code question} is the turn as
     * given, {@code read_as} the question as it was read when that differs (spelling, a switch marker). A contract other tools build on: fields may
     * be added, never renamed or removed.
     */
    static String jsonLine(Response response, String asked) {
        ObjectNode root = JSON.createObjectNode();
        root.put("question", asked);
        if (!response.question().equals(asked.strip())) {
            root.put("read_as", response.question());
        }
        Optional<AnswerEngine.Answer> answer = response.answer();
        Optional<Opgave> opgave = response.card().map(Response.OpgaveCard::opgave)
                .or(() -> answer.flatMap(AnswerEngine.Answer::opgave));
        if (opgave.isPresent()) {
            root.putObject("opgave").put("number", opgave.get().number()).put("title", opgave.get().title());
        } else {
            root.putNull("opgave");
        }
        ArrayNode agreements = root.putArray("agreements");
        List<Agreement> shown = response.card().map(Response.OpgaveCard::deadlines)
                .orElseGet(() -> answer.map(AnswerEngine.Answer::agreements).orElse(List.of()));
        shown.forEach(a -> agreements.add(AgreementFormat.json(a)));
        ArrayNode passages = root.putArray("passages");
        for (AnswerEngine.RankedPassage p : answer.map(AnswerEngine.Answer::passages).orElse(List.of())) {
            ObjectNode node = passages.addObject();
            node.put("rank", p.rank());
            passage(node.put("id", p.hit().passage().id()), p.hit());
            node.put("text", p.hit().passage().text());
            node.put("answer", p.answerText());
            node.put("score", Math.round(p.hit().score() * 1000) / 1000.0);
        }
        if (response.lead().isPresent()) {
            Response.Lead lead = response.lead().get();
            ObjectNode node = root.putObject("answer");
            node.put("text", lead.text());
            node.put("passage", lead.source().passage().id());
            passage(node, lead.source());
            if (lead.opgave().isPresent()) {
                node.put("opgave", lead.opgave().get().number());
            }
            response.context().ifPresentOrElse(t -> node.put("context", t.label()), () -> node.putNull("context"));
        } else {
            root.putNull("answer");
        }
        ArrayNode suggestions = root.putArray("suggestions");
        for (Response.Suggestion s : response.suggestions()) {
            switch (s) {
                case Response.Suggestion.NearOpgave o -> suggestions.addObject().put("opgave", o.opgave().number());
                case Response.Suggestion.DidYouMean d -> suggestions.addObject().put("did_you_mean", d.text());
            }
        }
        root.put("kind", response.kind().name().toLowerCase(Locale.ROOT));
        response.notices().forEach(root.putArray("notices")::add);
        answer.map(AnswerEngine.Answer::evidence).ifPresent(e -> evidence(root.putObject("evidence"), e));
        return root.toString();
    }

    private static void passage(ObjectNode node, Hit hit) {
        node.put("document", hit.document().id());
        node.put("title", hit.document().title());
        if (hit.document().date().isPresent()) {
            node.put("date", hit.document().date().get().toString());
        } else {
            node.putNull("date");
        }
        node.put("section", hit.passage().section());
        if (hit.passage().opgave().isPresent()) {
            node.put("opgave", hit.passage().opgave().getAsInt());
        } else {
            node.putNull("opgave");
        }
    }

    private static void evidence(ObjectNode node, Evidence e) {
        node.put("passage_coverage", Math.round(e.passageCoverage() * 1000) / 1000.0);
        node.put("sentence_coverage", Math.round(e.sentenceCoverage() * 1000) / 1000.0);
        node.put("terms", e.terms());
        node.put("score", Math.round(e.score() * 1000) / 1000.0);
        e.unknown().forEach(node.putArray("unknown")::add);
        e.missing().forEach(node.putArray("missing")::add);
    }

    /**
     * A response for a person: the lead answer and its source; the passages underneath only
     * when asked for ({@code withPassages}); no sentence twice.
     */
    static String text(Response response, boolean withPassages) {
        StringBuilder sb = new StringBuilder();
        response.notices().forEach(n -> sb.append(n).append('\n'));
        switch (response.kind()) {
            case EMPTY -> sb.append("Typ een vraag over het Interbestuurlijk Programma.\n");
            case SMALL_TALK -> sb.append("Goedendag! Stel gerust een vraag over het Interbestuurlijk Programma, bijvoorbeeld:"
                    + " wanneer moeten gemeenten van het gas af?\n");
            case NO_ANSWER -> noAnswer(sb, response);
            case OPGAVE -> card(sb, response.card().orElseThrow());
            case ANSWER -> {
                Response.Lead lead = response.lead().orElseThrow();
                response.context().ifPresent(t -> sb.append("Over ").append(t.label()).append(":\n"));
                sb.append(lead.text()).append('\n');
                sb.append("Bron: ").append(source(lead.source())).append('\n');
                List<Agreement> agreements = response.answer().map(AnswerEngine.Answer::agreements).orElse(List.of());
                agreements.stream().filter(a -> !lead.text().contains(a.text())).findFirst().ifPresent(a ->
                        sb.append("Zie ook: ").append(AgreementFormat.line(a)).append('\n'));
                if (withPassages) {
                    for (AnswerEngine.RankedPassage p : response.answer().orElseThrow().passages()) {
                        sb.append('\n').append(p.rank()).append(". ").append(source(p.hit())).append('\n');
                        sb.append(indent(p.hit().passage().text())).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void noAnswer(StringBuilder sb, Response response) {
        response.context().ifPresent(t -> sb.append("Over ").append(t.label()).append(":\n"));
        sb.append("Daarop vind ik geen goed antwoord in de documenten.");
        for (Response.Suggestion s : response.suggestions()) {
            if (s instanceof Response.Suggestion.DidYouMean d) {
                sb.append(" Bedoelde u: ").append(d.text()).append('?');
            }
        }
        List<String> near = response.suggestions().stream()
                .filter(s -> s instanceof Response.Suggestion.NearOpgave)
                .map(s -> ((Response.Suggestion.NearOpgave) s).opgave())
                .map(o -> "opgave " + o.number() + " (" + o.title() + ")").toList();
        if (!near.isEmpty()) {
            sb.append(" Het dichtst erbij: ").append(String.join(", ", near)).append('.');
        }
        sb.append('\n');
    }

    private static void card(StringBuilder sb, Response.OpgaveCard card) {
        Opgave o = card.opgave();
        sb.append("Opgave ").append(o.number()).append(": ").append(o.title()).append('\n');
        card.ambition().ifPresent(a -> sb.append(a.text()).append('\n').append("Bron: ").append(source(a.source())).append('\n'));
        if (!card.deadlines().isEmpty()) {
            sb.append("Termijnen:\n");
            card.deadlines().stream().limit(5).forEach(a -> sb.append("- ").append(AgreementFormat.line(a)).append('\n'));
        }
        if (!card.actors().isEmpty()) {
            sb.append("Wie doet mee: ").append(String.join(", ", card.actors().stream().limit(10).toList())).append('\n');
        }
    }

    /** "Programmastart IBP (14-02-2018) – III › 1. Samen aan de slag voor het klimaat". */
    static String source(Hit hit) {
        StringBuilder sb = new StringBuilder(hit.document().title());
        hit.document().date().map(AnswerFormat::dutchDate).ifPresent(d -> sb.append(" (").append(d).append(')'));
        if (!hit.passage().section().isEmpty()) {
            sb.append(" – ").append(hit.passage().section());
        }
        return sb.toString();
    }

    static String dutchDate(LocalDate date) {
        String[] months = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december"};
        return String.format(Locale.ROOT, "%d %s %d", date.getDayOfMonth(), months[date.getMonthValue() - 1], date.getYear());
    }

    private static String indent(String text) {
        return "   " + text.replace("\n", "\n   ");
    }
}

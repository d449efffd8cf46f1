package nl.ibp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Locale;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.search.Hit;

/** How answers look: as text for people, and as the {@code ask --jsonl} contract for tools. */
final class AnswerFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerFormat() {
    }

    /**
     * One JSON object on one line: {@code {"question", "opgave": {"number", "title"} | null,
     * "agreements": [as afspraken --json], "passages": [{"rank", "id", "text", "answer",
     * "document", "title", "date", "section", "opgave", "score"}]}}. A contract other tools
     * build on: fields may be added, never renamed or removed.
     */
    static String jsonLine(AnswerEngine.Answer answer) {
        ObjectNode root = JSON.createObjectNode();
        root.put("question", answer.question());
        if (answer.opgave().isPresent()) {
            root.putObject("opgave").put("number", answer.opgave().get().number()).put("title", answer.opgave().get().title());
        } else {
            root.putNull("opgave");
        }
        ArrayNode agreements = root.putArray("agreements");
        answer.agreements().forEach(a -> agreements.add(AgreementFormat.json(a)));
        ArrayNode passages = root.putArray("passages");
        for (AnswerEngine.RankedPassage p : answer.passages()) {
            Hit hit = p.hit();
            ObjectNode node = passages.addObject();
            node.put("rank", p.rank());
            node.put("id", hit.passage().id());
            node.put("text", hit.passage().text());
            node.put("answer", p.answerText());
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
            node.put("score", Math.round(hit.score() * 1000) / 1000.0);
        }
        return root.toString();
    }

    /** The answer for a person: the answer sentence, then the passage and its source. */
    static String text(AnswerEngine.Answer answer) {
        if (answer.passages().isEmpty()) {
            return "Daarover vind ik niets in de documenten. Probeer het met andere woorden.\n";
        }
        StringBuilder sb = new StringBuilder();
        if (!answer.agreements().isEmpty()) {
            sb.append("Afspraken").append(answer.opgave().map(o -> " (opgave " + o.number() + ", " + o.title() + ")").orElse(""))
                    .append(":\n");
            answer.agreements().forEach(a -> sb.append("- ").append(AgreementFormat.line(a)).append('\n'));
            sb.append('\n');
        }
        AnswerEngine.RankedPassage best = answer.passages().getFirst();
        sb.append("Antwoord: ").append(best.answerText()).append("\n\n");
        for (AnswerEngine.RankedPassage p : answer.passages()) {
            Hit hit = p.hit();
            sb.append(p.rank()).append(". ").append(source(hit)).append('\n');
            sb.append(indent(hit.passage().text())).append("\n\n");
        }
        return sb.toString();
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

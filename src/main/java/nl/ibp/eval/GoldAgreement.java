package nl.ibp.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Responsibility;

/**
 * A gold agreement the tracker must find. A tracked agreement matches when its opgave is one of
 * {@code opgaven} (none when the list is empty), its text or a deadline label contains every
 * {@code must} string, and, for a deadline, one of its deadlines spans {@code year}; for a
 * responsibility, each gold actor is among its actors.
 */
public record GoldAgreement(String id, String type, List<Integer> opgaven, List<String> must, int year,
                            List<String> actors) {

    public GoldAgreement {
        opgaven = List.copyOf(opgaven);
        must = List.copyOf(must);
        actors = List.copyOf(actors);
    }

    public boolean matchedBy(Agreement a) {
        boolean opgaveFits = opgaven.isEmpty() ? a.opgave().isEmpty()
                : a.opgave().isPresent() && opgaven.contains(a.opgave().getAsInt());
        String text = GoldQuestion.normalize(a.text() + " " + String.join(" ",
                a.deadlines().stream().map(d -> d.label()).toList()));
        boolean mustFits = must.stream().allMatch(m -> text.contains(GoldQuestion.normalize(m)));
        if (!opgaveFits || !mustFits) {
            return false;
        }
        if (type.equals("deadline")) {
            return a.deadlines().stream().anyMatch(d -> d.spans(year));
        }
        List<String> names = a.actors().stream().map(Responsibility::actor).map(x -> GoldQuestion.normalize(x.name())).toList();
        return actors.stream().map(GoldQuestion::normalize)
                .allMatch(g -> names.stream().anyMatch(n -> n.equals(g) || n.contains(g) || g.contains(n)));
    }

    /** Reads a gold agreements file; a bad line is reported with its number. */
    public static List<GoldAgreement> read(Path file) throws IOException {
        return JsonLines.read(file, "a gold agreement", n -> {
            List<Integer> opgaven = new ArrayList<>();
            JsonNode o = n.get("opgave");
            if (o != null && o.isArray()) {
                o.forEach(x -> opgaven.add(x.asInt()));
            } else if (o != null && !o.isNull()) {
                opgaven.add(o.asInt());
            }
            List<String> must = new ArrayList<>();
            n.path("must").forEach(x -> must.add(x.asText()));
            List<String> actors = new ArrayList<>();
            n.path("actors").forEach(x -> actors.add(x.asText()));
            return new GoldAgreement(n.get("id").asText(), n.get("type").asText(), opgaven, must, n.path("year").asInt(0), actors);
        });
    }

    /** The share of gold agreements that some tracked agreement matches, and the ones none does. */
    public record Recall(double recall, List<GoldAgreement> misses) {
    }

    public static Recall recall(List<GoldAgreement> gold, List<Agreement> tracked) {
        List<GoldAgreement> misses = gold.stream().filter(g -> tracked.stream().noneMatch(g::matchedBy)).toList();
        return new Recall(gold.isEmpty() ? 0 : 1.0 - (double) misses.size() / gold.size(), misses);
    }
}

package nl.ibp.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.conversation.Conversation;
import nl.ibp.conversation.Response;
import nl.ibp.conversation.Turn;

/**
 * Scores chat turns the way {@code ../shared/README.md} says: feed each turn of a chat in order
 * to the {@link Conversation}; a {@code no_answer} turn is right when there is no lead answer, any
 * other when the lead answer contains every string of one {@code expect} alternative (normalised).
 * A line without "chat" is a conversation of its own; one without "kind" is a no_answer turn
 * when it has no "expect" (the project's own calibration set of questions the documents cannot answer).
 */
public final class ConversationEval {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One turn of the gold file. */
    public record GoldTurn(String id, String chat, String text, String kind, List<List<String>> expect) {
        public GoldTurn {
            expect = expect.stream().map(List::copyOf).toList();
        }
    }

    /** A turn scored: what the assistant led with (empty for no answer) and whether that was right. */
    public record Scored(GoldTurn turn, String lead, boolean right) {
    }

    /** Right and total per kind, in the order the kinds first appear, and every turn. */
    public record Result(Map<String, int[]> perKind, List<Scored> turns) {
        public double share(String kind) {
            int[] n = perKind.get(kind);
            return n == null || n[1] == 0 ? 0 : (double) n[0] / n[1];
        }

        /** Right share over every kind but no_answer: the turns the documents answer. */
        public double answered() {
            int right = 0;
            int all = 0;
            for (Map.Entry<String, int[]> e : perKind.entrySet()) {
                if (!e.getKey().equals("no_answer")) {
                    right += e.getValue()[0];
                    all += e.getValue()[1];
                }
            }
            return all == 0 ? 0 : (double) right / all;
        }

        public double overall() {
            int right = perKind.values().stream().mapToInt(n -> n[0]).sum();
            int all = perKind.values().stream().mapToInt(n -> n[1]).sum();
            return all == 0 ? 0 : (double) right / all;
        }
    }

    private ConversationEval() {
    }

    public static List<GoldTurn> read(Path file) throws IOException {
        List<GoldTurn> turns = new ArrayList<>();
        int line = 0;
        for (String l : Files.readAllLines(file)) {
            line++;
            if (l.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(l);
            String id = n.path("id").asText("line-" + line);
            String text = n.path("text").isTextual() ? n.path("text").asText() : n.path("question").asText();
            List<List<String>> expect = new ArrayList<>();
            n.path("expect").forEach(alt -> {
                List<String> all = new ArrayList<>();
                alt.forEach(s -> all.add(s.asText()));
                expect.add(all);
            });
            String kind = n.path("kind").asText(expect.isEmpty() ? "no_answer" : "answer");
            String chat = n.path("chat").isMissingNode() || n.path("chat").isNull() ? "turn-" + id : n.path("chat").asText();
            turns.add(new GoldTurn(id, chat, text, kind, expect));
        }
        return turns;
    }

    /** Plays every chat through a fresh conversation and scores each turn. */
    public static Result score(List<GoldTurn> turns, AnswerEngine engine, Conversation conversation) throws IOException {
        Map<String, int[]> perKind = new LinkedHashMap<>();
        List<Scored> scored = new ArrayList<>();
        for (GoldTurn t : turns) {
            Response r = conversation.respond(engine, new Turn(t.chat(), t.text()));
            String lead = r.lead().map(Response.Lead::text).orElse("");
            boolean right;
            if (t.kind().equals("no_answer")) {
                right = r.lead().isEmpty();
            } else {
                String text = GoldQuestion.normalize(lead);
                right = r.lead().isPresent() && t.expect().stream()
                        .anyMatch(all -> all.stream().allMatch(s -> text.contains(GoldQuestion.normalize(s))));
            }
            int[] n = perKind.computeIfAbsent(t.kind(), k -> new int[2]);
            n[0] += right ? 1 : 0;
            n[1]++;
            scored.add(new Scored(t, lead, right));
        }
        return new Result(perKind, scored);
    }
}

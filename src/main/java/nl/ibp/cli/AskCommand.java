package nl.ibp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.Callable;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.config.Now;
import nl.ibp.conversation.Conversation;
import nl.ibp.conversation.Turn;
import nl.ibp.conversation.UnansweredLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ibp ask}: answers one question, or with --jsonl a stream of them. A JSON line
 * {@code {"chat": "…", "text": "…"}} is a turn of that chat's conversation, so a follow-up reads
 * in the context of the chat's previous turn, exactly as in the terminal chat and in Telegram.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Beantwoordt een vraag met een kort antwoord uit de documenten en de bron.")
final class AskCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    Locations locations;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Aantal passages (standaard: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--jsonl", description = "Eén JSON-object per regel; zonder VRAAG één vraag per regel van stdin,"
            + " of per regel {\"chat\": \"…\", \"text\": \"…\"} voor een gesprek.")
    boolean jsonl;

    @Option(names = "--passage", description = "Toon onder het antwoord ook de passages waar het uit komt.")
    boolean passage;

    @Parameters(paramLabel = "VRAAG", arity = "0..*", description = "De vraag (zonder aanhalingstekens mag ook).")
    List<String> words = List.of();

    private final Terminal terminal;

    AskCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (top < 1 || top > 100) {
            terminal.err().println("ibp ask: --top moet tussen 1 en 100 liggen, niet " + top);
            return ExitCodes.USAGE;
        }
        String question = String.join(" ", words).strip();
        if (question.isEmpty() && !jsonl) {
            terminal.err().println("ibp ask: geef een vraag, bijvoorbeeld: ibp ask wanneer moeten we van het gas af?");
            return ExitCodes.USAGE;
        }
        try (AnswerEngine engine = AnswerEngine.open(locations.layout());
             Conversation conversation = new Conversation(Now.clock(), UnansweredLog.none())) {
            if (!jsonl) {
                terminal.out().print(AnswerFormat.text(conversation.respond(engine, new Turn("ask", question), top), passage));
            } else if (!question.isEmpty()) {
                terminal.out().println(AnswerFormat.jsonLine(conversation.respond(engine, new Turn("ask", question), top), question));
            } else {
                String line;
                long n = 0;
                while ((line = terminal.in().readLine()) != null) {
                    if (!line.isBlank()) {
                        Turn turn = turn(line.strip(), ++n);
                        terminal.out().println(AnswerFormat.jsonLine(conversation.respond(engine, turn, top), turn.text()));
                    }
                }
            }
        }
        terminal.out().flush();
        return ExitCodes.OK;
    }

    /** A line as a turn: {"chat", "text"} belongs to that chat; any other line is a question of its own. */
    static Turn turn(String line, long number) {
        if (line.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(line);
                JsonNode text = node.path("text");
                if (text.isTextual()) {
                    JsonNode chat = node.path("chat");
                    return new Turn(chat.isMissingNode() || chat.isNull() ? "line-" + number : "chat-" + chat.asText(),
                            text.asText());
                }
            } catch (JsonProcessingException e) {
                // not JSON after all: a question that starts with a brace
            }
        }
        return new Turn("line-" + number, line);
    }
}

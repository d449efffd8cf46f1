package nl.ibp.cli;

import java.util.List;
import java.util.concurrent.Callable;
import nl.ibp.answer.AnswerEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ibp ask}: answers one question, or with --jsonl a stream of them. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Beantwoordt een vraag met de best passende passages uit de documenten.")
final class AskCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Aantal passages (standaard: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--jsonl", description = "Eén JSON-object per regel; zonder VRAAG één vraag per regel van stdin.")
    boolean jsonl;

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
        try (AnswerEngine engine = AnswerEngine.open(locations.layout())) {
            if (!jsonl) {
                terminal.out().print(AnswerFormat.text(engine.ask(question, top)));
            } else if (!question.isEmpty()) {
                terminal.out().println(AnswerFormat.jsonLine(engine.ask(question, top)));
            } else {
                String line;
                while ((line = terminal.in().readLine()) != null) {
                    if (!line.isBlank()) {
                        terminal.out().println(AnswerFormat.jsonLine(engine.ask(line.strip(), top)));
                    }
                }
            }
        }
        terminal.out().flush();
        return ExitCodes.OK;
    }
}

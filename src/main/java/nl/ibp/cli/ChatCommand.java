package nl.ibp.cli;

import java.util.concurrent.Callable;
import nl.ibp.answer.AnswerEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ibp chat} (and {@code ibp} without arguments): questions typed in the terminal. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Stel vragen in de terminal. Indexeert het corpus eerst als er nog geen index is.")
final class ChatCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    private final Terminal terminal;

    ChatCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    ChatCommand(Terminal terminal, Locations locations) {
        this.terminal = terminal;
        this.locations = locations;
    }

    @Override
    public Integer call() throws Exception {
        IndexCommand.ensureIndex(terminal, locations);
        try (AnswerEngine engine = AnswerEngine.open(locations.layout())) {
            terminal.out().println("Welkom bij de IBP-assistent. Stel een vraag over het Interbestuurlijk Programma;"
                    + " een lege regel of 'stop' beëindigt het gesprek.");
            while (true) {
                terminal.out().print("\nVraag: ");
                terminal.out().flush();
                String line = terminal.in().readLine();
                if (line == null || line.isBlank() || line.strip().equalsIgnoreCase("stop")) {
                    terminal.out().println("Tot ziens.");
                    return ExitCodes.OK;
                }
                terminal.out().print(AnswerFormat.text(engine.ask(line.strip(), 3)));
            }
        }
    }
}

package nl.ibp.cli;

import java.util.concurrent.Callable;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.config.Now;
import nl.ibp.conversation.Conversation;
import nl.ibp.conversation.Response;
import nl.ibp.conversation.Turn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ibp chat} (and {@code ibp} without arguments): questions typed in the terminal. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Stel vragen in de terminal. Indexeert het corpus eerst als er nog geen index is.")
final class ChatCommand implements Callable<Integer> {

    /** The terminal holds one conversation. */
    private static final String CHAT = "terminal";

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
        try (AnswerEngine engine = AnswerEngine.open(locations.layout());
             nl.ibp.bot.BotStore store = nl.ibp.bot.BotStore.open(locations.layout().root());
             Conversation conversation = new Conversation(Now.clock(), store::recordUnanswered)) {
            terminal.out().println("Welkom bij de IBP-assistent. Stel een vraag over het Interbestuurlijk Programma;"
                    + " 'bron' toont de passage van het laatste antwoord, 'nieuw' begint een nieuw onderwerp,"
                    + " een lege regel of 'stop' beëindigt het gesprek.");
            Response last = null;
            while (true) {
                terminal.out().print("\nVraag: ");
                terminal.out().flush();
                String line = terminal.in().readLine();
                if (line == null || line.isBlank() || line.strip().equalsIgnoreCase("stop")) {
                    terminal.out().println("Tot ziens.");
                    return ExitCodes.OK;
                }
                String text = line.strip();
                if (text.equalsIgnoreCase("bron") || text.equalsIgnoreCase("/bron")) {
                    terminal.out().print(last == null || last.lead().isEmpty()
                            ? "Er is nog geen antwoord in dit gesprek.\n"
                            : AnswerFormat.source(last.lead().get().source()) + "\n" + last.lead().get().source().passage().text() + "\n");
                    continue;
                }
                if (text.equalsIgnoreCase("nieuw") || text.equalsIgnoreCase("/nieuw")) {
                    conversation.reset(CHAT);
                    terminal.out().println("Nieuw onderwerp: ik vergeet waar we het over hadden.");
                    continue;
                }
                last = conversation.respond(engine, new Turn(CHAT, text));
                terminal.out().print(AnswerFormat.text(last, false));
            }
        }
    }
}

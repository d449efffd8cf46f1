package nl.ibp.cli;

import java.util.concurrent.Callable;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.config.Now;
import nl.ibp.conversation.Conversation;
import nl.ibp.conversation.Response;
import nl.ibp.conversation.Turn;
import nl.ibp.conversation.UnansweredLog;
import nl.ibp.state.StateStore;
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

    /** The state store for questions without an answer; a read-only index still chats, without recording them. */
    private java.util.Optional<StateStore> openState() {
        try {
            return java.util.Optional.of(StateStore.open(locations.layout().root()));
        } catch (java.sql.SQLException | RuntimeException e) {
            terminal.err().println("Let op: vragen zonder antwoord worden nu niet bewaard (" + e.getMessage() + ").");
            return java.util.Optional.empty();
        }
    }

    private static UnansweredLog unansweredLog(java.util.Optional<StateStore> state) {
        return state.<UnansweredLog>map(s -> (question, when) -> {
            try {
                s.recordUnanswered(question, when);
            } catch (java.sql.SQLException e) {
                // the answer matters more than the log
            }
        }).orElse(UnansweredLog.none());
    }

    @Override
    public Integer call() throws Exception {
        IndexCommand.ensureIndex(terminal, locations);
        java.util.Optional<StateStore> state = openState();
        try (AutoCloseable closeState = () -> state.ifPresent(StateStore::closeQuietly);
             AnswerEngine engine = AnswerEngine.open(locations.layout());
             Conversation conversation = new Conversation(Now.clock(), unansweredLog(state))) {
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

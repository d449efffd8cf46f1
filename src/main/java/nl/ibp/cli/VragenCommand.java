package nl.ibp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import nl.ibp.state.StateStore;
import nl.ibp.config.Now;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ibp vragen --onbeantwoord}: the questions the assistant had no good answer to (in the
 * terminal chat and in Telegram), newest first, so maintainers see what the documents lack. Only
 * the question is kept: no names, no chat ids.
 */
@Command(name = "vragen", mixinStandardHelpOptions = true,
        description = "Toont de vragen waarop de assistent geen goed antwoord had, nieuwste eerst (zonder namen).")
final class VragenCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Mixin
    Locations locations;

    @Option(names = "--onbeantwoord", required = true, description = "De vragen zonder goed antwoord (nu de enige soort).")
    boolean unanswered;

    @Option(names = "--max", paramLabel = "N", defaultValue = "100", description = "Hoeveel vragen ten hoogste (standaard: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--json", description = "Eén JSON-object per vraag per regel.")
    boolean json;

    private final Terminal terminal;

    VragenCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (max < 1 || max > 100_000) {
            terminal.err().println("ibp vragen: --max moet tussen 1 en 100000 liggen, niet " + max);
            return ExitCodes.USAGE;
        }
        List<StateStore.Unanswered> questions = List.of();
        java.util.Optional<StateStore> state = StateStore.openReadOnly(locations.layout().root());
        if (state.isPresent()) {
            try (StateStore store = state.get()) {
                questions = store.unanswered(max);
            }
        }
        for (StateStore.Unanswered q : questions) {
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                o.put("last", q.when().toString());
                o.put("times", q.times());
                o.put("question", q.question());
                terminal.out().println(o.toString());
            } else {
                terminal.out().println(TIME.format(q.when().atZone(Now.ZONE)) + "  " + q.times() + "×  "
                        + q.question().replaceAll("\\s+", " "));
            }
        }
        if (!json && questions.isEmpty()) {
            terminal.out().println("Nog geen onbeantwoorde vragen.");
        }
        return ExitCodes.OK;
    }
}

package nl.ibp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.ibp.index.IndexException;
import nl.ibp.index.IndexLayout;
import nl.ibp.state.Sqlite;
import nl.ibp.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ibp feedback}: the 👍/👎 the bot's users gave, newest first, for maintainers. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Toont de 👍/👎-reacties uit de Telegram-bot, nieuwste eerst: tijd, vraag, passage, oordeel.")
final class FeedbackCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Mixin
    Locations locations;

    @Option(names = "--json", description = "Eén JSON-object per reactie per regel.")
    boolean json;

    private final Terminal terminal;

    FeedbackCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        IndexLayout layout = locations.layout();
        if (!Files.isDirectory(layout.root())) {
            throw new IndexException("geen index in " + layout.root() + "; draai eerst 'ibp index'");
        }
        List<StateStore.Feedback> feedback = new ArrayList<>();
        // Only reads: works in a read-only index directory, and before an upgrade has imported an old ibp.db.
        try {
            Optional<StateStore> state = StateStore.openReadOnly(layout.root());
            if (state.isPresent()) {
                try (StateStore store = state.get()) {
                    feedback.addAll(store.feedback());
                }
            }
        } catch (SQLException e) {
            if (Sqlite.isCorrupt(e)) {
                throw new IndexException("de statusdatabase in " + layout.root()
                        + " is beschadigd; draai 'ibp index' om te redden wat er te redden valt");
            }
            throw e;
        }
        feedback.sort((a, b) -> a.created().equals(b.created()) ? Long.compare(b.id(), a.id()) : b.created().compareTo(a.created()));
        for (StateStore.Feedback f : feedback) {
            if (json) {
                ObjectNode o = JSON.createObjectNode();
                o.put("time", f.created().toString());
                o.put("question", f.question());
                o.put("passage", f.passage());
                o.put("vote", f.vote() > 0 ? "up" : "down");
                terminal.out().println(o.toString());
            } else {
                terminal.out().println(TIME.format(f.created().atZone(ZoneId.systemDefault())) + "  "
                        + (f.vote() > 0 ? "👍" : "👎") + "  " + f.passage() + "  " + f.question().replaceAll("\\s+", " "));
            }
        }
        if (!json && feedback.isEmpty()) {
            terminal.out().println("Nog geen reacties.");
        }
        return ExitCodes.OK;
    }
}

package nl.ibp.cli;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.ibp.index.Finding;
import nl.ibp.index.GenerationCheck;
import nl.ibp.index.IndexLayout;
import nl.ibp.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ibp check}: what {@code ibp index} would find wrong and repair, without changing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Controleert de index en de statusdatabase zonder iets te veranderen; 'ibp index' herstelt wat kapot is."
                + " Eindigt met 0 (in orde), 4 (problemen) of 5 (nog geen index).")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    private final Terminal terminal;

    CheckCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        IndexLayout layout = locations.layout();
        var out = terminal.out();
        if (!Files.isDirectory(layout.root())) {
            out.println("Geen index in " + layout.root() + "; draai 'ibp index' om hem te bouwen.");
            return ExitCodes.NO_INDEX;
        }
        GenerationCheck.Health health = GenerationCheck.check(layout,
                IndexCommand.derivations(locations.settings().corpus(), Clock.systemDefaultZone()));
        List<Finding> findings = new ArrayList<>(health.findings());
        Optional<String> state = StateStore.check(layout.root());
        state.ifPresent(problem -> findings.add(new Finding("statusdatabase", problem)));
        if (health.pointer() instanceof IndexLayout.Pointer.None && findings.isEmpty()) {
            out.println("Geen index in " + layout.root() + "; draai 'ibp index' om hem te bouwen.");
            return ExitCodes.NO_INDEX;
        }
        out.println("Index:           " + layout.root());
        health.served().ifPresent(g -> out.println("Generatie:       " + g.getFileName()));
        out.println("Index en afspraken: " + (health.sound() ? "in orde" : "problemen gevonden"));
        out.println("Statusdatabase:  " + (state.isEmpty() ? "in orde" : "problemen gevonden"));
        if (findings.isEmpty()) {
            return ExitCodes.OK;
        }
        for (Finding f : findings) {
            out.println("  - " + f.part() + ": " + f.problem());
        }
        out.println("Draai 'ibp index' om dit te herstellen (de documenten en de statusgegevens blijven bewaard).");
        return ExitCodes.DAMAGED;
    }
}

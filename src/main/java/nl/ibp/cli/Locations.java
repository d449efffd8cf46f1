package nl.ibp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.config.Settings;
import nl.ibp.index.IndexException;
import nl.ibp.index.IndexLayout;
import picocli.CommandLine.Option;

/** The --corpus and --index options every command shares. */
final class Locations {

    @Option(names = "--corpus", paramLabel = "DIR", description = "Documents to index (default: corpus/).")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", description = "Index directory; one directory is one complete instance (default: index/).")
    Path index;

    Settings settings() {
        return Settings.resolve(Optional.ofNullable(corpus), Optional.ofNullable(index), System.getenv());
    }

    IndexLayout layout() {
        return new IndexLayout(settings().index());
    }

    /** The served generation's agreements, read-only; a clear error when the index was never built. */
    AgreementStore tracker() throws SQLException, IOException {
        IndexLayout layout = layout();
        layout.current(); // a damaged CURRENT says so, with the repair
        if (!AgreementStore.exists(layout)) {
            throw new IndexException("geen afspraken in " + layout.root() + "; draai eerst 'ibp index'");
        }
        return AgreementStore.openCurrent(layout);
    }
}

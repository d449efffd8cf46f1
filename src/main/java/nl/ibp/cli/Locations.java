package nl.ibp.cli;

import java.nio.file.Files;
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

    /** The agreements database of the index; a clear error when the index was never built. */
    AgreementStore tracker() throws SQLException {
        IndexLayout layout = layout();
        if (!Files.isRegularFile(layout.root().resolve(AgreementStore.FILE))) {
            throw new IndexException("geen afspraken in " + layout.root() + "; draai eerst 'ibp index'");
        }
        return AgreementStore.open(layout.root());
    }
}

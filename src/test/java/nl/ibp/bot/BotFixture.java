package nl.ibp.bot;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import nl.ibp.TestCorpus;
import nl.ibp.cli.Main;
import nl.ibp.cli.Terminal;

/** An index of the shipped corpus, built once per test class in a temporary directory. */
final class BotFixture {

    private BotFixture() {
    }

    /** Copies the corpus under {@code dir} and indexes it; returns the index directory. */
    static Path index(Path dir) throws Exception {
        Path corpus = TestCorpus.copyTo(dir.resolve("corpus"));
        Path index = dir.resolve("index");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(out), new PrintWriter(err), false);
        int code = Main.execute(terminal, "index", "--corpus", corpus.toString(), "--index", index.toString());
        if (code != 0) {
            throw new IllegalStateException("indexing failed (" + code + "): " + err);
        }
        return index;
    }
}

package nl.ibp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Bad input on the command line: every command's bad-input path ends in a Dutch message and an
 * exit code from {@link ExitCodes}, never a stack trace, an English picocli sentence or a Java
 * type name. No index is needed: all of this is decided before one is opened.
 */
class CliErrorsTest {

    @TempDir
    static Path tmp;

    record Run(int code, String out, String err) {
    }

    static Terminal terminal(StringWriter out, StringWriter err) {
        return new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(out), new PrintWriter(err), false);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(terminal(out, err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Nothing a user reads names Java, picocli's English or the usage page in full. */
    static void assertPlainDutch(Run r) {
        assertPlainDutchErrors(r);
        assertEquals("", r.out(), "errors go to stderr");
    }

    static void assertPlainDutchErrors(Run r) {
        for (String foreign : new String[] {"\tat ", "Exception", "java.", "LocalDate", "Integer", "Invalid value",
                "Unknown", "Unmatched", "Missing", "Usage:", "Did you mean", "Error:", "mutually exclusive"}) {
            assertFalse(r.err().contains(foreign), "'" + foreign + "' in: " + r.err());
        }
    }

    @ParameterizedTest(name = "ibp {0}")
    @CsvSource(delimiter = '|', textBlock = """
            deadlines --from gisteren          | ibp deadlines: --from: geen datum: 'gisteren'; gebruik JJJJ-MM-DD, bijvoorbeeld 2
            deadlines --to 2026-13-01          | ibp deadlines: --to: geen datum: '2026-13-01'; gebruik JJJJ-MM-DD
            opgave 1 --today 1-12-2026         | ibp opgave: --today: geen datum: '1-12-2026'; gebruik JJJJ-MM-DD
            ask --top x klimaat                | ibp ask: --top: geen geheel getal: 'x'; gebruik cijfers, bijvoorbeeld 5
            opgave elf                         | ibp opgave: N: geen geheel getal: 'elf'
            deadlines --opgave een             | ibp deadlines: --opgave: geen geheel getal: 'een'
            frobnicate                         | ibp: onbekend commando 'frobnicate'
            deadline --upcoming                | ibp: onbekend commando 'deadline'
            help frobnicate                    | ibp: onbekend commando 'frobnicate'
            ask --jsnol                        | ibp ask: onbekende optie '--jsnol'
            deadlines --past --upcoming        | ibp deadlines: --upcoming en --past gaan niet samen; kies er één
            ask --top 1 --top 2 klimaat        | ibp ask: --top is meer dan één keer gegeven
            ask --top                          | ibp ask: --top heeft een waarde nodig (K)
            ask --top --jsonl                  | ibp ask: --top heeft een waarde nodig (K)
            opgave                             | ibp opgave: ontbreekt: N
            opgave 1 2                         | ibp opgave: onverwacht argument '2'
            ask --jsonl=ja                     | ibp ask: --jsonl: ongeldige waarde 'ja'
            """)
    void badInputGetsOneDutchLineAndTheUsageExitCode(String args, String expected) {
        Run r = run(args.strip().split("\\s+"));
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith(expected), r.err());
        assertTrue(r.err().strip().endsWith("--help"), "points to the help: " + r.err());
        assertPlainDutch(r);
    }

    @Test
    void aMistypedCommandOrOptionGetsPicocliSuggestion() {
        Run command = run("deadline", "--upcoming");
        assertTrue(command.err().contains("\nBedoelde u: ibp deadlines"), command.err());
        assertTrue(command.err().contains("\nCommando's: index, ask, chat,"), command.err());
        assertFalse(command.err().contains("bench"), "hidden commands are not offered: " + command.err());
        Run option = run("ask", "--jsnol");
        assertTrue(option.err().contains("\nBedoelde u: --jsonl?\n"), option.err());
    }

    @Test
    void theExampleDateIsToday() {
        Run r = run("deadlines", "--from", "gisteren");
        assertTrue(r.err().contains("bijvoorbeeld " + Today.example() + "\n"), r.err());
    }

    @ParameterizedTest(name = "ibp {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ask --top 0 klimaat              | ibp ask: --top moet tussen 1 en 100 liggen, niet 0
            ask --top 101 klimaat            | ibp ask: --top moet tussen 1 en 100 liggen, niet 101
            ask                              | ibp ask: geef een vraag
            opgave 11                        | ibp opgave: kies een opgave van 1 tot en met 10, niet 11
            opgave 0                         | ibp opgave: kies een opgave van 1 tot en met 10, niet 0
            deadlines --opgave 11            | ibp deadlines: --opgave moet 1 tot en met 10 zijn, niet 11
            afspraken --opgave -1            | ibp afspraken: --opgave moet 1 tot en met 10 zijn, niet -1
            """)
    void valuesOutOfRangeAreUsageErrors(String args, String expected) {
        Run r = run(args.strip().split("\\s+"));
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith(expected), r.err());
        assertPlainDutch(r);
    }

    @Test
    void missingFilesAndIndexesAreNamed() throws IOException {
        String noIndex = tmp.resolve("geen-index").toString();
        for (String[] args : new String[][] {{"ask", "klimaat"}, {"opgaven"}, {"deadlines"}, {"afspraken"},
                {"opgave", "3"}, {"feedback"}}) {
            String[] withIndex = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--index", noIndex)).toArray(String[]::new);
            Run r = run(withIndex);
            assertEquals(ExitCodes.FAILURE, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("ibp " + args[0] + ": geen "), r.err());
            assertTrue(r.err().contains(noIndex), "names the folder: " + r.err());
            assertTrue(r.err().contains("ibp index"), "says what to do: " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertPlainDutchErrors(r);
        }
        Path noCorpus = tmp.resolve("geen-corpus");
        Run index = run("index", "--corpus", noCorpus.toString(), "--index", tmp.resolve("nieuwe-index").toString());
        assertEquals(ExitCodes.FAILURE, index.code(), index.err());
        assertEquals("ibp index: de corpusmap " + noCorpus + " bestaat niet\n", index.err());
        Path missing = tmp.resolve("vragen.jsonl");
        Run eval = run("eval", "--questions", missing.toString(), "--index", noIndex);
        assertEquals(ExitCodes.USAGE, eval.code(), eval.err());
        assertTrue(eval.err().contains("geen goudvragen gevonden in " + missing), eval.err());
        assertPlainDutch(eval);
        Run bench = run("bench", "--questions", missing.toString(), "--index", noIndex);
        assertEquals(ExitCodes.USAGE, bench.code(), bench.err());
        assertTrue(bench.err().contains("niet gevonden: " + missing), bench.err());
    }

    @Test
    void theHelpIsDutchAndListsTheExitCodes() {
        Run r = run("--help");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("Gebruik: ibp [-hV] [--corpus=DIR] [--index=DIR] [COMMANDO]"), r.out());
        assertTrue(r.out().contains("  -h, --help         Toont deze uitleg."), r.out());
        assertTrue(r.out().contains("\nCommando's:\n"), r.out());
        assertTrue(r.out().contains("\nAfsluitcodes:\n  0    gelukt\n"), r.out());
        assertTrue(r.out().contains("  " + ExitCodes.INTERNAL + "   onverwachte fout"), r.out());
        assertFalse(r.out().contains("Show this help") || r.out().contains("Usage:") || r.out().contains("Commands:"),
                r.out());
        Run sub = run("help", "deadlines");
        assertEquals(ExitCodes.OK, sub.code(), sub.err());
        assertTrue(sub.out().startsWith("Gebruik: ibp deadlines "), sub.out());
        assertTrue(sub.out().contains("De documenten om te indexeren"), sub.out());
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Throwable failure;

        Boom(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
    }

    /** A command that finds its input bad, as commands should say it: a ParameterException. */
    @Command(name = "streng")
    static final class Strict implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(), "kies een opgave van 1 tot en met 10, niet 12");
        }
    }

    static Run runFailing(Throwable failure) {
        return runWith(new Boom(failure), "boom");
    }

    static Run runWith(Object command, String name) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = terminal(out, err);
        // streams and converters reach the subcommands there are when they are set: set them again
        CommandLine commandLine = Main.commandLine(terminal).addSubcommand(command)
                .setOut(terminal.out()).setErr(terminal.err());
        int code = Main.execute(terminal, commandLine, name);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void anUnexpectedFailureIsOneDutchLineWithTheInternalExitCode() {
        Run r = runFailing(new IllegalStateException("geheime details uit de code"));
        assertEquals(ExitCodes.INTERNAL, r.code(), r.err());
        assertEquals("ibp boom: er ging onverwacht iets mis; dit is een fout in de IBP-assistent."
                + " Zet IBP_LOG_LEVEL=DEBUG voor de technische details.\n", r.err());
        assertPlainDutch(r);

        Run error = runFailing(new StackOverflowError());
        assertEquals(ExitCodes.INTERNAL, error.code(), error.err());
        assertEquals(1, error.err().lines().count(), error.err());
        assertPlainDutch(error);

        Run memory = runFailing(new OutOfMemoryError("Java heap space"));
        assertEquals(ExitCodes.INTERNAL, memory.code(), memory.err());
        assertTrue(memory.err().contains("te weinig geheugen; geef Java meer, bijvoorbeeld IBP_JAVA_OPTS=-Xmx2g"),
                memory.err());
    }

    @Test
    void anExpectedFailureKeepsItsOwnMessage() {
        Run r = runFailing(new java.nio.file.NoSuchFileException("/data/corpus/brief.pdf"));
        assertEquals(ExitCodes.FAILURE, r.code(), r.err());
        assertEquals("ibp boom: bestand of map niet gevonden: /data/corpus/brief.pdf\n", r.err());
        Run denied = runFailing(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/data/index")));
        assertEquals(ExitCodes.FAILURE, denied.code(), denied.err());
        assertEquals("ibp boom: geen toegang tot /data/index\n", denied.err());
    }

    @Test
    void aCommandReportsBadInputByThrowingAParameterException() {
        Run r = runWith(new Strict(), "streng");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith("ibp streng: kies een opgave van 1 tot en met 10, niet 12\n"), r.err());
    }
}

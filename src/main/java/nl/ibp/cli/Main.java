package nl.ibp.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import nl.ibp.bot.BotConfig;
import nl.ibp.config.Build;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code ibp} command. Without a subcommand it serves Telegram (token set) or the terminal chat. */
@Command(name = "ibp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "De IBP-assistent: vragen over het Interbestuurlijk Programma, beantwoord uit de bronteksten.",
        subcommands = {IndexCommand.class, AskCommand.class, ChatCommand.class, OpgavenCommand.class,
                OpgaveCommand.class, DeadlinesCommand.class, AfsprakenCommand.class, EvalCommand.class,
                BenchCommand.class, BotCommand.class, FeedbackCommand.class, VragenCommand.class, CheckCommand.class, HelpCommand.class},
        resourceBundle = "nl.ibp.cli.Messages",
        exitCodeListHeading = "%nAfsluitcodes:%n",
        exitCodeList = {ExitCodes.OK + ":gelukt",
                ExitCodes.FAILURE + ":mislukt; de melding zegt waarom (bijvoorbeeld: nog geen index)",
                ExitCodes.USAGE + ":verkeerd gebruik: onbekend commando of onbekende optie, ontbrekende of ongeldige waarde",
                ExitCodes.SKIPPED + ":index --strict: de index is gebouwd, maar er zijn bestanden overgeslagen",
                ExitCodes.DAMAGED + ":check: de index of de statusdatabase heeft een probleem; 'ibp index' herstelt het",
                ExitCodes.NO_INDEX + ":check: er is nog geen index",
                ExitCodes.INTERNAL + ":onverwachte fout in het programma (IBP_LOG_LEVEL=DEBUG toont de details)"})
public final class Main implements Callable<Integer> {

    @Mixin
    Locations locations;

    private final Terminal terminal;

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"IBP-assistent " + Build.current().id()};
        }
    }

    public Main(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Without a subcommand: Telegram when a token is configured, else the terminal chat. */
    @Override
    public Integer call() throws Exception {
        if (BotConfig.fromEnv(System.getenv()).isPresent()) {
            BotCommand bot = new BotCommand(terminal);
            bot.locations = locations;
            return bot.call();
        }
        return new ChatCommand(terminal, locations).call();
    }

    /** Lucene reports through java.util.logging which vector API it found: not news for users. */
    private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.exit(execute(new Terminal(in, out, err, System.console() != null), args));
    }

    /** Runs the command line; every exit code is decided here or in {@link ExitCodes}. */
    public static int execute(Terminal terminal, String... args) {
        return execute(terminal, commandLine(terminal), args);
    }

    /** Runs {@code commandLine} (made by {@link #commandLine}) on {@code args}. */
    static int execute(Terminal terminal, CommandLine commandLine, String... args) {
        int code;
        try {
            code = commandLine.execute(args);
        } catch (RuntimeException | Error e) { // what picocli lets through: an Error in a command, or a failure in picocli
            code = ExitCodes.unexpected(e, "ibp", terminal.err());
        }
        terminal.out().flush();
        terminal.err().flush();
        return code;
    }

    /** The configured command line: Dutch converters and error messages, the terminal's streams. */
    static CommandLine commandLine(Terminal terminal) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return type.getDeclaredConstructor(Terminal.class).newInstance(terminal);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        };
        CommandLine commandLine = new CommandLine(new Main(terminal), factory)
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler((e, cl, parsed) -> ExitCodes.handle(e, cl));
        return Converters.register(commandLine, Today::example);
    }
}

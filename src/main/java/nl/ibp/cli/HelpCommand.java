package nl.ibp.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ibp help [COMMANDO]}: picocli's help command, but an unknown command is a usage error
 * like any other (in Dutch, with picocli's suggestion) instead of picocli's English sentence.
 */
@Command(name = "help", helpCommand = true, description = "Toont de uitleg bij een commando.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Toont deze uitleg.")
    boolean help;

    @Parameters(paramLabel = "COMMANDO", arity = "0..1", description = "Het commando waarvan u de uitleg wilt zien.")
    String command;

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine parent = self.getParent();
        if (command == null) {
            parent.usage(out, colors);
            return ExitCodes.OK;
        }
        CommandLine sub = parent.getSubcommands().get(command);
        if (sub == null) {
            throw new UnmatchedArgumentException(parent, List.of(command));
        }
        sub.usage(out, colors);
        return ExitCodes.OK;
    }
}

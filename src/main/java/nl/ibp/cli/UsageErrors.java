package nl.ibp.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad input on the command line, in Dutch: one line saying what is wrong (with the accepted
 * format where a value did not convert), picocli's suggestion for a mistyped command or option,
 * and where to read more. Never the usage page in full, never a Java type name. Commands report
 * their own bad input by throwing a {@link ParameterException} with a Dutch message; it is printed
 * as it is.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        CommandSpec spec = commandLine.getCommandSpec();
        PrintWriter err = commandLine.getErr();
        err.println(spec.qualifiedName() + ": " + message(e, List.of(args)));
        if (e instanceof UnmatchedArgumentException u) {
            suggestions(u, spec).ifPresent(err::println);
        }
        err.println("Meer uitleg: " + spec.qualifiedName() + " --help");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** What is wrong, in one Dutch sentence. */
    static String message(ParameterException e, List<String> args) {
        return switch (e) {
            case UnmatchedArgumentException u -> unmatched(u);
            case MissingParameterException m -> missing(m, args);
            case MutuallyExclusiveArgsException x -> exclusive(x.getCommandLine().getCommandSpec(), args);
            case OverwrittenOptionException o -> name(o.getOverwritten()) + " is meer dan één keer gegeven; geef het één keer";
            case MaxValuesExceededException x -> "te veel waarden voor een optie of argument: " + String.join(" ", args);
            default -> conversion(e);
        };
    }

    private static String unmatched(UnmatchedArgumentException u) {
        List<String> values = u.getUnmatched();
        if (values.isEmpty()) { // picocli's "Unknown option: '--x'; Expected parameter for option '--y' …"
            return "onbekende optie, of een optie zonder waarde";
        }
        // picocli lists everything from the first unknown word on; what follows it may be fine.
        if (u.isUnknownOption()) {
            return "onbekende optie '" + values.getFirst() + "'";
        }
        if (!u.getCommandLine().getSubcommands().isEmpty() && u.getCommandLine().getParent() == null) {
            return "onbekend commando '" + values.getFirst() + "'";
        }
        String quoted = values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
        return (values.size() == 1 ? "onverwacht argument " : "onverwachte argumenten ") + quoted;
    }

    /** "Bedoelde u …?" from picocli's nearest names, then the commands there are. */
    private static java.util.Optional<String> suggestions(UnmatchedArgumentException u, CommandSpec spec) {
        List<String> nearest = u.getSuggestions();
        List<String> lines = new ArrayList<>();
        if (!nearest.isEmpty()) {
            String prefix = u.isUnknownOption() ? "" : spec.qualifiedName() + " ";
            lines.add("Bedoelde u: " + nearest.stream().map(s -> prefix + s).collect(Collectors.joining(" of ")) + "?");
        }
        if (!u.isUnknownOption() && !spec.subcommands().isEmpty()) {
            Set<String> visible = new LinkedHashSet<>();
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    visible.add(sub.getCommandName());
                }
            });
            lines.add("Commando's: " + String.join(", ", visible));
        }
        return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("\n", lines));
    }

    private static String missing(MissingParameterException m, List<String> args) {
        List<ArgSpec> missing = m.getMissing();
        if (missing.size() == 1 && missing.getFirst() instanceof OptionSpec o && given(o, args)) {
            return o.longestName() + " heeft een waarde nodig (" + o.paramLabel() + ")" + example(o);
        }
        String names = missing.stream().map(UsageErrors::name).collect(Collectors.joining(", "));
        return (missing.size() == 1 ? "ontbreekt: " : "ontbreken: ") + names
                + (missing.size() == 1 ? example(missing.getFirst()) : "");
    }

    /** The description of an argument as a hint, e.g. "N: Nummer van de opgave (1-10)". */
    private static String example(ArgSpec arg) {
        String[] description = arg.description();
        return description.length == 0 || description[0].isBlank() ? "" : " — " + description[0];
    }

    private static boolean given(OptionSpec option, List<String> args) {
        return args.stream().anyMatch(a -> Arrays.stream(option.names()).anyMatch(n -> a.equals(n) || a.startsWith(n + "=")));
    }

    /** Names the options of an exclusive group that were given together. */
    private static String exclusive(CommandSpec spec, List<String> args) {
        for (ArgGroupSpec group : spec.argGroups()) {
            if (!group.exclusive()) {
                continue;
            }
            List<String> together = group.options().stream().filter(o -> given(o, args)).map(OptionSpec::longestName).toList();
            if (together.size() > 1) {
                return String.join(" en ", together) + " gaan niet samen; kies er één";
            }
        }
        return "deze opties gaan niet samen; kies er één";
    }

    /** A value that did not convert: our converters say why; others get a plain Dutch line. */
    private static String conversion(ParameterException e) {
        if (e.getArgSpec() == null) {
            return e.getMessage();
        }
        String name = name(e.getArgSpec());
        if (e.getCause() instanceof Converters.Invalid invalid) {
            return name + ": " + invalid.getMessage();
        }
        return name + ": ongeldige waarde '" + e.getValue() + "'" + example(e.getArgSpec());
    }

    /** "--from" for an option, "N" for a positional parameter. */
    static String name(ArgSpec arg) {
        return switch (arg) {
            case OptionSpec o -> o.longestName();
            case PositionalParamSpec p -> p.paramLabel();
            default -> String.valueOf(arg);
        };
    }
}

package nl.ibp.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Type converters for every option and parameter type the commands use, so that a value that does
 * not convert gets a Dutch message naming the accepted format and an example, never a Java type or
 * exception class. {@link UsageErrors} puts the option's name in front.
 */
final class Converters {

    private Converters() {
    }

    /** A value that does not convert; the message is Dutch and names the accepted format. */
    static final class Invalid extends TypeConversionException {
        Invalid(String message) {
            super(message);
        }
    }

    /** Registers the converters on {@code commandLine} and (picocli's rule) its subcommands added before. */
    static CommandLine register(CommandLine commandLine, Supplier<LocalDate> today) {
        ITypeConverter<Integer> integer = Converters::integer;
        ITypeConverter<Long> whole = Converters::whole;
        ITypeConverter<Double> decimal = Converters::decimal;
        return commandLine
                .registerConverter(LocalDate.class, value -> date(value, today.get()))
                .registerConverter(Integer.class, integer)
                .registerConverter(Integer.TYPE, integer)
                .registerConverter(Long.class, whole)
                .registerConverter(Long.TYPE, whole)
                .registerConverter(Double.class, decimal)
                .registerConverter(Double.TYPE, decimal);
    }

    /** An ISO date (what every command prints), e.g. 2026-12-01. */
    static LocalDate date(String value, LocalDate example) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid(
                    "geen datum: '" + value + "'; gebruik JJJJ-MM-DD, bijvoorbeeld " + example);
        }
    }

    static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("geen geheel getal: '" + value + "'; gebruik cijfers, bijvoorbeeld 5");
        }
    }

    static Long whole(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("geen geheel getal: '" + value + "'; gebruik cijfers, bijvoorbeeld 5");
        }
    }

    static Double decimal(String value) {
        try {
            return Double.valueOf(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new Invalid("geen getal: '" + value + "'; gebruik cijfers, bijvoorbeeld 0,75");
        }
    }
}

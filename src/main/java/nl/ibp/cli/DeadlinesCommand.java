package nl.ibp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.DeadlineStatus;
import nl.ibp.agreements.Timeline;
import nl.ibp.config.Now;
import nl.ibp.follow.DeadlineCalendar;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ibp deadlines}: the dated items of the agreements on a {@link Timeline}: what is open (running
 * or coming, the soonest first), then what has passed (the most recent first). Rhythms, reference dates
 * and dates a newer document moved are not on it; a date that moved one says so on the line below.
 */
@Command(name = "deadlines", mixinStandardHelpOptions = true,
        description = "Termijnen en doelen uit de afspraken: eerst wat loopt of komt (eerstvolgende eerst), "
                + "dan wat verstreken is (meest recente eerst).")
final class DeadlinesCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Mixin
    Today today;

    @Option(names = "--opgave", paramLabel = "N", description = "Alleen opgave N (1-10).")
    Integer opgave;

    @Option(names = "--from", paramLabel = "DATE", description = "Termijnen die op of na DATE eindigen.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Termijnen die op of voor DATE beginnen.")
    LocalDate to;

    @Option(names = "--vervallen", description = "Ook termijnen die een nieuwer document heeft verschoven (achteraan).")
    boolean superseded;

    @Option(names = "--ics", description = "Schrijf de termijnen als agendabestand (iCalendar, RFC 5545): één "
            + "hele-dag-afspraak per actuele termijn; verschoven termijnen niet.")
    boolean ics;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Met --ics: schrijf naar FILE in plaats van "
            + "naar de standaarduitvoer.")
    Path output;

    @Option(names = "--now", paramLabel = "TIJDSTIP", description = "Doe alsof het nu TIJDSTIP is (JJJJ-MM-DD of "
            + "JJJJ-MM-DDTuu:mm); anders de klok van het proces (IBP_NOW).")
    String now;

    @ArgGroup(exclusive = true)
    When when;

    static final class When {
        @Option(names = "--upcoming", description = "Alleen wat nog loopt of komt.")
        boolean upcoming;
        @Option(names = "--past", description = "Alleen verstreken termijnen.")
        boolean past;
    }

    private final Terminal terminal;

    DeadlinesCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (opgave != null && (opgave < 1 || opgave > 10)) {
            terminal.err().println("ibp deadlines: --opgave moet 1 tot en met 10 zijn, niet " + opgave);
            return ExitCodes.USAGE;
        }
        if (output != null && !ics) {
            terminal.err().println("ibp deadlines: -o/--output hoort bij --ics");
            return ExitCodes.USAGE;
        }
        Clock clock;
        try {
            clock = this.now == null ? Now.clock() : Clock.fixed(Now.parse(this.now, "--now"), Now.ZONE);
        } catch (IllegalArgumentException e) {
            terminal.err().println("ibp deadlines: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        LocalDate now = today.today != null ? today.today : this.now != null ? Now.today(clock) : today.get();
        List<Agreement> agreements;
        try (AgreementStore store = locations.tracker()) {
            // A calendar needs all agreements: a moved deadline's UID comes from the first agreement of its chain.
            agreements = store.agreements(opgave == null || ics ? OptionalInt.empty() : OptionalInt.of(opgave));
        }
        if (ics) {
            return writeCalendar(agreements, now, clock);
        }
        List<DatedItem> items = (superseded ? Timeline.withSuperseded(agreements, now) : Timeline.of(agreements, now))
                .stream().filter(this::wanted).toList();
        if (items.isEmpty()) {
            terminal.out().println("Geen termijnen gevonden.");
            return ExitCodes.OK;
        }
        Map<String, Agreement> byId = new HashMap<>();
        agreements.forEach(a -> byId.put(a.id(), a));
        terminal.out().printf("%-25s  %-10s  %-7s  %-6s  %s%n", "wanneer", "status", "soort", "opgave", "afspraak");
        for (DatedItem item : items) {
            terminal.out().println(row(item));
            String moved = item.superseded()
                    ? item.agreement().supersededBy().map(byId::get).map(AgreementFormat::replacedBy).orElse("")
                    : AgreementFormat.moved(item);
            if (!moved.isEmpty()) {
                terminal.out().println(" ".repeat(27) + "↳ " + moved);
            }
        }
        return ExitCodes.OK;
    }

    private int writeCalendar(List<Agreement> agreements, LocalDate now, Clock clock) throws IOException {
        String calendar = DeadlineCalendar.ics(agreements, now,
                opgave == null ? OptionalInt.empty() : OptionalInt.of(opgave), clock.instant());
        if (output == null) {
            terminal.out().print(calendar);
            terminal.out().flush();
            return ExitCodes.OK;
        }
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            terminal.err().println("ibp deadlines: de map " + dir + " bestaat niet");
            return ExitCodes.USAGE;
        }
        Path tmp = Files.createTempFile(dir, ".ibp-termijnen-", ".ics.part");
        try {
            Files.writeString(tmp, calendar, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        long events = calendar.lines().filter(l -> l.equals("BEGIN:VEVENT")).count();
        terminal.err().println("Agendabestand geschreven: " + target + " (" + events + " termijnen)");
        return ExitCodes.OK;
    }

    private boolean wanted(DatedItem item) {
        boolean passed = item.status() == DeadlineStatus.PASSED;
        return (from == null || !item.deadline().end().isBefore(from)) && (to == null || !item.deadline().start().isAfter(to))
                && (when == null || when.upcoming && !passed || when.past && passed);
    }

    static String row(DatedItem item) {
        String status = item.superseded() ? "vervallen" : item.status().dutch();
        Agreement a = item.agreement();
        return String.format("%-25s  %-10s  %-7s  %-6s  %s", AgreementFormat.period(item.deadline()), status,
                AgreementFormat.kindWord(item.deadline()),
                a.opgave().isPresent() ? String.valueOf(a.opgave().getAsInt()) : "-",
                AgreementFormat.excerpt(a.text(), item.deadline().label(), 90));
    }
}

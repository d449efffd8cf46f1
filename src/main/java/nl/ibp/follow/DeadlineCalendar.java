package nl.ibp.follow;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.Deadline;
import nl.ibp.passage.Opgaven;

/**
 * The followed deadlines as an RFC 5545 calendar (ical4j writes it: escaping, folding at 75
 * octets, CRLF line ends): one all-day event per current dated deadline, on its day, or on the
 * last day of its month or year when it is known no better (the summary then says "uiterlijk eind
 * mei 2021", "uiterlijk eind 2021"). Superseded deadlines are left out.
 *
 * <p>The UID is derived from the id of the <em>first</em> agreement in the chain of letters that
 * moved the deadline: an agreement's id is the same on every index run (the same sentence in the
 * same passage), and a later letter that moves the deadline makes a new agreement that supersedes
 * the old one; following {@code superseded_by} back to the oldest gives the moved deadline the UID
 * it had, with the new date and a higher SEQUENCE, so a calendar that imports the file again
 * updates the event instead of adding one.
 */
public final class DeadlineCalendar {

    public static final String PRODUCT = "-//IBP-assistent//Termijnen//NL";
    static final int SUMMARY_MAX = 160;
    private static final String[] MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december"};

    private DeadlineCalendar() {
    }

    /** The calendar text (CRLF line ends, folded), for {@code opgave} or all opgaven. */
    public static String ics(List<Agreement> agreements, LocalDate today, OptionalInt opgave, Instant stamp) {
        Calendar calendar = calendar(agreements, today, opgave, stamp);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("an invalid calendar was made: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** {@link #ics} as UTF-8 bytes, for a file or a document sent in a chat. */
    public static byte[] bytes(List<Agreement> agreements, LocalDate today, OptionalInt opgave, Instant stamp) {
        return ics(agreements, today, opgave, stamp).getBytes(StandardCharsets.UTF_8);
    }

    static Calendar calendar(List<Agreement> agreements, LocalDate today, OptionalInt opgave, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", opgave.isPresent()
                ? "IBP-termijnen opgave " + opgave.getAsInt() : "IBP-termijnen"));
        Map<String, Agreement> byId = new HashMap<>();
        agreements.forEach(a -> byId.put(a.id(), a));
        Map<String, List<Agreement>> replacedBy = new HashMap<>();
        for (Agreement a : agreements) {
            a.supersededBy().ifPresent(n -> replacedBy.computeIfAbsent(n, k -> new java.util.ArrayList<>()).add(a));
        }
        java.util.Set<String> uids = new java.util.HashSet<>();
        for (DatedItem item : FollowedDeadlines.calendar(agreements, today, opgave).stream()
                .sorted(Comparator.comparing((DatedItem i) -> i.deadline().end()).thenComparing(i -> i.agreement().id()))
                .toList()) {
            Agreement a = item.agreement();
            int index = a.deadlines().stream().filter(d -> FollowedDeadlines.followed(d)
                    && nl.ibp.agreements.Timeline.onTimeline(a, d)).toList().indexOf(item.deadline());
            Chain chain = root(a, replacedBy);
            VEvent event = new VEvent(item.deadline().end(), item.deadline().end().plusDays(1), summary(item));
            event.replace(new DtStamp(stamp));
            String uid = uid(chain.root().id(), index);
            for (int n = 2; !uids.add(uid); n++) {
                uid = uid(chain.root().id() + "#" + n, index); // two current agreements from one root: both kept
            }
            event.add(new Uid(uid));
            event.add(new Sequence(chain.moves()));
            event.add(new Description(description(item)));
            calendar.add(event);
        }
        return calendar;
    }

    /** The first agreement of the chain of moves that ends in {@code a}, and how many moves it took. */
    record Chain(Agreement root, int moves) {
    }

    static Chain root(Agreement a, Map<String, List<Agreement>> replacedBy) {
        Agreement at = a;
        int moves = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (seen.add(at.id())) {
            List<Agreement> older = replacedBy.get(at.id());
            if (older == null || older.isEmpty()) {
                break;
            }
            at = older.stream().min(Comparator.comparing((Agreement o) -> o.source().date().orElse(LocalDate.MIN))
                    .thenComparing(Agreement::id)).orElseThrow();
            moves++;
        }
        return new Chain(at, moves);
    }

    /** A stable UID: from the root agreement's id and the deadline's place in it. */
    static String uid(String rootId, int deadlineIndex) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((rootId + "/" + Math.max(0, deadlineIndex)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 32) + "@ibp-assistent";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The agreement, with "uiterlijk eind mei 2021" / "uiterlijk eind 2021" before it when the day is not known. */
    static String summary(DatedItem item) {
        Deadline d = item.deadline();
        String text = shorten(item.agreement().text(), SUMMARY_MAX);
        String when = precisionNote(d);
        return when.isEmpty() ? text : when + ": " + text;
    }

    static String precisionNote(Deadline d) {
        boolean by = d.kind() == Deadline.Kind.DEADLINE;
        return switch (d.precision()) {
            case DAY -> "";
            case MONTH -> (by ? "uiterlijk eind " : "in ") + MONTHS[d.end().getMonthValue() - 1] + " " + d.end().getYear();
            case YEAR, YEARS -> (by ? "uiterlijk eind " : "in ") + d.end().getYear();
            case SEASON, HALF_YEAR -> (by ? "uiterlijk " : "") + d.label().strip();
        };
    }

    static String description(DatedItem item) {
        Agreement a = item.agreement();
        StringBuilder sb = new StringBuilder(a.text());
        sb.append("\n\nTermijn: ").append(item.deadline().label());
        if (!a.actors().isEmpty()) {
            sb.append("\nWie: ").append(a.actors().stream()
                    .map(r -> r.actor().name() + " (" + r.role().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")")
                    .distinct().collect(Collectors.joining(", ")));
        }
        a.opgave().ifPresent(o -> sb.append("\nOpgave ").append(o)
                .append(Opgaven.find(o).map(x -> ": " + x.title()).orElse("")));
        sb.append("\nBron: ").append(source(a.source()));
        return sb.toString();
    }

    /** "Programmastart IBP, 15 februari 2018 – 3.2 Klimaat": the document, its date and the section. */
    public static String source(Agreement.Source s) {
        return s.title() + s.date().map(d -> ", " + dutchDate(d)).orElse("")
                + (s.section().isBlank() ? "" : " – " + shorten(s.section(), 160));
    }

    static String dutchDate(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    static String shorten(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int space = t.lastIndexOf(' ', max - 1);
        return t.substring(0, space > max / 2 ? space : max - 1) + "…";
    }
}

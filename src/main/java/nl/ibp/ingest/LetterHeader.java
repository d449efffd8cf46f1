package nl.ibp.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the header of a Dutch letter says about it: the "Datum", "Ons kenmerk" and "Onderwerp"
 * fields of e.g. a VNG ledenbrief. Used when neither a sidecar nor the file's own metadata give
 * these values, which is the normal case for letters converted from PDF to text.
 *
 * @param date       the letter's date
 * @param kenmerk    the reference, preferring a "Lbr. 18/004" line; "" when absent
 * @param subject    the "Onderwerp" line; "" when absent
 * @param ledenbrief whether the text is a letter to the members of the VNG
 */
record LetterHeader(Optional<LocalDate> date, String kenmerk, String subject, boolean ledenbrief) {

    /** Header fields sit at the top; a "Datum" deep in the body is ordinary text. */
    private static final int HEADER_LINES = 80;
    /** A reference spans at most a few lines ("COS/U201800112", "Lbr. 18/004"). */
    private static final int MAX_KENMERK_LINES = 4;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("februari", 2), Map.entry("maart", 3),
            Map.entry("april", 4), Map.entry("mei", 5), Map.entry("juni", 6),
            Map.entry("juli", 7), Map.entry("augustus", 8), Map.entry("september", 9),
            Map.entry("oktober", 10), Map.entry("november", 11), Map.entry("december", 12));

    private static final Pattern DUTCH_DATE = Pattern.compile(
            "\\b(\\d{1,2})(?:\\s+|\\s*-\\s*)(januari|februari|maart|april|mei|juni|juli|augustus|september"
                    + "|oktober|november|december)\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})-(\\d{1,2})-(\\d{4})\\b");
    private static final Pattern LBR = Pattern.compile("(?i)^lbr\\.?\\s*\\d{1,2}/\\d{1,4}\\b.*");
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^(datum|ons kenmerk|uw kenmerk|onderwerp|telefoon|bijlage\\(n\\)|bijlagen?"
                    + "|uw brief van|contactpersoon|e-?mail|samenvatting)(?=\\s|:|$)\\s*:?\\s*(.*)$");

    static final LetterHeader NONE = new LetterHeader(Optional.empty(), "", "", false);

    static LetterHeader parse(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.lines().limit(HEADER_LINES * 2L).toList()) {
            lines.add(PlainText.strip(line));
        }
        Optional<LocalDate> date = Optional.empty();
        String kenmerk = "";
        String subject = "";
        int nonBlankSeen = 0;
        for (int i = 0; i < lines.size() && nonBlankSeen < HEADER_LINES; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            nonBlankSeen++;
            Matcher label = LABEL.matcher(line);
            if (!label.matches()) {
                continue;
            }
            String name = label.group(1).toLowerCase(Locale.ROOT);
            String rest = label.group(2);
            switch (name) {
                case "datum" -> {
                    if (date.isEmpty()) {
                        date = parseDate(rest.isEmpty() ? nextNonBlank(lines, i) : rest);
                    }
                }
                case "ons kenmerk" -> {
                    if (kenmerk.isEmpty()) {
                        kenmerk = kenmerk(lines, i, rest);
                    }
                }
                case "onderwerp" -> {
                    if (subject.isEmpty()) {
                        subject = rest.isEmpty() ? nextNonBlank(lines, i) : rest;
                    }
                }
                default -> {
                    // Other labels only end a multi-line value.
                }
            }
        }
        String first = lines.stream().filter(l -> !l.isEmpty()).findFirst().orElse("");
        boolean ledenbrief = first.toLowerCase(Locale.ROOT).startsWith("brief aan de leden")
                || LBR.matcher(kenmerk).matches();
        return new LetterHeader(date, kenmerk, subject, ledenbrief);
    }

    /** Parses "15 februari 2018" or "15-02-2018" anywhere in {@code text}. */
    static Optional<LocalDate> parseDate(String text) {
        try {
            Matcher m = DUTCH_DATE.matcher(text);
            if (m.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)),
                        MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)), Integer.parseInt(m.group(1))));
            }
            m = NUMERIC_DATE.matcher(text);
            if (m.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
        } catch (DateTimeException e) {
            // "31 februari": no date rather than a wrong one.
        }
        return Optional.empty();
    }

    /** The reference lines after "Ons kenmerk", up to a blank line or the next label. */
    private static String kenmerk(List<String> lines, int labelIndex, String rest) {
        List<String> candidates = new ArrayList<>();
        if (!rest.isEmpty()) {
            candidates.add(rest);
        }
        // PDF text may put a blank line between label and value; skip blanks until the first value.
        for (int i = labelIndex + 1; i < lines.size() && candidates.size() < MAX_KENMERK_LINES; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                if (candidates.isEmpty()) {
                    continue;
                }
                // A blank between values happens in converted PDFs; stop only before a label.
                int next = i + 1;
                while (next < lines.size() && lines.get(next).isEmpty()) {
                    next++;
                }
                if (next >= lines.size() || LABEL.matcher(lines.get(next)).matches()) {
                    break;
                }
                continue;
            }
            if (LABEL.matcher(line).matches()) {
                break;
            }
            candidates.add(line);
        }
        return candidates.stream().filter(c -> LBR.matcher(c).matches()).findFirst()
                .or(() -> candidates.stream().findFirst())
                .orElse("");
    }

    private static String nextNonBlank(List<String> lines, int index) {
        for (int i = index + 1; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                return lines.get(i);
            }
        }
        return "";
    }
}

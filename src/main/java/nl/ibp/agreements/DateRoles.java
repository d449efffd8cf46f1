package nl.ibp.agreements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role a date plays in its sentence, read from the words around it: most dates keep the kind
 * their own cue gave them ({@link DutchDates}), but some only identify something else
 * ({@link Deadline.Kind#REFERENCE}) and some are named as no longer holding ({@link Deadline.Kind#REPLACED}).
 *
 * <ul>
 * <li>Reference: after "ten opzichte van", "t.o.v.", "vergeleken met", "(het) niveau van", "prijspeil",
 *     "peiljaar", "basisjaar", "cijfers uit/van/over"; the date of a document ("rapport van januari 2017",
 *     "haar brief van 7 december 2020", "brief d.d. 14 juli 2017", "de aanvraag dateert van oktober 2019");
 *     a cue-less date alone in brackets that does not lie after the document's date ("bestuursakkoord (2015)",
 *     "(november 2016)"); anything "sinds" ("sinds 2015", "sinds het voorjaar van 2018").</li>
 * <li>Replaced: after "in plaats van", "i.p.v.", or "uitgesteld/verschoven/verplaatst/… van" (the date it
 *     moved from; the "naar/tot" date keeps its kind); "niet (per/in/op) X …, maar …" (X is replaced, the date
 *     after "maar" is the new one); "X … niet (meer) haalbaar/verantwoord/mogelijk"; and the dates of a clause
 *     that starts with "oorspronkelijk", "aanvankelijk" or "eerder gepland/beoogd/…", up to a contrast
 *     ("maar", "uiteindelijk", "inmiddels", "nu", "echter") or the end of the clause.</li>
 * </ul>
 */
final class DateRoles {

    private DateRoles() {
    }

    /** A date found at {@code [start, end)} of the text. */
    record Found(int start, int end, Deadline deadline) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** Document nouns (also as the end of a compound: "ledenbrief", "adviesaanvraag"). */
    private static final String DOCUMENT = "\\p{L}*(?:rapport|brief|advies|adviesaanvraag|aanvraag|besluit|nota|notitie"
            + "|verslag|publicatie|beschouwing|akkoord|onderzoek|evaluatie|circulaire|motie|uitspraak|arrest|convenant"
            + "|overeenkomst|document|bericht|mail|verzoek|antwoorden|brochure|handreiking|rapportage|monitor|analyse)"
            + "(?:en|s)?";

    /** Words that end right before a reference date. */
    private static final Pattern REFERENCE_BEFORE = Pattern.compile("(?:(?<![\\p{L}])(?:ten\\s+opzichte\\s+van(?:\\s+het\\s+(?:niveau|peil)\\s+(?:van|in))?"
            + "|t\\.o\\.v\\.|vergeleken\\s+met|in\\s+vergelijking\\s+met|(?:het\\s+)?(?:niveau|peil)\\s+van|prijspeil|prijsniveau"
            + "|peiljaar|peildatum|basisjaar|referentiejaar|(?:cijfers|gegevens|prijzen|data)\\s+(?:uit|van|over)"
            + "|dateert\\s+(?:van|uit)|daterend\\s+(?:van|uit)|gedateerd(?:\\s+op)?"
            + "|" + DOCUMENT + "\\s+(?:van|d\\.d\\.|uit|gedateerd)"
            + "|" + DOCUMENT + "\\s+van\\s+(?:\\p{L}+\\s+)?(?:dag|datum))"
            + "|(?<![\\p{L}])d\\.d\\.)\\s*$", FLAGS);

    /** Words that end right before a date a sentence says no longer holds. */
    private static final Pattern REPLACED_BEFORE = Pattern.compile("(?<![\\p{L}])(?:in\\s+(?:de\\s+)?plaats\\s+van|i\\.p\\.v\\.?|ipv"
            + "|(?:uitgesteld|verschoven|opgeschoven|verplaatst|verlegd|vertraagd|opgeschort|uitstel|verschuiving|verplaatsing)"
            + "\\s+(?:\\p{L}+\\s+){0,2}?van)\\s*$", FLAGS);

    /** "uitgesteld tot …", "verschoven tot …": the date named is the new date itself, not a window before it. */
    private static final Pattern MOVED_TO_BEFORE = Pattern.compile("(?<![\\p{L}])(?:uitgesteld|verschoven|opgeschoven"
            + "|verplaatst|verlegd|uitstel|opgeschort)(?:\\s+\\p{L}+){0,2}?\\s*$", FLAGS);

    /** "tot 1 oktober 2020" after a move: that day; "tot 2022": the year 2022; "tot juni 2021": June 2021. */
    private static Deadline movedTo(Deadline d) {
        LocalDate start = switch (d.precision()) {
            case DAY -> d.end();
            case MONTH, YEAR, YEARS -> d.end().plusDays(1);
            default -> d.start();
        };
        LocalDate end = switch (d.precision()) {
            case DAY -> d.end();
            case MONTH -> start.withDayOfMonth(start.lengthOfMonth());
            case YEAR, YEARS -> start.withDayOfYear(start.lengthOfYear());
            default -> d.end();
        };
        Deadline.Precision precision = d.precision() == Deadline.Precision.YEARS ? Deadline.Precision.YEAR : d.precision();
        return new Deadline(d.label(), start, end, precision, Deadline.Kind.DEADLINE);
    }

    /** "niet per", "niet in", "niet op", "niet meer": a negated date, replaced when a "maar" follows. */
    private static final Pattern NOT_BEFORE = Pattern.compile("(?<![\\p{L}])(?:niet|niet\\s+meer|niet\\s+langer)"
            + "(?:\\s+(?:per|in|op|vanaf|voor|v[oó]{2}r|met\\s+ingang\\s+van))?\\s*$", FLAGS);
    private static final Pattern BUT_AFTER = Pattern.compile("^[^.;:]{0,80}?[,\\s](?:maar|doch)(?![\\p{L}])", FLAGS);

    /** "1 juli 2021 niet verantwoord", "… is niet meer haalbaar". */
    private static final Pattern NOT_FEASIBLE_AFTER = Pattern.compile("^[^.;:,]{0,40}?(?<![\\p{L}])(?:niet|niet\\s+meer|niet\\s+langer)\\s+"
            + "(?:verantwoord|haalbaar|mogelijk|realistisch|uitvoerbaar|wenselijk|te\\s+halen)(?![\\p{L}])", FLAGS);

    /** Clause openers whose dates are an earlier plan. */
    private static final Pattern ORIGINAL = Pattern.compile("(?<![\\p{L}])(?:oorspronkelijk\\p{L}*|aanvankelijk\\p{L}*"
            + "|eerder\\s+(?:geplande?|beoogde?|voorziene?|afgesproken|aangekondigde?|vastgestelde?|genoemde?)"
            + "|(?:stond|stonden)\\s+(?:\\p{L}+\\s+){0,3}?gepland)(?![\\p{L}])", FLAGS);
    private static final Pattern CLAUSE_END = Pattern.compile("[;:.!?]|(?<![\\p{L}])(?:maar|doch|uiteindelijk|inmiddels|nu"
            + "|echter|thans|intussen)(?![\\p{L}])", FLAGS);

    static List<Deadline> apply(String text, List<Found> found, LocalDate documentDate) {
        List<int[]> original = originalScopes(text);
        List<Deadline> result = new ArrayList<>(found.size());
        for (Found f : found) {
            result.add(role(text, f, documentDate, original));
        }
        return result;
    }

    private static Deadline role(String text, Found f, LocalDate doc, List<int[]> original) {
        Deadline d = f.deadline();
        if (d.kind() == Deadline.Kind.RECURRING) {
            return d;
        }
        String before = text.substring(Math.max(0, f.start() - 80), f.start());
        String after = text.substring(f.end(), Math.min(text.length(), f.end() + 120));
        if (REPLACED_BEFORE.matcher(before).find()
                || NOT_BEFORE.matcher(before).find() && BUT_AFTER.matcher(after).find()
                || NOT_FEASIBLE_AFTER.matcher(after).find()
                || original.stream().anyMatch(s -> s[0] <= f.start() && f.start() < s[1])) {
            return as(d, Deadline.Kind.REPLACED);
        }
        if (MOVED_TO_BEFORE.matcher(before).find() && d.label().matches("(?is)tot\\s.*") && !d.label().matches("(?is)tot\\s+en\\s+met.*")) {
            return movedTo(d);
        }
        if (d.label().regionMatches(true, 0, "sinds", 0, 5) || REFERENCE_BEFORE.matcher(before).find()
                || d.kind() == Deadline.Kind.EVENT && !d.start().isAfter(doc) && aloneInBrackets(text, f)) {
            return as(d, Deadline.Kind.REFERENCE);
        }
        return d;
    }

    /** Where an "oorspronkelijk …" clause runs: from its opener to the next contrast or clause end. */
    private static List<int[]> originalScopes(String text) {
        List<int[]> scopes = new ArrayList<>();
        Matcher m = ORIGINAL.matcher(text);
        while (m.find()) {
            Matcher end = CLAUSE_END.matcher(text);
            int stop = end.find(m.end()) ? end.start() : text.length();
            scopes.add(new int[] {m.start(), stop});
        }
        return scopes;
    }

    private static boolean aloneInBrackets(String text, Found f) {
        int s = f.start() - 1;
        while (s >= 0 && Character.isWhitespace(text.charAt(s))) {
            s--;
        }
        int e = f.end();
        while (e < text.length() && Character.isWhitespace(text.charAt(e))) {
            e++;
        }
        return s >= 0 && e < text.length() && text.charAt(s) == '(' && text.charAt(e) == ')';
    }

    private static Deadline as(Deadline d, Deadline.Kind kind) {
        return new Deadline(d.label(), d.start(), d.end(), d.precision(), kind);
    }
}

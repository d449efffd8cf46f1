package nl.ibp.agreements;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ibp.agreements.Deadline.Kind;
import nl.ibp.agreements.Deadline.Precision;
import nl.ibp.passage.Cue;

/**
 * Finds Dutch temporal expressions ("uiterlijk in 2021", "voor de zomer van 2018", "27 juni a.s.",
 * "de komende drie jaar", "vier keer per jaar") and resolves them against the date of the document.
 *
 * <h2>How it works</h2>
 * Every rule in {@link #RULES} is one regular expression plus a reader that turns a match into a
 * {@link Deadline}. All rules run over the whole text; of overlapping matches the longest wins (on
 * equal length: the earlier rule). Matches inside references ({@link #REFERENCES}: "Kamerstukken II,
 * 2015-2016, 24515-336", "Lbr. 18/004", "Stcrt. 2018, 123") are dropped.
 *
 * <p>Most rules are "cue + core": an optional cue word in front of a date core (year, month, day,
 * season, quarter, half year, part of a year, year range). The cue decides the kind and bends the span:
 * <ul>
 * <li>uiterlijk (in/op/per), niet later dan: DEADLINE, span = the core ("uiterlijk 2019" = 2019-01-01..2019-12-31).</li>
 * <li>voor / vóór: DEADLINE, window from the document date to the day before the core starts
 *     ("voor 2020" = documentDate..2019-12-31). Exceptions: a named day keeps the day itself
 *     ("voor 1 mei" ends on 1 May, as read); "voor de zomer" ends on 30 June (the summer recess starts
 *     early July); "voor eind 2018" ends 2018-12-31. "voor het jaar 2020", "voor kalenderjaar 2020" and
 *     "streefdoel voor 2030" mean "for", not "before": TARGET over the core; so does an unaccented
 *     "voor" whose window closed before the document date ("Voor 2018 is de verwachting" in a 2018
 *     letter). An accented "vóór" is always a deadline; a passed one collapses to its last day.</li>
 * <li>tot / (in) de periode tot: like voor (exclusive: "tot 2030" ends 2029-12-31), precision YEARS
 *     when the window covers several years. tot en met / t/m: from the document date through the
 *     core ("t/m 2021" ends 2021-12-31).</li>
 * <li>vanaf, per, met ingang van, m.i.v., sinds: START, span = the core (sinds 1994 is START too).
 *     na: START, the core shifted by its own length ("na de zomer" = September..November).</li>
 * <li>in, gedurende, tijdens, in de loop van, rond, omstreeks, richting: TARGET.</li>
 * <li>no cue: EVENT (a bare "2030", "14 februari 2018", "september 2017", "2017-2021", and past
 *     years in brackets such as "bestuursakkoord (2015)"), except "begin/medio/eind 2019" (TARGET:
 *     planning language) and "ultimo 2018" (DEADLINE).</li>
 * <li>A TARGET that ends before the document date becomes an EVENT ("in 2017" in a 2018 letter).</li>
 * </ul>
 *
 * <h2>Spans chosen</h2>
 * Seasons are meteorological: voorjaar/lente March-May, zomer June-August, najaar/herfst
 * September-November, winter December-February (the winter "van 2018" starts in December 2018).
 * begin = January-March, medio/half/halverwege = May-August, eind(e) = October-December (all SEASON);
 * of a month: days 1-10, 11-20, 21-end (MONTH). Quarters ("Q1 2019", "eerste kwartaal") are three-month
 * spans with SEASON precision. Halves are HALF_YEAR. A year range "2019 – 2021 (of 2022)" spans
 * 2019..2021, the alternative stays in the label only.
 *
 * <h2>Resolution of phrases without a year</h2>
 * "27 juni", "27 juni a.s.", "in juni", "in het voorjaar", "het derde kwartaal", "eind juni": the first
 * occurrence that has not ended at the document date (for voor/tot: whose deadline has not passed).
 * "jl." (jongstleden) and "afgelopen"/"vorige" pick the latest occurrence that started on or before it.
 * Known limitation: a past-tense "op 15 januari gepresenteerd" in a February letter resolves to next year.
 *
 * <h2>Relative and recurring</h2>
 * "de komende drie jaar": documentDate..documentDate+3y-1d (YEARS, TARGET); without a number
 * "de komende jaren" means four years (a cabinet term), "de komende maanden" six months, "weken" four.
 * "de afgelopen N jaar" is the span before the document date (EVENT). "over 4 jaar": YEAR of
 * documentYear+4 (TARGET); "binnen twee jaar": DEADLINE documentDate..+2y-1d. "dit/volgend/vorig jaar"
 * are years. "deze/de (komende) kabinetsperiode": the parliamentary term in force at the document
 * date, from the Tweede Kamer election year through the regular end four years later (2017-2021 for a
 * 2018 letter); "de vorige"/"de volgende kabinetsperiode" the terms around it. Recurring phrases
 * ("vier keer per jaar", "halfjaarlijks", "elk jaar", "maandelijks", "per kwartaal", "om de twee jaar")
 * are RECURRING with start = end = documentDate and precision YEAR; the cadence stays in the label.
 * "periodiek" names no period and is not matched; neither is "per jaar" after an amount (a rate).
 *
 * <h2>Not dates</h2>
 * Years are 1990..2100. A number is not a year when glued to digits, letters or separators
 * ("106.995", "2017Z18330", "24515-336"), followed by a unit ("2000 woningen", "2030 %") or, without
 * a cue, preceded by a quantity word or number label ("ruim 2000", "€ 2019", "nr. 2019").
 * Limitation: a bare count followed by a noun outside the unit list ("1995 ambtenaren") still reads as a year.
 * Bare years are reported (EVENT) because tables and phrases like "(met tussenstap 2030)" name years too;
 * callers that want commitments only filter on kind.
 */
public final class DutchDates {

    private DutchDates() {
    }

    /** Every temporal expression in the text, in order of appearance, resolved against the document's date. */
    public static List<Deadline> find(String text, LocalDate documentDate) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(documentDate, "documentDate");
        // Most sentences name no time at all: one cheap scan spares them the twenty rules. A digit is
        // one of the scan's alternatives, so a sentence with one goes on without it.
        String folded = LiteralGate.fold(text);
        boolean mayNameATime = Cue.hasDigit(text)
                || MAY_NAME_A_TIME_GATE.mayMatch(text, folded) && MAY_NAME_A_TIME.matcher(text).find();
        return mayNameATime ? findAll(text, folded, documentDate) : List.of();
    }

    /**
     * Every rule needs a digit or one of these words; a sentence without any cannot match.
     * {@code DutchDatesTest} checks over the whole corpus that this gate changes no result.
     */
    private static final Pattern MAY_NAME_A_TIME = Pattern.compile("[0-9]|jaar|jaren|maand|week|wekelijk|dag|kwartaal"
            + "|kabinetsperiode|lente|zomer|herfst|winter|helft|(?<![\\p{L}])(?:januari|februari|maart|april|mei|juni|juli"
            + "|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The patterns of the rules and of the references (for tests of their gates). */
    static List<Pattern> patterns() {
        List<Pattern> out = new ArrayList<>(RULES.stream().map(Rule::pattern).toList());
        out.add(REFERENCES);
        out.add(MAY_NAME_A_TIME);
        return out;
    }

    /** The literals of {@link #MAY_NAME_A_TIME}: a text with none of them need not even be scanned by it. */
    private static final LiteralGate MAY_NAME_A_TIME_GATE = LiteralGate.of(MAY_NAME_A_TIME.pattern(), MAY_NAME_A_TIME.flags())
            .orElseThrow(() -> new IllegalStateException("the time gate has literals"));

    /** {@link #find} without the gate. */
    static List<Deadline> findAll(String text, LocalDate documentDate) {
        return findAll(text, LiteralGate.fold(text), documentDate);
    }

    /** {@code folded} is {@link LiteralGate#fold} of the text. */
    private static List<Deadline> findAll(String text, String folded, LocalDate documentDate) {
        Ctx ctx = new Ctx(text, documentDate);
        List<int[]> blocked = new ArrayList<>();
        Matcher refs = REFERENCES.matcher(text);
        while ((REFERENCES_GATE.isEmpty() || REFERENCES_GATE.get().mayMatch(text, folded)) && refs.find()) {
            blocked.add(new int[] {refs.start(), refs.end()});
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < RULES.size(); r++) {
            if (!RULES.get(r).mayMatch(text, folded)) {
                continue; // none of the literals every match of the rule contains: it cannot match
            }
            Matcher m = RULES.get(r).pattern().matcher(text);
            int from = 0;
            while (from <= text.length() && m.find(from)) {
                int s = m.start();
                int e = m.end();
                Optional<Deadline> d = e > s && !overlapsAny(s, e, blocked)
                        ? read(RULES.get(r), m, ctx) : Optional.empty();
                if (d.isPresent()) {
                    candidates.add(new Candidate(s, e, r, d.get()));
                    from = e;
                } else {
                    from = s + 1; // a shorter reading may start later inside the rejected match
                }
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.start() - c.end())
                .thenComparingInt(Candidate::rule).thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            if (kept.stream().noneMatch(k -> c.start() < k.end() && k.start() < c.end())) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return DateRoles.apply(text, kept.stream().map(c -> new DateRoles.Found(c.start(), c.end(), c.deadline())).toList(),
                documentDate);
    }

    // ------------------------------------------------------------------ pattern fragments

    private static final String WB = "(?<![\\p{L}\\p{N}])";          // word begins
    private static final String WE = "(?![\\p{L}\\p{N}])";           // word ends
    private static final String DASH = "[-\\u2010-\\u2015]";          // hyphen, en dash, em dash
    private static final String UNIT = "(?:%|‰|procent|euro|eur|mln|mld|miljoen|miljard|mton|kton|ton|kg|km|m2|m²|m³|ha"
            + "|hectare|fte|woningen|inwoners|huishoudens|banen|arbeidsplaatsen|personen|mensen|leerlingen|deelnemers)";
    private static final String NUM = "(?:[0-9]{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf"
            + "|vijftien|twintig|dertig)";
    private static final String MONTH_FULL =
            "(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)";
    private static final String MONTH_ANY = "(?:" + MONTH_FULL.substring(3, MONTH_FULL.length() - 1)
            + "|(?:jan|febr|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\\.?)(?![\\p{L}-])";
    private static final String SUFFIX = "(?:\\s+(?<sfx>a\\.s\\.|aanstaande|jl\\.|j\\.l\\.|jongstleden))?";

    /** A year 1990..2100 standing alone: not part of a longer number, code or amount. */
    private static String year(String group) {
        return year(group, "(?![\\p{L}0-9]|[.,/\\u2010-\\u2015-][0-9])");
    }

    /** A year followed by {@code after} (a lookahead), not by a unit. */
    private static String year(String group, String after) {
        return "(?<![\\p{L}0-9.,€/\\u2010-\\u2015-])(?<" + group + ">199[0-9]|20[0-9]{2}|2100)"
                + after + "(?!\\s*" + UNIT + "(?![\\p{L}]))";
    }

    /** A year, "kalenderjaar 2018", "het jaar 2020", or "dit/volgend/vorig jaar". */
    private static final String YEAR_REF = "(?:(?:(?<yw>(?:het\\s+)?(?:kalender|begrotings|boek|school)?jaar)\\s+)?"
            + year("year")
            + "|(?<rel>dit\\s+jaar|het\\s+lopende\\s+jaar|het\\s+huidige\\s+jaar|volgend\\s+jaar|het\\s+volgende\\s+jaar"
            + "|komend\\s+jaar|vorig\\s+jaar|het\\s+vorige\\s+jaar|(?:het\\s+)?afgelopen\\s+jaar)(?![\\p{L}]))";

    /** Cue words in front of a date; their meaning is decided by {@link #cueClass}. */
    private static final String CUE_WORDS = "(?:in\\s+)?de\\s+periode\\s+tot(?:\\s+en\\s+met)?"
            + "|uiterlijk(?:\\s+(?:in|op|per))?|niet\\s+later\\s+dan|ten\\s+laatste(?:\\s+(?:in|op))?"
            + "|met\\s+ingang\\s+van|m\\.i\\.v\\.|tot\\s+en\\s+met|t/m|t\\.m\\.|in\\s+de\\s+loop\\s+van"
            + "|vanaf|per|sinds|na|tot|v[oóò][oóò]r|in|gedurende|tijdens|rond|omstreeks|richting";
    private static final String CUE = "(?:" + WB + "(?<cue>" + CUE_WORDS + ")\\s+)?";
    private static final String CUE_REQUIRED = WB + "(?<cue>" + CUE_WORDS + ")\\s+";

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    // ------------------------------------------------------------------ the rules, in priority order

    private static final List<Rule> RULES = List.of(
            // "2019 – 2021 (of 2022)", "periode 2019-2021", "tussen 2019 en 2021", "2016/17"
            new Rule(compile(WB + "(?:(?<cue>in\\s+de\\s+periode|de\\s+periode|periode|in\\s+de\\s+jaren|gedurende\\s+de\\s+periode"
                    + "|gedurende|in|vanaf|sinds|tussen|van)\\s+)?" + year("y1", "(?![\\p{L}0-9])")
                    + "\\s*(?<sep>/|" + DASH + "|t/m|tot\\s+en\\s+met|tot|en)\\s*(?<y2>[0-9]{4}|[0-9]{2})(?![0-9])"
                    + "(?:\\s*\\((?:of|en|eventueel|mogelijk)\\s+(?<y3>[0-9]{4})\\))?"), DutchDates::yearRange),
            // "14-02-2018", "2018-02-14"
            new Rule(compile(CUE + "(?<![0-9.,/-])(?:(?<d>[0-3]?[0-9])[-/.](?<mo>[01]?[0-9])[-/.](?<year>(?:199|20[0-9])[0-9])"
                    + "|(?<iy>(?:199|20[0-9])[0-9])-(?<im>[01][0-9])-(?<id>[0-3][0-9]))(?![0-9])"), DutchDates::numericDate),
            // "14 februari 2018", "voor 1 mei", "27 juni a.s.", "maandag 3 sept."
            new Rule(compile(CUE + "(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\\s+)?"
                    + "(?<![0-9.,/])(?<d>[0-3]?[0-9])(?:e|ste|de)?\\s+(?<mon>" + MONTH_ANY + ")"
                    + "(?:\\s+" + year("year") + "|" + SUFFIX + ")"), DutchDates::dayMonth),
            // "september 2017", "vanaf juni van dit jaar"
            new Rule(compile(CUE + WB + "(?:de\\s+maand\\s+)?(?<mon>" + MONTH_ANY + ")\\s+(?:van\\s+)?" + YEAR_REF),
                    DutchDates::monthYear),
            // "in juni", "voor september a.s." (a month name alone needs a cue)
            new Rule(compile(CUE_REQUIRED + "(?:de\\s+maand\\s+)?(?<mon>" + MONTH_FULL + ")(?![\\p{L}-])" + SUFFIX),
                    DutchDates::monthOnly),
            // "in het voorjaar van 2018", "voor de zomer", "najaar 2019", "deze winter"
            new Rule(compile(CUE + WB + "(?:(?<det>het|de|deze|dit|komende?|volgende?|aanstaande|afgelopen|vorige?)\\s+)?"
                    + "(?<season>voorjaar|lente|zomerreces|zomer|najaar|herfst|winter)(?![\\p{L}])"
                    + "(?:\\s+(?:van\\s+)?" + YEAR_REF + ")?"
                    + SUFFIX), DutchDates::season),
            // "in de eerste helft van 2018", "tweede halfjaar 2019", "H1 2019"
            new Rule(compile(CUE + WB + "(?:(?:(?:de|het)\\s+)?(?<ord>eerste|tweede|1e|2e|1ste|2de)\\s+(?<word>helft|halfjaar|half\\s+jaar)"
                    + "|(?<h>H[12]))(?![\\p{L}0-9])(?:\\s+(?:van\\s+)?(?:(?<thisyear>het\\s+jaar)(?![\\p{L}]|\\s+[0-9])|"
                    + YEAR_REF + "))?"), DutchDates::halfYear),
            // "eerste kwartaal 2019", "Q1 2019", "in het derde kwartaal"
            new Rule(compile(CUE + WB + "(?:(?:het\\s+)?(?<ord>eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e|1ste|2de|3de|4de)"
                    + "\\s+kwartaal|(?<q>Q[1-4]))(?![\\p{L}0-9])(?:\\s+(?:van\\s+)?" + YEAR_REF + ")?"), DutchDates::quarter),
            // "eind 2018", "begin volgend jaar", "medio 2019", "voor het einde van het jaar", "eind juni", "ultimo 2018"
            new Rule(compile(CUE + WB + "(?:(?:aan\\s+)?het\\s+)?(?<part>begin|eind|einde|medio|half|halverwege|midden|ultimo)"
                    + "\\s+(?:van\\s+)?(?:(?<mon>" + MONTH_FULL + ")(?![\\p{L}-])(?:\\s+" + year("myear") + ")?"
                    + "|(?<thisyear>het\\s+jaar)(?!\\s+[0-9])|" + YEAR_REF + ")"), DutchDates::partOf),
            // "uiterlijk in 2019", "vanaf kalenderjaar 2018", "per 2019", "in 2050", "sinds 1994", "volgend jaar", bare "2030"
            new Rule(compile(CUE + YEAR_REF), DutchDates::year),
            // "de komende drie jaar", "komende jaren", "de afgelopen vijf jaar", "het komende jaar"
            new Rule(compile(WB + "(?:(?<cue>in|gedurende|tijdens|voor)\\s+)?(?:(?:de|het)\\s+)?"
                    + "(?<dir>komende|eerstvolgende|afgelopen|voorbije|laatste)\\s+(?:(?<n>" + NUM + ")\\s+)?"
                    + "(?<unit>jaren|jaar|maanden|maand|weken|week)(?![\\p{L}])"), DutchDates::coming),
            // "over 4 jaar", "binnen twee maanden"
            new Rule(compile(WB + "(?<cue>(?:uiterlijk\\s+)?(?:over|binnen))\\s+(?<n>" + NUM + ")\\s+"
                    + "(?<unit>jaren|jaar|maanden|maand|weken|week|dagen|dag)(?![\\p{L}])"), DutchDates::inTime),
            // "deze kabinetsperiode", "in de komende kabinetsperiode"
            new Rule(compile(WB + "(?:(?<cue>in|gedurende|tijdens|voor)\\s+)?(?<det>deze|de\\s+komende|de\\s+nieuwe|de\\s+huidige"
                    + "|de\\s+lopende|de\\s+vorige|de\\s+volgende|de)\\s+kabinetsperiode(?![\\p{L}])"), DutchDates::cabinetTerm),
            // "vier keer per jaar", "halfjaarlijks", "elk jaar", "maandelijks", "per kwartaal", "om de twee jaar"
            new Rule(compile(WB + "(?:" + NUM + "\\s+(?:keer|maal)\\s+(?:per|in\\s+het|in\\s+de)\\s+(?:jaar|half\\s+jaar|halfjaar|kwartaal|maand|week)"
                    + "|eens\\s+(?:per|in\\s+de|in\\s+het)\\s+(?:" + NUM + "\\s+)?(?:jaren|jaar|half\\s+jaar|halfjaar|kwartaal"
                    + "|maanden|maand|weken|week)"
                    + "|(?:half|twee|drie|vier|vijf|tien)?jaarlijkse?|(?:twee|drie|zes)?maandelijkse?|(?:twee)?wekelijkse?"
                    + "|(?:ieder|elk)e?\\s+(?:jaar|half\\s+jaar|halfjaar|kwartaal|maand|week)|(?:per|elk|ieder)\\s+kwartaal"
                    + "|om\\s+de\\s+(?:" + NUM + "\\s+)?(?:jaar|maanden|maand|weken|week))(?![\\p{L}])"), DutchDates::recurring));

    /** References whose numbers are not dates: parliamentary papers, official gazettes, letter numbers. */
    static final Pattern REFERENCES = Pattern.compile(
            WB + "(?:Kamerstukken|Kamerstuk|Handelingen|Aanhangsel\\s+Handelingen|Stb\\.|Staatsblad|Stcrt\\.|Staatscourant|Trb\\.)"
                    + "(?:\\s+(?:II|I|1|2)(?![\\p{L}]))?[^()\\n;]{0,120}?(?=\\s*[();\\n]|\\.\\s+\\p{Lu}|\\.?\\s*$)"
                    + "|" + WB + "Kamerstukken\\s+(?:II|I)\\s*,?\\s*[0-9]{4}\\s*[/\\u2010-\\u2015-]\\s*[0-9]{2,4}"
                    + "|" + WB + "Lbr\\.?\\s*[0-9]+/[0-9]+|" + WB + "ECLI:[A-Z0-9:]+",
            Pattern.MULTILINE | Pattern.UNICODE_CHARACTER_CLASS);

    // ------------------------------------------------------------------ readers

    private static Optional<Deadline> read(Rule rule, Matcher m, Ctx ctx) {
        try {
            return rule.reader().read(m, ctx);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty(); // a document date near the ends of the calendar
        }
    }

    private static Optional<Deadline> yearRange(Matcher m, Ctx c) {
        int y1 = Integer.parseInt(m.group("y1"));
        String y2s = m.group("y2");
        int y2 = Integer.parseInt(y2s);
        if (y2s.length() == 2) {
            y2 += y1 / 100 * 100;
        }
        String sep = norm(m.group("sep"));
        String cue = norm(m.group("cue"));
        if (y2 <= y1 || y2 > 2100 || y2 - y1 > 50 || sep.equals("en") != cue.equals("tussen")) {
            return Optional.empty();
        }
        Span span = Span.of(LocalDate.of(y1, 1, 1), LocalDate.of(y2, 12, 31), Precision.YEARS);
        return Optional.of(apply(m.group(), cueClass(cue), span, Kind.EVENT, c.doc()));
    }

    private static Optional<Deadline> numericDate(Matcher m, Ctx c) {
        boolean iso = m.group("iy") != null;
        try {
            LocalDate d = iso
                    ? LocalDate.of(Integer.parseInt(m.group("iy")), Integer.parseInt(m.group("im")), Integer.parseInt(m.group("id")))
                    : LocalDate.of(Integer.parseInt(m.group("year")), Integer.parseInt(m.group("mo")), Integer.parseInt(m.group("d")));
            if (d.getYear() < 1990 || d.getYear() > 2100) {
                return Optional.empty();
            }
            return Optional.of(apply(m.group(), cueClass(m.group("cue")), Span.day(d), Kind.EVENT, c.doc()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Deadline> dayMonth(Matcher m, Ctx c) {
        int day = Integer.parseInt(m.group("d"));
        int month = month(m.group("mon"));
        if (day < 1 || day > 31 || month == 0) {
            return Optional.empty();
        }
        CueClass cue = cueClass(m.group("cue"));
        return resolve(yearGroup(m, c.doc()), y -> Span.day(LocalDate.of(y, month, day)), cue, m.group("sfx"), c.doc())
                .map(span -> apply(m.group(), cue, span, Kind.EVENT, c.doc()));
    }

    private static Optional<Deadline> monthYear(Matcher m, Ctx c) {
        int month = month(m.group("mon"));
        Integer y = yearGroup(m, c.doc());
        if (month == 0 || y == null) {
            return Optional.empty();
        }
        CueClass cue = cueForYear(m, c);
        return Optional.of(apply(m.group(), cue, Span.month(YearMonth.of(y, month)), Kind.EVENT, c.doc()));
    }

    private static Optional<Deadline> monthOnly(Matcher m, Ctx c) {
        int month = month(m.group("mon"));
        CueClass cue = cueClass(m.group("cue"));
        return resolve(null, y -> Span.month(YearMonth.of(y, month)), cue, m.group("sfx"), c.doc())
                .map(span -> apply(m.group(), cue, span, Kind.EVENT, c.doc()));
    }

    private static Optional<Deadline> season(Matcher m, Ctx c) {
        String season = norm(m.group("season"));
        String det = norm(m.group("det"));
        CueClass cue = cueClass(m.group("cue"));
        Integer y = yearGroup(m, c.doc());
        if (y == null && cue == CueClass.NONE && (det.isEmpty() || det.equals("het") || det.equals("de"))) {
            return Optional.empty(); // "de zomer" on its own is too often not a date
        }
        String sfx = m.group("sfx");
        if (det.equals("afgelopen") || det.startsWith("vorig")) {
            sfx = "jl.";
        }
        IntFunction<Span> byYear = switch (season) {
            case "voorjaar", "lente" -> yr -> Span.of(LocalDate.of(yr, 3, 1), LocalDate.of(yr, 5, 31), Precision.SEASON);
            case "zomer" -> yr -> Span.of(LocalDate.of(yr, 6, 1), LocalDate.of(yr, 8, 31), Precision.SEASON)
                    .before(LocalDate.of(yr, 6, 30));
            case "zomerreces" -> yr -> Span.of(LocalDate.of(yr, 7, 1), LocalDate.of(yr, 8, 31), Precision.SEASON);
            case "najaar", "herfst" -> yr -> Span.of(LocalDate.of(yr, 9, 1), LocalDate.of(yr, 11, 30), Precision.SEASON);
            default -> yr -> Span.of(LocalDate.of(yr, 12, 1), YearMonth.of(yr + 1, 2).atEndOfMonth(), Precision.SEASON);
        };
        return resolve(y, byYear, cue, sfx, c.doc()).map(span -> apply(m.group(), cue, span, Kind.EVENT, c.doc()));
    }

    private static Optional<Deadline> halfYear(Matcher m, Ctx c) {
        boolean first = m.group("h") != null ? m.group("h").endsWith("1") : norm(m.group("ord")).startsWith("1")
                || norm(m.group("ord")).equals("eerste");
        CueClass cue = cueClass(m.group("cue"));
        Integer y = m.group("thisyear") != null ? Integer.valueOf(c.doc().getYear()) : yearGroup(m, c.doc());
        boolean halfjaar = m.group("word") != null && !norm(m.group("word")).equals("helft");
        if (y == null && !(halfjaar && cue != CueClass.NONE)) {
            return Optional.empty(); // "de tweede helft" of anything
        }
        IntFunction<Span> byYear = yr -> first
                ? Span.of(LocalDate.of(yr, 1, 1), LocalDate.of(yr, 6, 30), Precision.HALF_YEAR)
                : Span.of(LocalDate.of(yr, 7, 1), LocalDate.of(yr, 12, 31), Precision.HALF_YEAR);
        return resolve(y, byYear, cue, null, c.doc()).map(span -> apply(m.group(), cue, span, Kind.EVENT, c.doc()));
    }

    private static Optional<Deadline> quarter(Matcher m, Ctx c) {
        int q;
        if (m.group("q") != null) {
            q = m.group("q").charAt(1) - '0';
        } else {
            String o = norm(m.group("ord"));
            q = o.startsWith("eerste") || o.startsWith("1") ? 1 : o.startsWith("tweede") || o.startsWith("2") ? 2
                    : o.startsWith("derde") || o.startsWith("3") ? 3 : 4;
        }
        CueClass cue = cueClass(m.group("cue"));
        Integer y = yearGroup(m, c.doc());
        if (y == null && cue == CueClass.NONE && m.group("q") != null) {
            return Optional.empty(); // a lone "Q3" is more often a column label
        }
        IntFunction<Span> byYear = yr -> Span.of(LocalDate.of(yr, 3 * q - 2, 1),
                YearMonth.of(yr, 3 * q).atEndOfMonth(), Precision.SEASON);
        return resolve(y, byYear, cue, null, c.doc()).map(span -> apply(m.group(), cue, span, Kind.EVENT, c.doc()));
    }

    private static Optional<Deadline> partOf(Matcher m, Ctx c) {
        String part = norm(m.group("part"));
        CueClass cue = cueClass(m.group("cue"));
        Kind bare = part.equals("ultimo") ? Kind.DEADLINE : Kind.TARGET;
        if (m.group("mon") != null) {
            int month = month(m.group("mon"));
            Integer y = m.group("myear") == null ? null : Integer.valueOf(m.group("myear"));
            IntFunction<Span> byYear = yr -> {
                YearMonth ym = YearMonth.of(yr, month);
                return switch (part) {
                    case "begin" -> Span.of(ym.atDay(1), ym.atDay(10), Precision.MONTH);
                    case "eind", "einde" -> Span.of(ym.atDay(21), ym.atEndOfMonth(), Precision.MONTH).before(ym.atEndOfMonth());
                    case "ultimo" -> Span.day(ym.atEndOfMonth());
                    default -> Span.of(ym.atDay(11), ym.atDay(20), Precision.MONTH).before(ym.atDay(15));
                };
            };
            return resolve(y, byYear, cue, null, c.doc()).map(span -> apply(m.group(), cue, span, bare, c.doc()));
        }
        int y = m.group("thisyear") != null ? c.doc().getYear() : yearGroup(m, c.doc());
        Span span = switch (part) {
            case "begin" -> Span.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 3, 31), Precision.SEASON);
            case "eind", "einde" -> Span.of(LocalDate.of(y, 10, 1), LocalDate.of(y, 12, 31), Precision.SEASON)
                    .before(LocalDate.of(y, 12, 31));
            case "ultimo" -> Span.day(LocalDate.of(y, 12, 31));
            default -> Span.of(LocalDate.of(y, 5, 1), LocalDate.of(y, 8, 31), Precision.SEASON).before(LocalDate.of(y, 6, 30));
        };
        return Optional.of(apply(m.group(), cue, span, bare, c.doc()));
    }

    private static Optional<Deadline> year(Matcher m, Ctx c) {
        Integer y = yearGroup(m, c.doc());
        if (y == null) {
            return Optional.empty();
        }
        if (m.group("cue") == null && m.group("year") != null && m.group("yw") == null
                && NOT_A_YEAR_BEFORE.contains(precedingWord(c.text(), m.start()))) {
            return Optional.empty();
        }
        Span span = Span.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Precision.YEAR);
        return Optional.of(apply(m.group(), cueForYear(m, c), span, Kind.EVENT, c.doc()));
    }

    private static Optional<Deadline> coming(Matcher m, Ctx c) {
        String unit = norm(m.group("unit"));
        String dir = norm(m.group("dir"));
        boolean past = !(dir.equals("komende") || dir.equals("eerstvolgende"));
        int n = m.group("n") != null ? number(m.group("n"))
                : unit.equals("jaren") ? 4 : unit.equals("maanden") ? 6 : unit.equals("weken") ? 4 : 1;
        if (n < 1) {
            return Optional.empty();
        }
        Period p = period(unit, n);
        LocalDate doc = c.doc();
        LocalDate start = past ? doc.minus(p) : doc;
        LocalDate end = past ? doc : doc.plus(p).minusDays(1);
        Precision precision = unit.startsWith("ja") ? (n > 1 ? Precision.YEARS : Precision.YEAR)
                : unit.startsWith("maand") ? Precision.MONTH : Precision.DAY;
        return Optional.of(new Deadline(m.group(), start, end, precision, past ? Kind.EVENT : Kind.TARGET));
    }

    private static Optional<Deadline> inTime(Matcher m, Ctx c) {
        String unit = norm(m.group("unit"));
        int n = number(m.group("n"));
        LocalDate doc = c.doc();
        if (n < 1) {
            return Optional.empty();
        }
        if (norm(m.group("cue")).endsWith("binnen")) {
            Precision precision = unit.startsWith("ja") ? (n > 1 ? Precision.YEARS : Precision.YEAR)
                    : unit.startsWith("maand") ? Precision.MONTH : Precision.DAY;
            return Optional.of(new Deadline(m.group(), doc, doc.plus(period(unit, n)).minusDays(1), precision, Kind.DEADLINE));
        }
        Kind kind = norm(m.group("cue")).startsWith("uiterlijk") ? Kind.DEADLINE : Kind.TARGET;
        LocalDate at = doc.plus(period(unit, n));
        Span span = unit.startsWith("ja") ? Span.of(LocalDate.of(at.getYear(), 1, 1), LocalDate.of(at.getYear(), 12, 31), Precision.YEAR)
                : unit.startsWith("maand") ? Span.month(YearMonth.from(at)) : Span.day(at);
        return Optional.of(new Deadline(m.group(), span.start(), span.end(), span.precision(), kind));
    }

    private static Optional<Deadline> cabinetTerm(Matcher m, Ctx c) {
        // Tweede Kamer elections (the corpus' _verkiezingen.txt); a cabinet period is the term that
        // follows one (regularly four years)
        List<LocalDate> elections = Elections.current().dates();
        Optional<Integer> last = Elections.current().lastOnOrBefore(c.doc());
        if (last.isEmpty()) {
            return Optional.empty();
        }
        int i = last.get();
        String det = norm(m.group("det"));
        int from = elections.get(i).getYear();
        int to = from + 4;
        Kind kind = Kind.TARGET;
        if (det.endsWith("vorige")) {
            if (i == 0) {
                return Optional.empty();
            }
            to = from;
            from = elections.get(i - 1).getYear();
            kind = Kind.EVENT;
        } else if (det.endsWith("volgende")) {
            from = to;
            to = from + 4;
        }
        return Optional.of(new Deadline(m.group(), LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31), Precision.YEARS, kind));
    }

    private static Optional<Deadline> recurring(Matcher m, Ctx c) {
        return Optional.of(new Deadline(m.group(), c.doc(), c.doc(), Precision.YEAR, Kind.RECURRING));
    }

    // ------------------------------------------------------------------ cue semantics

    /** BEFORE is "voor" (also "for"), BEFORE_STRICT the accented "vóór" (only "before"). */
    private enum CueClass { NONE, BY, BEFORE, BEFORE_STRICT, UNTIL, THROUGH, FROM, AFTER, IN }

    private static CueClass cueClass(String raw) {
        String c = norm(raw);
        if (c.isEmpty() || c.equals("tussen") || c.equals("van")) {
            return CueClass.NONE;
        }
        if (c.startsWith("uiterlijk") || c.startsWith("niet later") || c.startsWith("ten laatste")) {
            return CueClass.BY;
        }
        if (c.endsWith("tot en met") || c.equals("t/m") || c.equals("t.m.")) {
            return CueClass.THROUGH;
        }
        if (c.endsWith("tot")) {
            return CueClass.UNTIL;
        }
        if (c.startsWith("v") && c.length() == 4) {
            return c.equals("voor") ? CueClass.BEFORE : CueClass.BEFORE_STRICT;
        }
        return switch (c) {
            case "vanaf", "per", "met ingang van", "m.i.v.", "sinds" -> CueClass.FROM;
            case "na" -> CueClass.AFTER;
            default -> CueClass.IN;
        };
    }

    /** Nouns after which "voor 2030" means "for 2030" ("het streefdoel voor 2030"). */
    private static final Set<String> FOR_NOUNS = Set.of("doel", "doelen", "streefdoel", "streefdoelen", "doelstelling",
            "doelstellingen", "ambitie", "ambities", "budget", "begroting", "raming", "ramingen", "middelen", "bedrag",
            "bedragen", "prognose", "prognoses", "norm", "normen", "opgave", "plafond");

    /** Words after which a bare four-digit number is an amount or a number, not a year. */
    private static final Set<String> NOT_A_YEAR_BEFORE = Set.of("ruim", "circa", "ca.", "ca", "ongeveer", "zo'n", "zo’n",
            "bijna", "dan", "maximaal", "minimaal", "hooguit", "tenminste", "€", "eur", "nr.", "nr", "nummer", "artikel",
            "art.", "blz.", "p.", "pagina", "lid", "postbus", "kenmerk", "tabel", "figuur", "bijlage", "+", "x", "×");

    /** "voor 2020" is a deadline, but "voor het jaar 2020" and "streefdoel voor 2030" are not. */
    private static CueClass cueForYear(Matcher m, Ctx c) {
        CueClass cue = cueClass(m.group("cue"));
        if (cue == CueClass.BEFORE && (group(m, "yw") != null
                || FOR_NOUNS.contains(precedingWord(c.text(), m.start())))) {
            return CueClass.IN;
        }
        return cue;
    }

    /** Applies the cue to the core span (see the class comment). */
    private static Deadline apply(String label, CueClass cue, Span core, Kind bare, LocalDate doc) {
        LocalDate start = core.start();
        LocalDate end = core.end();
        Precision precision = core.precision();
        Kind kind;
        if (cue == CueClass.BEFORE && core.before().isBefore(doc)) {
            cue = CueClass.IN; // "Voor 2018 is de verwachting ..." written in 2018: "for", not a passed deadline
        }
        switch (cue) {
            case BY -> kind = Kind.DEADLINE;
            case BEFORE, BEFORE_STRICT, UNTIL -> {
                kind = Kind.DEADLINE;
                end = core.before();
                start = doc.isAfter(end) ? end : doc;
                if (cue == CueClass.UNTIL) {
                    precision = widen(precision, start, end);
                }
            }
            case THROUGH -> {
                kind = Kind.DEADLINE;
                start = doc.isAfter(end) ? core.start() : doc;
                precision = widen(precision, start, end);
            }
            case FROM -> kind = Kind.START;
            case AFTER -> {
                kind = Kind.START;
                Period length = Period.between(core.start(), core.end().plusDays(1));
                start = core.end().plusDays(1);
                end = start.plus(length).minusDays(1);
            }
            case IN -> kind = Kind.TARGET;
            default -> kind = bare;
        }
        if (kind == Kind.TARGET && end.isBefore(doc)) {
            kind = Kind.EVENT;
        }
        return new Deadline(label, start, end, precision, kind);
    }

    private static Precision widen(Precision p, LocalDate start, LocalDate end) {
        return p == Precision.YEAR && start.getYear() != end.getYear() ? Precision.YEARS : p;
    }

    /**
     * The span for a phrase with or without a year. Without one: the first occurrence (from last year on)
     * that has not ended at the document date ("jl.": the latest that started on or before it).
     */
    private static Optional<Span> resolve(Integer year, IntFunction<Span> byYear, CueClass cue, String suffix, LocalDate doc) {
        if (year != null) {
            return attempt(byYear, year);
        }
        String sfx = norm(suffix);
        if (sfx.startsWith("j")) {
            for (int y = doc.getYear() + 1; y >= doc.getYear() - 3; y--) {
                Optional<Span> s = attempt(byYear, y);
                if (s.isPresent() && !s.get().start().isAfter(doc)) {
                    return s;
                }
            }
            return Optional.empty();
        }
        for (int y = doc.getYear() - 1; y <= doc.getYear() + 8; y++) {
            Optional<Span> s = attempt(byYear, y);
            LocalDate last = s.map(span -> cue == CueClass.BEFORE || cue == CueClass.BEFORE_STRICT
                    || cue == CueClass.UNTIL ? span.before() : span.end())
                    .orElse(LocalDate.MIN);
            if (!last.isBefore(doc)) {
                return s;
            }
        }
        return Optional.empty();
    }

    private static Optional<Span> attempt(IntFunction<Span> byYear, int year) {
        try {
            return Optional.of(byYear.apply(year));
        } catch (DateTimeException e) {
            return Optional.empty(); // 29 februari in a common year, 31 april
        }
    }

    // ------------------------------------------------------------------ small helpers

    private static Integer yearGroup(Matcher m, LocalDate doc) {
        String y = group(m, "year");
        if (y != null) {
            return Integer.valueOf(y);
        }
        String rel = norm(group(m, "rel"));
        if (rel.isEmpty()) {
            return null;
        }
        if (rel.contains("vorig") || rel.contains("afgelopen")) {
            return doc.getYear() - 1;
        }
        if (rel.contains("volgend") || rel.contains("komend")) {
            return doc.getYear() + 1;
        }
        return doc.getYear();
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null; // the rule's pattern has no such group
        }
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("maa", 3), Map.entry("mrt", 3), Map.entry("apr", 4), Map.entry("mei", 5), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("okt", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private static int month(String name) {
        String n = norm(name);
        return n.length() < 3 ? 0 : MONTHS.getOrDefault(n.substring(0, 3), 0);
    }

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("een", 1), Map.entry("één", 1),
            Map.entry("twee", 2), Map.entry("drie", 3), Map.entry("vier", 4), Map.entry("vijf", 5), Map.entry("zes", 6),
            Map.entry("zeven", 7), Map.entry("acht", 8), Map.entry("negen", 9), Map.entry("tien", 10),
            Map.entry("elf", 11), Map.entry("twaalf", 12), Map.entry("vijftien", 15), Map.entry("twintig", 20),
            Map.entry("dertig", 30));

    private static int number(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.chars().allMatch(Character::isDigit) ? Integer.parseInt(w) : NUMBERS.getOrDefault(w, 0);
    }

    private static Period period(String unit, int n) {
        return unit.startsWith("ja") ? Period.ofYears(n) : unit.startsWith("maand") ? Period.ofMonths(n)
                : unit.startsWith("we") ? Period.ofWeeks(n) : Period.ofDays(n);
    }

    /** Lower case, whitespace collapsed; "" for null. */
    private static String norm(String s) {
        if (s == null) {
            return "";
        }
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /** The word (or sign) just before {@code at}, lower case; "" at the start. */
    private static String precedingWord(String text, int at) {
        int e = at;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int s = e;
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) {
            s--;
        }
        return text.substring(s, e).toLowerCase(Locale.ROOT);
    }

    private static boolean overlapsAny(int s, int e, List<int[]> spans) {
        for (int[] b : spans) {
            if (s < b[1] && b[0] < e) {
                return true;
            }
        }
        return false;
    }

    private record Ctx(String text, LocalDate doc) {
    }

    @FunctionalInterface
    private interface Reader {
        Optional<Deadline> read(Matcher m, Ctx ctx);
    }

    /** @param gate literals every match contains ({@link LiteralGate}): without them the rule need not run */
    private record Rule(Pattern pattern, Reader reader, Optional<LiteralGate> gate) {
        Rule(Pattern pattern, Reader reader) {
            this(pattern, reader, LiteralGate.of(pattern.pattern(), pattern.flags()));
        }

        boolean mayMatch(String text, String folded) {
            return gate.isEmpty() || gate.get().mayMatch(text, folded);
        }
    }

    private static final Optional<LiteralGate> REFERENCES_GATE = LiteralGate.of(REFERENCES.pattern(), REFERENCES.flags());

    private record Candidate(int start, int end, int rule, Deadline deadline) {
    }

    /** A core span; {@code before} is the last day of a "voor ..." window. */
    private record Span(LocalDate start, LocalDate end, Precision precision, LocalDate before) {

        static Span of(LocalDate start, LocalDate end, Precision precision) {
            return new Span(start, end, precision, precision == Precision.DAY ? start : start.minusDays(1));
        }

        static Span day(LocalDate d) {
            return of(d, d, Precision.DAY);
        }

        static Span month(YearMonth ym) {
            return of(ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH);
        }

        Span before(LocalDate last) {
            return new Span(start, end, precision, last);
        }
    }
}

package nl.ibp.passage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kinds of answer a text holds: a date or year (for "wanneer"), a number or amount (for
 * "hoeveel"), an organisation or role (for "wie"), a commitment to act (for "wat gaan ze doen"), a
 * cadence (for "hoe vaak"), a position taken (for "wat vindt …"), a cause or purpose (for "waarom").
 * The index stores them per passage, with those its heading gives ({@link #fromHeading}), so a
 * question can prefer passages that hold the kind of answer it asks for.
 */
public enum Cue {
    DATE(Pattern.compile(
            "\\b(1[89]\\d\\d|20\\d\\d)\\b|\\b\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\\b"
                    + "|\\b(voorjaar|najaar|zomer|kwartaal|helft van|jaarlijks|per jaar)\\b"
                    // a time counted from an event: "drie jaar na de inwerkingtreding", "twee weken later"
                    + "|\\b(jaar na|jaren na|jaar later|maand na|maanden na|maanden later|week na|weken na|weken later"
                    + "|dagen na|dagen later)\\b"),
            false, true, "voorjaar", "najaar", "zomer", "kwartaal", "helft van", "jaarlijks", "per jaar", " na", " later"),
    NUMBER(Pattern.compile(
            "\\d|(?iu)\\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|honderd|duizend|miljoen|miljard|"
                    + "twaalftal|tiental|aantal|helft)\\b|%|procent|€"),
            true, true, "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "twintig",
            "honderd", "duizend", "miljoen", "miljard", "aantal", "helft", "%", "procent", "€"),
    /**
     * The layers of government and the words of responsibility; the koepels (VNG, IPO, UvW) are not
     * listed here but come from the parties in use ({@link ActorData#current()}, the corpus'
     * {@value ActorData#FILE}), so a new koepel is a data change.
     */
    ACTOR(Pattern.compile(
            "\\b(Rijk|kabinet|minister|ministers|staatssecretaris|gemeenten|provincies|waterschappen|koepels|"
                    + "directeur|voorzitter|DG|regie|voortouw|verantwoordelijk|verantwoordelijkheid|trekker|trekkers|coördineert)\\b"),
            false, false, "Rijk", "kabinet", "minister", "staatssecretaris", "gemeenten", "provincies",
            "waterschappen", "koepels", "directeur", "voorzitter", "DG", "regie", "voortouw", "verantwoordelijk", "trekker",
            "coördineert"),
    /** A commitment to act, for "wat gaan ze doen": the future and the verbs of starting and agreeing. */
    ACTION(Pattern.compile(
            "(?iu)\\b(gaan|gaat|zullen|zal|komt|komen|starten|start|ontwikkelen|ontwikkelt|investeren|investeert"
                    + "|inrichten|richten|afgesproken|spreken|afspraken|actieprogramma|programma)\\b"),
            true, false, "gaan", "gaat", "zullen", "zal", "komt", "komen", "start", "ontwikkel", "investe", "richten",
            "afgesproken", "spreken", "afspraken", "programma"),
    /** How often, for "hoe vaak": a cadence ("elk half jaar", "jaarlijks", "twee keer per jaar", "per kwartaal"). */
    FREQUENCY(Pattern.compile(
            "(?iu)\\b(jaarlijks|jaarlijkse|halfjaarlijks|halfjaarlijkse|maandelijks|maandelijkse|wekelijks|wekelijkse"
                    + "|dagelijks|dagelijkse|per jaar|per half jaar|per halfjaar|per kwartaal|per maand|per week"
                    + "|elk jaar|elk half jaar|elk halfjaar|elk kwartaal|elke maand|elke week|ieder jaar|ieder half jaar"
                    + "|ieder kwartaal|iedere maand|iedere week|eens per|een keer|één keer|twee keer|drie keer|vier keer"
                    + "|vijf keer|zes keer|tien keer|twee maal|drie maal|vier maal|om de twee jaar|om de drie jaar"
                    + "|om de vier jaar|om de twee maanden|om de drie maanden|om de zes maanden|regelmatig|periodiek)\\b"
                    + "|\\b\\d+ (keer|maal)\\b"),
            true, true, "jaarlijks", "maandelijks", "wekelijks", "dagelijks", "per ", "elk", "ieder", "eens per", "keer",
            "maal", "om de", "regelmatig", "periodiek"),
    /** A position taken, for "wat vindt …": "wij vinden dat", "wij steunen", "het standpunt van". */
    OPINION(Pattern.compile(
            "(?iu)\\b(wij vinden|vinden wij|vinden dat|vindt dat|wij vragen|vragen wij|wij pleiten|pleit|pleiten"
                    + "|wij steunen|steunen wij|steunt|wij hechten eraan|hechten eraan|hecht eraan|verzet zich|verzetten zich"
                    + "|is van mening|zijn van mening|standpunt|standpunten|staat op het standpunt|wij willen)\\b"),
            true, false, "vind", "vragen", "pleit", "steun", "hecht", "verzet", "mening", "standpunt", "wij willen"),
    /** A cause or purpose, for "waarom": the conjunctions and prepositions that give one. */
    REASON(Pattern.compile(
            "(?iu)\\b(omdat|want|doordat|daardoor|daarom|vanwege|wegens|dankzij|reden|redenen|oorzaak|oorzaken"
                    + "|als gevolg van|ten gevolge van|zodat|teneinde)\\b"),
            true, false, "omdat", "want", "doordat", "daardoor", "daarom", "vanwege", "wegens", "dankzij", "reden",
            "oorza", "gevolg", "zodat", "teneinde");

    /** A year or a span of years ("2015-2017", "in 2018"): a date, no amount. */
    private static final Pattern YEARS = Pattern.compile("\\b(?:19|20)\\d\\d(?:\\s*[-–]\\s*(?:19|20)?\\d\\d)?\\b");

    /** The pattern as written; {@link #matchedByPattern} is what the fast path must agree with. */
    private final Pattern pattern;
    /**
     * What is run: the pattern's alternatives one by one (a text matches an alternation where it
     * matches one of them), for a pattern that ignores case without {@code (?iu)} on the text as
     * {@link #fold} folds it (the same char-by-char comparison, without case-folding every char at
     * every attempt). A word of a list is looked for where it occurs, not tried at every char:
     * these patterns were a hot spot of indexing.
     */
    private final List<Alternative> alternatives;
    /** Whether the literals are matched ignoring case, as the pattern matches them ({@code (?iu)}). */
    private final boolean ignoringCase;
    /** Whether a digit can start a match. */
    private final boolean digits;
    /**
     * Strings of which every match holds at least one (lower case when {@link #ignoringCase}):
     * a text without any of them, and without a digit where one could match, cannot match, and
     * the regular expression need not scan it (most passages lack some kinds).
     */
    private final String[] literals;

    Cue(Pattern pattern, boolean ignoringCase, boolean digits, String... literals) {
        this.pattern = pattern;
        this.alternatives = Alternative.of(ignoringCase ? pattern.pattern().replace("(?iu)", "") : pattern.pattern());
        this.ignoringCase = ignoringCase;
        this.digits = digits;
        this.literals = literals;
    }

    public boolean in(String text) {
        return matches(text, null);
    }

    /** {@code folded} is {@link #fold} of the text, or null. */
    private boolean matches(String text, String folded) {
        String haystack = ignoringCase ? (folded != null ? folded : fold(text)) : text;
        boolean digit = hasDigit(text);
        if (!mayBeIn(haystack, digit)) {
            return namesKoepel(text);
        }
        // Java's case-insensitive matching folds a few non-ASCII chars to ASCII letters in one kind of
        // node and not in the next ("ſ" and the Kelvin sign match "s" and "k" alone, not inside a
        // word); for such a rare text the pattern as written decides, so the fast path never differs
        if (ignoringCase && !foldsPlainly(text)) {
            return pattern.matcher(text).find() || namesKoepel(text);
        }
        for (Alternative a : alternatives) {
            if (a.in(haystack, digit)) {
                return true;
            }
        }
        return namesKoepel(text);
    }

    /** Whether the text holds an ASCII digit: what {@code [0-9]}, and {@code \\d} without Unicode classes, match. */
    public static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * One alternative of a cue's pattern: a word of a list ({@code \b(gaan|gaat|…)\b} gives one per
     * word), a plain literal ("%"), or any other part, which needs a digit (every such part of the
     * cues has {@code \d}; {@link #of} refuses one without).
     *
     * @param literal the text a match holds: the word, or the literal; null for another part
     * @param pattern what must match where the literal occurs, or anywhere for another part; null for a plain literal
     */
    private record Alternative(String literal, Pattern pattern) {

        private static final Pattern WORD_LIST = Pattern.compile("\\\\b\\(([\\p{L} |]+)\\)\\\\b");
        private static final Pattern PLAIN = Pattern.compile("[^\\\\()\\[\\]{}.*+?^$|]+");

        /** The alternatives of a pattern's top-level alternation. */
        static List<Alternative> of(String regex) {
            List<Alternative> out = new ArrayList<>();
            for (String part : topLevel(regex)) {
                Matcher words = WORD_LIST.matcher(part);
                if (words.matches()) {
                    for (String word : words.group(1).split("\\|")) {
                        out.add(new Alternative(word, Pattern.compile("\\b" + Pattern.quote(word) + "\\b")));
                    }
                } else if (PLAIN.matcher(part).matches()) {
                    out.add(new Alternative(part, null));
                } else if (part.contains("\\d")) {
                    out.add(new Alternative(null, Pattern.compile(part)));
                } else {
                    throw new IllegalArgumentException("a cue's alternative is no word list, literal or digit pattern: " + part);
                }
            }
            return List.copyOf(out);
        }

        /** The parts of a regex split at its top-level {@code |}. */
        private static List<String> topLevel(String regex) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            int from = 0;
            for (int i = 0; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    parts.add(regex.substring(from, i));
                    from = i + 1;
                }
            }
            parts.add(regex.substring(from));
            return parts;
        }

        boolean in(String haystack, boolean digit) {
            if (literal == null) {
                return digit && pattern.matcher(haystack).find();
            }
            int at = haystack.indexOf(literal);
            if (pattern == null || at < 0) {
                return at >= 0;
            }
            Matcher m = pattern.matcher(haystack).useTransparentBounds(true);
            for (; at >= 0; at = haystack.indexOf(literal, at + 1)) {
                if (m.region(at, haystack.length()).lookingAt()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Whether no char is one Java's case-insensitive matching treats two ways: one outside ASCII
     * whose fold is in ASCII (the patterns' literals are), or whose lower case is not that of its
     * upper case.
     */
    private static boolean foldsPlainly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                char lower = Character.toLowerCase(c);
                char folded = Character.toLowerCase(Character.toUpperCase(c));
                if (folded < 0x80 || lower != folded) {
                    return false;
                }
            }
        }
        return true;
    }

    /** For {@link #ACTOR}: whether the text names a koepel of the parties in use. */
    private boolean namesKoepel(String text) {
        return this == ACTOR && Koepels.of(ActorData.current()).in(text);
    }

    /**
     * The gate: false only when the pattern cannot match; {@code haystack} is the text, folded when
     * case is ignored, {@code digit} whether it holds one.
     */
    private boolean mayBeIn(String haystack, boolean digit) {
        if (digits && digit) {
            return true;
        }
        for (String literal : literals) {
            if (haystack.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text as {@code (?iu)} compares it, a char at a time: lower case of upper case, so that
     * "ſ" becomes "s" and the Kelvin sign "k"; of the same length as the text.
     */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        }
        return new String(out);
    }

    /** The pattern alone, without the gate: what {@link #in} must always agree with (for tests). */
    boolean matchedByPattern(String text) {
        return pattern.matcher(text).find() || namesKoepel(text);
    }

    /**
     * The koepels' forms of one set of parties, as whole words and case as written (they are all
     * capitalised names): built once per {@link ActorData} in use.
     */
    private record Koepels(ActorData source, Pattern pattern, List<String> forms) {

        private static volatile Koepels last;

        static Koepels of(ActorData data) {
            Koepels k = last;
            if (k == null || k.source != data) {
                List<String> forms = data.of(ActorData.Kind.KOEPEL).stream().flatMap(p -> p.forms().stream()).toList();
                String alternation = forms.stream().map(Pattern::quote).collect(Collectors.joining("|"));
                k = new Koepels(data, Pattern.compile(forms.isEmpty() ? "(?!)" : "\\b(?:" + alternation + ")\\b"), forms);
                last = k;
            }
            return k;
        }

        boolean in(String text) {
            return forms.stream().anyMatch(text::contains) && pattern.matcher(text).find();
        }
    }

    /** Whether the text holds a number or amount besides its years: what "hoeveel" asks for. */
    public static boolean amountIn(String text) {
        return NUMBER.in(YEARS.matcher(text).replaceAll(" "));
    }

    /** An amount of money: "€ 200 miljoen", "1,3 miljard", "25 euro"; not "10.000 woonplekken" or "43 gemeenten". */
    private static final Pattern MONEY = Pattern.compile(
            "(?iu)€|\\beuro\\b|\\d\\s*(?:mln|mld|miljoen|miljard)\\b|\\b(?:miljoen|miljard)\\s+euro\\b");

    /** Whether the text names an amount of money ({@link #MONEY}). */
    public static boolean moneyIn(String text) {
        return MONEY.matcher(text).find();
    }

    /** A heading that asks or gives a reason: "Waarom een nieuwe datum", "Redenen voor uitstel". */
    private static final Pattern REASON_HEADING = Pattern.compile("(?iu)^\\W*(?:\\d+[.)]?\\s*)?(?:waarom|waardoor)\\b");

    /**
     * The cues a passage has from the heading it stands directly under: {@link #REASON} when that
     * heading asks or names a reason, as the sentences under "Waarom uitstel?" give the reason
     * without a "because"; {@link #OPINION} under "Standpunt van de VNG".
     */
    public static Set<Cue> fromHeading(List<String> headingPath) {
        Set<Cue> cues = EnumSet.noneOf(Cue.class);
        if (!headingPath.isEmpty()) {
            String heading = headingPath.getLast();
            if (REASON_HEADING.matcher(heading).find() || REASON.in(heading)) {
                cues.add(REASON);
            }
            if (OPINION.in(heading)) { // "Standpunt van de VNG": what follows is the position
                cues.add(OPINION);
            }
        }
        return cues;
    }

    /** The cues of a passage: those of its text and those of its heading ({@link #fromHeading}). */
    public static Set<Cue> of(String text, List<String> headingPath) {
        Set<Cue> cues = of(text);
        cues.addAll(fromHeading(headingPath));
        return cues;
    }

    public static Set<Cue> of(String text) {
        Set<Cue> cues = EnumSet.noneOf(Cue.class);
        String folded = fold(text);
        for (Cue cue : values()) {
            if (cue.matches(text, folded)) {
                cues.add(cue);
            }
        }
        return cues;
    }
}

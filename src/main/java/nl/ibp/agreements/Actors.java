package nl.ibp.agreements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ibp.agreements.ActorLexicon.Mention;
import nl.ibp.agreements.Responsibility.Role;

/**
 * Finds who does what in a sentence of an agreement: the actors it names (normalised by
 * {@link ActorLexicon}) and the role each one gets (patterns in {@link ActorRoles}).
 *
 * <p>How a sentence is read:
 * <ol>
 * <li>the sentence is normalised (whitespace, quotes, markdown emphasis) and scanned for actor
 *     mentions;</li>
 * <li>mentions joined only by ",", "en", "of", "/" form one enumeration (a group): "IPO, VNG en
 *     UvW", "Gemeenten/VNG"; every actor of a group gets the group's role;</li>
 * <li>a phrase right before the group gives the role ("onder regie van X", "samen met X",
 *     passive "door X");</li>
 * <li>otherwise, if the group is the subject of its clause (it starts the sentence or clause,
 *     follows a subordinator such as "waarbij", or follows the finite verb in an inverted
 *     clause such as "Hiertoe voert de minister van BZK regie"), role phrases in the rest of
 *     the clause give the role ("neemt het voortouw", "is verantwoordelijk", "meer regie
 *     krijgen"), and failing those a verb of doing makes it UITVOERING;</li>
 * <li>groups with neither give no responsibility.</li>
 * </ol>
 * Everything is deterministic; nothing returns null.
 */
public final class Actors {

    private Actors() {
    }

    private static final Pattern SEPARATOR = Pattern.compile(
            "\\s*(?:,\\s*(?:en\\s+|of\\s+|maar\\s+ook\\s+)?|\\s(?:en|of|en/of|alsmede|evenals|dan\\s+wel)\\s|/|&)\\s*(?:ook\\s+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_MARKER = Pattern.compile(
            "^\\s*(?:[-–•]\\s*)*(?:(?:\\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\\s+)?");
    private static final Pattern TRAILING_ADVERBS = Pattern.compile("(?:(?:^|\\s)(?:ook|tevens|zelf))+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_END = Pattern.compile(
            "[;:]|\\s[–—-]\\s|\\.\\s|\\.$|,\\s(?:dat|die|waarbij|waarin|waarmee|omdat|zodat|terwijl|wat|welke)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'&-]+|[^\\s\\p{L}\\p{N}]");

    /** Between a subject and the parties it acts with: "X samen met Y …". */
    private static final Pattern COMPANION = Pattern.compile(
            "\\s*,?\\s*(?:samen|tezamen|gezamenlijk)\\s+met\\s+(?:(?:onder\\s+meer|o\\.a\\.|andere|alle)\\s+)?",
            Pattern.CASE_INSENSITIVE);
    /** "Laat waterschappen de kosten dekken": the party after a causative verb carries out the infinitive. */
    private static final Set<String> CAUSATIVES = Set.of("laat", "laten", "liet", "lieten");

    private static final Set<String> SUBORDINATORS = Set.of("dat", "die", "waarbij", "waarin", "waarmee", "waardoor",
            "omdat", "zodat", "als", "wanneer", "terwijl", "doordat", "hoe", "waar", "indien", "zodra", "opdat", "nu",
            "welke", "wat");
    private static final Set<String> COORDINATORS = Set.of("en", "maar", "want", "dus", "of");
    private static final Set<String> STOP_WORDS = Set.of("van", "voor", "met", "in", "op", "aan", "bij", "over", "naar",
            "tussen", "door", "om", "te", "dat", "die", "uit", "tot", "onder", "zoals", "waarbij", "waarin", "als");
    private static final Set<String> NEGATIONS = Set.of("niet", "geen", "nooit");
    /** Adverbs that may stand between a subject and its verb in a heading-like or joint clause. */
    private static final Set<String> SUBJECT_ADVERBS = Set.of("gezamenlijk", "samen", "elk", "ieder", "beide", "allebei",
            "ook", "tevens", "eerst", "vervolgens", "nog");

    /** The actors a sentence (or list item) names with a role, in order; each enumerated actor separately. */
    public static List<Responsibility> find(String sentence) {
        return find(ActorLexicon.defaults(), sentence);
    }

    /** As {@link #find(String)}, with the parties of {@code lexicon}. */
    static List<Responsibility> find(ActorLexicon lexicon, String sentence) {
        if (sentence == null || sentence.isEmpty()) {
            return List.of();
        }
        return lexicon.found(sentence, text -> read(lexicon, text));
    }

    private static List<Responsibility> read(ActorLexicon lexicon, String sentence) {
        String s = ActorLexicon.normalise(sentence);
        if (s.isEmpty()) {
            return List.of();
        }
        List<List<Mention>> groups = groups(s, lexicon.scan(s));
        boolean continuation = continuesLeadIn(s);
        LinkedHashSet<Responsibility> out = new LinkedHashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Mention> group = groups.get(g);
            int start = group.get(0).start();
            int end = group.get(group.size() - 1).end();
            int next = g + 1 < groups.size() ? groups.get(g + 1).get(0).start() : s.length();
            boolean plural = group.size() > 1 || group.get(0).plural();
            List<Role> roles;
            if (g + 1 < groups.size() && COMPANION.matcher(s.substring(end, next)).matches()) {
                // "gemeenten samen met politie en OM … vormgeven": the companions get their own role
                // (BETROKKEN, from "samen met"); the subject's clause goes on after them, in the
                // number of the joint subject, which is unknown
                List<Mention> companions = groups.get(g + 1);
                int after = companions.get(companions.size() - 1).end();
                String joined = s.substring(0, end) + s.substring(after);
                int shift = after - end;
                int nextAfter = g + 2 < groups.size() ? groups.get(g + 2).get(0).start() - shift : joined.length();
                roles = roles(joined, start, end, nextAfter, null, continuation);
            } else {
                roles = roles(s, start, end, next, plural, continuation);
            }
            for (Role role : roles) {
                for (Mention m : group) {
                    for (Actor a : m.actors()) {
                        out.add(new Responsibility(a, role));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** Every actor the text names, normalised, in order of first mention, without roles. */
    public static List<Actor> mentioned(String text) {
        return mentioned(ActorLexicon.defaults(), text);
    }

    static List<Actor> mentioned(ActorLexicon lexicon, String text) {
        LinkedHashSet<Actor> out = new LinkedHashSet<>();
        for (Mention m : lexicon.scan(ActorLexicon.normalise(text))) {
            out.addAll(m.actors());
        }
        return List.copyOf(out);
    }

    // ---- groups ---------------------------------------------------------------------------

    private static List<List<Mention>> groups(String s, List<Mention> mentions) {
        List<List<Mention>> groups = new ArrayList<>();
        List<Mention> current = null;
        for (Mention m : mentions) {
            if (current != null && SEPARATOR.matcher(s.substring(current.get(current.size() - 1).end(), m.start())).matches()) {
                current.add(m);
            } else {
                current = new ArrayList<>();
                current.add(m);
                groups.add(current);
            }
        }
        return groups;
    }

    // ---- roles ----------------------------------------------------------------------------

    private enum Position { NONE, MAIN, SUBORDINATE, INVERTED, CAUSATIVE }

    /**
     * Whether the text goes on from a lead-in instead of being a sentence of its own: a list item
     * that starts in lower case ("Wij hechten eraan dat: - de fondsbeheerders … een besluit nemen;").
     * Such an item may be a subordinate clause, with its verb at the end.
     */
    private static boolean continuesLeadIn(String s) {
        String t = LIST_MARKER.matcher(s).replaceFirst("");
        return !t.isEmpty() && Character.isLowerCase(t.charAt(0));
    }

    /**
     * The roles of the group at {@code [start, end)}; {@code next} is where the next group starts;
     * {@code plural} is the group's number, or null when unknown.
     */
    private static List<Role> roles(String s, int start, int end, int next, Boolean plural, boolean continuation) {
        String before = s.substring(0, start);
        Role prefix = ActorRoles.prefixRole(before);
        if (prefix != null) {
            return List.of(prefix);
        }
        String rest = s.substring(end);
        Matcher boundary = CLAUSE_END.matcher(rest);
        int clauseEnd = boundary.find() ? boundary.start() : rest.length();
        String clause = rest.substring(0, Math.min(clauseEnd, next - end));   // up to the next actor
        String fullClause = rest.substring(0, clauseEnd);                     // up to the clause boundary

        String context = LIST_MARKER.matcher(before).replaceFirst("");
        context = TRAILING_ADVERBS.matcher(context.stripTrailing()).replaceFirst("").strip();
        String lastWord = lastWord(context);
        Position position;
        if (context.isEmpty() || context.matches("(?s).*[,;:(–—-]")) {
            position = Position.MAIN;
        } else if (COORDINATORS.contains(lastWord)) {
            position = Position.MAIN;
        } else if (SUBORDINATORS.contains(lastWord)) {
            position = Position.SUBORDINATE;
        } else if (CAUSATIVES.contains(lastWord)) {
            position = Position.CAUSATIVE;
        } else if (ActorRoles.INVERSION_VERBS.contains(lastWord)) {
            position = Position.INVERTED;
        } else {
            return List.of();
        }

        String roleClause = position == Position.INVERTED ? lastWord + " " + clause : clause;
        List<Role> roles = ActorRoles.clauseRoles(roleClause);
        if (!roles.isEmpty()) {
            return roles;
        }
        // "Regio en Rijk kunnen …": a non-actor conjunct before the group makes its number unknown
        Boolean number = COORDINATORS.contains(lastWord) ? null : plural;
        boolean does = carriesOut(position, lastWord, clause, fullClause, number)
                || position == Position.MAIN && continuation && context.isEmpty()
                && carriesOut(Position.SUBORDINATE, lastWord, clause, fullClause, number);
        return does ? List.of(Role.UITVOERING) : List.of();
    }

    /**
     * Whether the subject does something: the fall-back role UITVOERING. The verb has to agree in
     * number with the group ("Dit geeft gemeenten meer budget": gemeenten is not the subject).
     */
    private static boolean carriesOut(Position position, String verbBefore, String clause, String fullClause,
            Boolean plural) {
        List<String> words = words(clause.replaceAll("(?i)\\bal dan niet\\b", ""));
        String verb;
        List<String> after;
        switch (position) {
            case CAUSATIVE -> {
                // "Laat X de kosten dekken": an infinitive of doing in the clause, not negated
                return words.stream().noneMatch(NEGATIONS::contains)
                        && words.stream().anyMatch(w -> w.endsWith("en") && ActorRoles.isActionVerb(w));
            }
            case INVERTED -> {
                verb = verbBefore;
                after = words;
            }
            case MAIN -> {
                int at = firstVerbOfMainClause(words);
                if (at < 0) {
                    return false;
                }
                verb = words.get(at);
                after = words.subList(at + 1, words.size());
            }
            case SUBORDINATE -> {
                // verb-final: a verb of doing among the first words, no negation or passive before it;
                // of words that can be noun or verb ("een besluit nemen") the first that agrees in number
                int limit = Math.min(words.size(), 12);
                int at = -1;
                int first = -1;
                for (int i = 0; i < limit && at < 0; i++) {
                    String w = words.get(i);
                    if (NEGATIONS.contains(w) || w.equals("wordt") || w.equals("worden")) {
                        return false;
                    }
                    if (ActorRoles.isActionVerb(w) && (i == 0 || !words.get(i - 1).equals("te"))) {
                        first = first < 0 ? i : first;
                        if (plural == null || ActorRoles.pluralVerb(w) == plural) {
                            at = i;
                        }
                    }
                }
                at = at < 0 ? first : at;
                if (at < 0 || words.subList(at, limit).contains("worden") || words.subList(at, limit).contains("wordt")) {
                    return false;
                }
                verb = words.get(at);
                after = List.of();
            }
            default -> {
                return false;
            }
        }
        if ((plural != null && ActorRoles.pluralVerb(verb) != plural) || negatedNear(after)) {
            return false;
        }
        if (verb.equals("heeft") || verb.equals("hebben")) {
            return ActorRoles.hasParticiple(fullClause);
        }
        if ((verb.equals("stelt") || verb.equals("stellen")) && !after.isEmpty() && after.get(0).equals("dat")) {
            return false;   // "stelt dat": says, does not do
        }
        return position == Position.MAIN ? ActorRoles.looksLikeActionVerb(verb) : ActorRoles.isActionVerb(verb);
    }

    /**
     * The finite verb right after a main-clause subject. When the enumeration goes on with parties
     * that are not actors ("Rijk, medeoverheden en maatschappelijke partners stellen"), the verb after
     * the last conjunct counts, if it is a known verb of doing.
     */
    private static int firstVerbOfMainClause(List<String> words) {
        if (words.isEmpty()) {
            return -1;
        }
        int lead = 0; // "Rijk en VNG gezamenlijk onderzoeken …", "gemeenten elk leggen …": the verb follows the adverb
        while (lead + 1 < words.size() && SUBJECT_ADVERBS.contains(words.get(lead))) {
            lead++;
        }
        String first = words.get(lead);
        if (!first.equals(",") && !COORDINATORS.contains(first)) {
            return Character.isLetter(first.charAt(0)) ? lead : -1;
        }
        boolean afterConjunction = false;
        for (int i = 0; i < Math.min(words.size(), 14); i++) {
            String w = words.get(i);
            if (w.equals(",")) {
                continue;
            }
            if (w.equals("en") || w.equals("of")) {
                afterConjunction = true;
                continue;
            }
            if (!Character.isLetter(w.charAt(0)) || STOP_WORDS.contains(w)) {
                return -1;
            }
            if (afterConjunction && ActorRoles.ACTION_VERBS.contains(w)) {
                return i;
            }
        }
        return -1;
    }

    /** A negation soon after the verb, in the same stretch: "X zet niet in", "X hoeft … niet op te vangen". */
    private static boolean negatedNear(List<String> after) {
        return after.stream().limit(8).takeWhile(w -> !w.equals(",")).anyMatch(NEGATIONS::contains);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static String lastWord(String text) {
        List<String> w = words(text);
        return w.isEmpty() ? "" : w.get(w.size() - 1);
    }
}

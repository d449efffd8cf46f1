package nl.ibp.agreements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ibp.agreements.Responsibility.Role;

/**
 * The role patterns. Two small ordered tables:
 * <ul>
 * <li>{@link #PREFIX}: phrases that stand right before an actor and give it a role
 *     ("onder regie van X", "in samenwerking met X", "door X");</li>
 * <li>{@link #CLAUSE}: phrases in the clause after an actor that is the subject
 *     ("X neemt het voortouw", "X is verantwoordelijk voor", "waarbij X meer regie krijgen").</li>
 * </ul>
 * Plus a verb lexicon for the fall-back role: the subject of an action verb carries it out
 * (UITVOERING).
 */
final class ActorRoles {

    private ActorRoles() {
    }

    /** @param gate literals every match contains ({@link LiteralGate}): without them the rule need not run */
    private record Rule(Pattern pattern, Role role, java.util.Optional<LiteralGate> gate) {
        Rule(Pattern pattern, Role role) {
            this(pattern, role, LiteralGate.of(pattern.pattern(), pattern.flags()));
        }

        boolean mayMatch(String text, String folded) {
            return gate.isEmpty() || gate.get().mayMatch(text, folded);
        }
    }

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Up to six words between a verb and its role noun, but not a negation. */
    private static final String GAP = "(?:(?!(?:niet|geen)\\b)[\\p{L}\\p{N}'-]+,?\\s+){0,6}?";
    /** Quantifiers that may stand between "samen met" and the actor. */
    private static final String FILL = "(?:(?:onder\\s+meer|o\\.a\\.|onder\\s+andere|een\\s+aantal|andere|alle|diverse|"
            + "verschillende|vele|(?:uiteenlopende\\s+)?netwerken\\s+van|vertegenwoordigers\\s+van)\\s+){0,3}";

    /** Patterns that end right where the actor starts; the first that matches wins. */
    private static final List<Rule> PREFIX = List.of(
            prefix(Role.REGIE, "\\bonder\\s+(?:de\\s+|het\\s+)?(?:eind)?regie\\s+(?:van|door)\\s+"),
            prefix(Role.REGIE, "\\bonder\\s+(?:de\\s+)?leiding\\s+van\\s+"),
            prefix(Role.REGIE, "\\b(?:regie|regierol|regiefunctie)\\s+(?:ligt\\s+)?(?:bij|voor|van)\\s+"),
            prefix(Role.VOORTOUW, "\\bvoortouw\\s+(?:ligt\\s+)?(?:bij|van)\\s+"),
            prefix(Role.VOORTOUW, "\\bonder\\s+aanvoering\\s+van\\s+"),
            prefix(Role.TREKKER, "\\b(?:getrokken|trekkerschap|trekkersrol)\\s+(?:ligt\\s+)?(?:door|van|bij)\\s+"),
            prefix(Role.TREKKER, "\\b(?:met\\s+als\\s+)?trekkers?\\s+(?:is|zijn|wordt|worden)\\s+"),
            prefix(Role.TREKKER, "\\bmet\\s+als\\s+trekkers?\\s+"),
            prefix(Role.COORDINEERT, "\\b(?:co[öo]rdinatie|geco[öo]rdineerd)\\s+(?:door|van|bij)\\s+"),
            prefix(Role.VERANTWOORDELIJK, "\\bverantwoordelijkheid\\s+(?:van|bij)\\s+"),
            prefix(Role.VERANTWOORDELIJK, "\\bverantwoordelijkheid\\s+(?:\\S+\\s+){0,2}?(?:ligt|berust|rust)\\s+(?:\\S+\\s+){0,2}?bij\\s+"),
            prefix(Role.VOORZITTER, "\\bonder\\s+(?:het\\s+)?voorzitterschap\\s+van\\s+"),
            prefix(Role.VOORZITTER, "\\b(?:voorgezeten\\s+door|voorzitter\\s+(?:is|wordt))\\s+"),
            prefix(Role.BETROKKEN, "\\b(?:samenwerking|samenspraak|overleg|afstemming|dialoog|gesprek|samen)\\s+met\\s+" + FILL),
            prefix(Role.BETROKKEN, "\\b(?:overleg\\s+(?:voeren|voert|te\\s+voeren)|werkt|werken|werkt\\s+samen|werken\\s+samen"
                    + "|ontwikkelt|ontwikkelen|optrekken|(?:trekt|trekken)(?:\\s+(?:daarin|hierin|daarbij|hierbij|samen))?\\s+op)"
                    + "\\s+met\\s+" + FILL),
            prefix(Role.BETROKKEN, "\\bbetrokkenheid\\s+van\\s+" + FILL),
            prefix(Role.UITVOERING, "(?<!\\b(?:de|het|die|dat)\\s)\\bdoor\\s+"));

    /** Patterns in the subject's clause; every one that matches adds its role. */
    private static final List<Rule> CLAUSE = List.of(
            clause(Role.REGIE, "\\b(?:voert|voeren|heeft|hebben|krijgt|krijgen|houdt|houden|neemt|nemen|intensiveert|intensiveren"
                    + "|versterkt|versterken|pakt|pakken|behoudt|behouden|vervult|vervullen)\\s+" + GAP
                    + "(?:regie|regierol|regiefunctie)\\b"),
            clause(Role.REGIE, "\\b(?:regie|regierol|regiefunctie)\\s+(?:voert|voeren|heeft|hebben|krijgt|krijgen|houdt|houden"
                    + "|neemt|nemen)\\b"),
            clause(Role.REGIE, "\\b(?:regisseert|regisseren)\\b"),
            clause(Role.VOORTOUW, "\\b(?:neemt|nemen|heeft|hebben|krijgt|krijgen|houdt|houden)\\s+" + GAP + "het\\s+voortouw\\b"),
            clause(Role.VOORTOUW, "\\bhet\\s+voortouw\\s+(?:neemt|nemen|heeft|hebben|krijgt|krijgen)\\b"),
            clause(Role.TREKKER, "\\b(?:is|zijn|wordt|worden|blijft|blijven|fungeert\\s+als|fungeren\\s+als|treedt\\s+op\\s+als"
                    + "|treden\\s+op\\s+als)\\s+" + GAP + "(?:\\p{L}+-)?trekkers?\\b"),
            clause(Role.TREKKER, "\\btrekkers?\\s+(?:is|zijn)\\b"),
            clause(Role.TREKKER, "\\b(?:neemt|nemen|heeft|hebben|krijgt|krijgen)\\s+" + GAP + "het\\s+trekkerschap\\b"),
            clause(Role.COORDINEERT, "\\bco[öo]rdine(?:ert|ren)\\b"),
            clause(Role.COORDINEERT, "\\b(?:is|zijn)\\s+" + GAP + "co[öo]rdinerend\\b"),
            clause(Role.COORDINEERT, "\\b(?:neemt|nemen|heeft|hebben|voert|voeren|zorgt\\s+voor|zorgen\\s+voor)\\s+" + GAP
                    + "de\\s+co[öo]rdinatie\\b"),
            clause(Role.VERANTWOORDELIJK, "\\b(?:is|zijn|blijft|blijven|wordt|worden)\\s+" + GAP
                    + "(?:samen\\s+|mede-?|eind|hoofd|eerst)?verantwoordelijk\\b"),
            clause(Role.VERANTWOORDELIJK, "\\b(?:mede-?|eind|hoofd|eerst)?verantwoordelijk\\s+(?:is|zijn|blijft|blijven)\\b"),
            clause(Role.VERANTWOORDELIJK, "\\b(?:staat|staan)\\s+" + GAP + "aan\\s+de\\s+lat\\b"),
            clause(Role.VERANTWOORDELIJK, "\\baan\\s+de\\s+lat\\s+(?:staat|staan)\\b"),
            clause(Role.VERANTWOORDELIJK, "\\b(?:draagt|dragen|heeft|hebben|neemt|nemen|krijgt|krijgen)\\s+" + GAP
                    + "(?:de\\s+|het\\s+|een\\s+|hun\\s+|haar\\s+|zijn\\s+)?(?:eind|hoofd)?verantwoordelijkheid\\b"),
            clause(Role.VOORZITTER, "\\b(?:is|zijn|wordt|blijft|treedt\\s+op\\s+als|fungeert\\s+als)\\s+" + GAP
                    + "voorzitter\\b"),
            clause(Role.VOORZITTER, "\\bvoorzitter\\s+(?:is|wordt)\\b"),
            clause(Role.VOORZITTER, "\\b(?:heeft|hebben|neemt|nemen|krijgt|krijgen|bekleedt)\\s+" + GAP + "het\\s+voorzitterschap\\b"),
            clause(Role.BETROKKEN, "\\b(?:is|zijn|wordt|worden|blijft|blijven|raakt|raken)\\s+" + GAP + "betrokken\\b"),
            clause(Role.BETROKKEN, "\\bbetrokken\\s+(?:is|zijn|wordt|worden|blijft|blijven)\\b"),
            clause(Role.BETROKKEN, "\\b(?:denkt|denken)\\s+mee\\b|\\bmeedenk(?:t|en)\\b"),
            clause(Role.UITVOERING, "\\b(?:treedt|treden)\\s+op\\s+als\\b"),
            clause(Role.UITVOERING, "\\b(?:is|zijn|gaat|gaan|komt|komen)\\s+" + GAP + "aan\\s+(?:de\\s+slag|zet)\\b"));

    private static Rule prefix(Role role, String regex) {
        return new Rule(Pattern.compile(regex + "$", CI), role);
    }

    private static Rule clause(Role role, String regex) {
        return new Rule(Pattern.compile(regex, CI), role);
    }

    /** The patterns of the rules (for tests of their gates). */
    static List<Pattern> patterns() {
        return java.util.stream.Stream.concat(PREFIX.stream(), CLAUSE.stream()).map(Rule::pattern).toList();
    }

    /** The role the text right before an actor gives it, or null. */
    static Role prefixRole(String before) {
        String tail = before.length() > 160 ? before.substring(before.length() - 160) : before;
        String folded = LiteralGate.fold(tail);
        for (Rule r : PREFIX) {
            if (r.mayMatch(tail, folded) && r.pattern.matcher(tail).find()) {
                return r.role;
            }
        }
        return null;
    }

    /**
     * The roles the subject's clause gives it, in the order they stand. A specific role
     * (voortouw, regie, …) makes a generic "treedt op als" (UITVOERING) redundant.
     */
    static List<Role> clauseRoles(String clause) {
        record Hit(int at, Role role) {
        }
        List<Hit> hits = new ArrayList<>();
        String folded = LiteralGate.fold(clause);
        for (Rule r : CLAUSE) {
            if (!r.mayMatch(clause, folded)) {
                continue;
            }
            Matcher m = r.pattern.matcher(clause);
            if (m.find()) {
                hits.add(new Hit(m.start(), r.role));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::at));
        List<Role> roles = new ArrayList<>();
        for (Hit h : hits) {
            if (!roles.contains(h.role)) {
                roles.add(h.role);
            }
        }
        if (roles.size() > 1) {
            roles.remove(Role.UITVOERING);
        }
        return roles;
    }

    // ---- verbs -------------------------------------------------------------------------

    /** Finite forms of verbs of doing (third person singular and plural). */
    static final Set<String> ACTION_VERBS = words(
            "zet zetten stelt stellen gaat gaan werkt werken ontwikkelt ontwikkelen maakt maken zorgt zorgen treedt treden "
            + "start starten verkent verkennen bespreekt bespreken bevestigt bevestigen onderzoekt onderzoeken investeert "
            + "investeren geeft geven biedt bieden verbetert verbeteren intensiveert intensiveren spant spannen zoekt zoeken "
            + "levert leveren streeft streven trekt trekken doet doen spreekt spreken brengt brengen legt leggen pakt pakken "
            + "organiseert organiseren ondersteunt ondersteunen stimuleert stimuleren faciliteert faciliteren financiert "
            + "financieren draagt dragen richt richten focust focussen bepaalt bepalen besluit besluiten kiest kiezen "
            + "onderschrijft onderschrijven versterkt versterken realiseert realiseren voert voeren verzorgt verzorgen borgt "
            + "borgen monitort monitoren agendeert agenderen inventariseert inventariseren stemt stemmen betaalt betalen "
            + "reserveert reserveren verstrekt verstrekken helpt helpen neemt nemen past passen vertaalt vertalen deelt delen "
            + "informeert informeren adviseert adviseren bouwt bouwen regelt regelen voorziet voorzien sluit sluiten "
            + "ondertekent ondertekenen stuurt sturen houdt houden bereidt bereiden formuleert formuleren vult vullen "
            + "beoordeelt beoordelen evalueert evalueren toetst toetsen erkent erkennen hanteert hanteren gebruikt gebruiken "
            + "benut benutten versnelt versnellen verbreedt verbreden verduurzaamt verduurzamen vergroot vergroten "
            + "beziet bezien samenwerken samenwerkt optrekken inzetten oppakken uitwerken vaststellen afspreken "
            + "coördineert coördineren publiceert publiceren verdeelt verdelen dient dienen leidt leiden voert stelt "
            + "opent openen verhoogt verhogen investeert creëert creëren verlaagt verlagen beheert beheren betrekt betrekken "
            + "beslist beslissen dekt dekken bekostigt bekostigen "
            + "zal zullen wil willen kan kunnen moet moeten mag mogen");

    static final Set<String> MODALS = Set.of("zal", "zullen", "wil", "willen", "kan", "kunnen", "moet", "moeten", "mag",
            "mogen", "gaat", "gaan");

    /** Verbs that can stand before an inverted subject ("Hiertoe voert de minister regie"). */
    static final Set<String> INVERSION_VERBS = union(ACTION_VERBS, Set.of("is", "zijn", "heeft", "hebben", "krijgt",
            "krijgen", "staat", "staan", "blijft", "blijven", "wordt", "worden"));

    /** Separable particles that make a compound verb of a verb of doing: "vorm|geven", "op|pakken", "uit|voeren". */
    private static final List<String> PARTICLES = List.of("aan", "af", "bij", "door", "in", "mee", "na", "om", "op",
            "over", "samen", "terug", "toe", "uit", "vast", "voor", "vorm", "weg", "vrij", "tegemoet");

    /**
     * A finite verb or infinitive of doing: in the lexicon, or a separable compound of one
     * ("vormgeven", "uitvoeren", "inrichten").
     */
    static boolean isActionVerb(String word) {
        if (ACTION_VERBS.contains(word)) {
            return true;
        }
        for (String p : PARTICLES) {
            if (word.length() >= p.length() + 4 && word.startsWith(p) && ACTION_VERBS.contains(word.substring(p.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Plural finite verb: "zetten", "gaan", "zullen"; singular: "zet", "gaat", "zal", "kan". */
    static boolean pluralVerb(String verb) {
        return verb.endsWith("en") || verb.equals("gaan") || verb.equals("staan") || verb.equals("slaan");
    }

    /** Words ending in -t/-en that are not verbs of doing (state verbs, prepositions, adverbs). */
    private static final Set<String> NOT_ACTION = words(
            "wordt worden hoeft hoeven is zijn was waren heeft hebben had hadden blijkt blijken lijkt lijken blijft blijven krijgt "
            + "krijgen staat staan ligt liggen beschikt beschikken behoeft behoeven bestaat bestaan valt vallen kent kennen "
            + "weet weten zit zitten heet heten betekent betekenen behoort behoren behouden behoudt "
            + "met tussen binnen buiten tegen boven beneden naast achter niet echt eerst samen zelf wat dat want eigen "
            + "welke andere beide meest minst vooral steeds reeds alleen even open heen toen omdat zodat indien totdat "
            + "gezamenlijk daarmee echter ieder elkaar uiterlijk");

    /** A finite verb of doing: in the lexicon, or shaped like one (-t / -en) and not a known non-verb. */
    static boolean looksLikeActionVerb(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (ACTION_VERBS.contains(w)) {
            return true;
        }
        return w.length() >= 4 && w.matches("\\p{Ll}+(?:t|en)") && !NOT_ACTION.contains(w);
    }

    /** A past participle of doing: "besloten", "afgesproken", "bereikt", "opgesteld". */
    private static final Pattern PARTICIPLE = Pattern.compile(
            "\\b(?:(?:af|in|op|uit|vast|toe|aan|mee|door|over|samen|voor)?ge\\p{L}{3,}(?:d|t|en)|besloten|bereikt|"
                    + "verkend|ontwikkeld|besproken|bevestigd|onderschreven|ondertekend|afgesproken|vastgelegd|"
                    + "geformuleerd|ingebracht|toegezegd|verbeterd|versterkt)\\b", CI);

    static boolean hasParticiple(String clause) {
        return PARTICIPLE.matcher(clause).find();
    }

    private static Set<String> words(String spaceSeparated) {
        return Set.copyOf(List.of(spaceSeparated.split(" ")));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}

package nl.ibp.agreements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ibp.agreements.Actor.Type;

/**
 * The actor lexicon: finds the parties a (normalised) text names and normalises them.
 * Each entry is a pattern plus a function from its match to the actor(s) it names; a scan
 * keeps the leftmost-longest matches that do not overlap. A mention's span includes leading
 * articles and a few determiners ("de", "het", "alle", "drie", "betrokken") so that role
 * patterns can look at the text just before it.
 */
final class ActorLexicon {

    private ActorLexicon() {
    }

    /** A stretch {@code [start, end)} of the normalised text that names one or more actors. */
    record Mention(int start, int end, List<Actor> actors, boolean plural) {
    }

    /** A plural head noun: the mention takes a plural verb ("gemeenten zetten", "het Rijk zet"). */
    private static final Pattern PLURAL_HEAD = Pattern.compile("\\b(?:gemeenten|gemeentes|provincies|waterschappen|koepels"
            + "|koepelorganisaties|overheden|departementen|ministeries|ministers|staatssecretarissen)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Ministry names and abbreviations as written → the abbreviation shown to users. */
    private static final Map<String, String> MINISTRIES = new LinkedHashMap<>();

    static {
        ministry("BZK", "BZK", "Binnenlandse Zaken en Koninkrijksrelaties", "Binnenlandse Zaken");
        ministry("BZ", "BZ", "Buitenlandse Zaken");
        ministry("EZK", "EZK", "EZ", "Economische Zaken en Klimaat", "Economische Zaken");
        ministry("IenW", "IenW", "I&W", "Infrastructuur en Waterstaat");
        ministry("IenM", "IenM", "Infrastructuur en Milieu");
        ministry("LNV", "LNV", "Landbouw, Natuur en Voedselkwaliteit");
        ministry("Financiën", "Financiën", "Financien", "FIN");
        ministry("SZW", "SZW", "Sociale Zaken en Werkgelegenheid");
        ministry("VWS", "VWS", "Volksgezondheid, Welzijn en Sport");
        ministry("JenV", "JenV", "J&V", "VenJ", "Justitie en Veiligheid", "Veiligheid en Justitie");
        ministry("OCW", "OCW", "Onderwijs, Cultuur en Wetenschap");
        ministry("AZ", "AZ", "Algemene Zaken");
        ministry("Defensie", "Defensie");
    }

    private static void ministry(String abbreviation, String... forms) {
        for (String form : forms) {
            MINISTRIES.put(form, abbreviation);
        }
    }

    /** Short abbreviations that name a ministry only after "minister van" / "ministerie van". */
    private static final List<String> NOT_BARE = List.of("BZ", "EZ", "AZ");

    /** Any ministry form, longest first so "BZK" beats "BZ" and full names beat their prefixes. */
    private static final String MINISTRY = alternation(MINISTRIES.keySet().stream().toList()) + "(?![\\p{L}&])";
    private static final Pattern MINISTRY_ITEM = Pattern.compile(MINISTRY);

    private static final String START = "(?<![\\p{L}\\p{N}&-])";
    /** Not inside a word, nor a truncated compound ("gemeente- en provinciefonds"). */
    private static final String END = "(?![\\p{L}\\p{N}&]|-\\p{L}|-\\s+(?:en|of)\\s)";
    /** Articles and determiners that belong to the mention. */
    private static final String PRE = "(?:(?i:de|het|alle|andere|drie|beide|overige|individuele|deelnemende|nieuwe|huidige|vorige"
            + "|enkele|sommige|elke|iedere|kleine|grote|vele|veel|\\d+|(?:meest\\s+)?betrokken)\\s+)*";
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private record Entry(Pattern pattern, Function<MatchResult, List<Actor>> actors) {
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();

    static {
        // ministers, staatssecretarissen and ministries: "de minister en staatssecretaris van IenW",
        // "de ministers van LNV en BZK", "het ministerie van Economische Zaken en Klimaat"
        String title = "(?i:(minister|staatssecretaris)(?:s|sen)?|ministeries?)";
        add(0, "(?:" + title + "(?:\\s+en\\s+(?:de\\s+)?" + title + ")?)\\s+(?i:van)\\s+("
                + MINISTRY + "(?:(?:\\s*,\\s*|\\s+en\\s+)" + MINISTRY + ")*)", ActorLexicon::ministers);
        add(0, "(?i:(minister|staatssecretaris))\\s+(?i:voor)\\s+(\\p{Lu}\\p{L}+-?(?:(?:,\\s+|\\s+en\\s+|\\s+)\\p{Lu}\\p{L}+-?)*)",
                m -> one(title(m.group(1)) + " voor " + m.group(2).replaceAll("\\s+", " ").replaceAll("-$", ""),
                        Type.MINISTERIE));
        add(CI, "minister-president|premier", m -> one("minister-president", Type.KABINET));
        add(CI, "ministers?(?!-)", m -> one("minister", Type.MINISTERIE));
        add(CI, "staatssecretaris(?:sen)?", m -> one("staatssecretaris", Type.MINISTERIE));
        add(CI, "(?:vak|rijks)?departementen|(?:vak|rijks)?departement|ministeries|ministerie",
                m -> one("departementen", Type.RIJK));
        List<String> bare = MINISTRIES.keySet().stream().filter(k -> !NOT_BARE.contains(k)).toList();
        // a bare ministry ("onder coördinatie van JenV", "(SZW, J&V, FIN)"), but not "de werkgroep Financiën"
        add(0, "(?<!(?i:werkgroep|begroting|directie|afdeling|wet)\\s)" + alternation(bare),
                m -> one("minister van " + MINISTRIES.get(m.group()), Type.MINISTERIE), false);

        // koepels
        add(0, "Vereniging van Nederlandse Gemeenten|VNG(?:-bestuur)?", m -> one("VNG", Type.KOEPEL));
        add(0, "Interprovinciaal Overleg|IPO", m -> one("IPO", Type.KOEPEL));
        add(0, "Unie van Waterschappen|UvW", m -> one("UvW", Type.KOEPEL));
        add(CI, "(?:decentrale\\s+)?koepel(?:s|organisaties|organisatie)?", m -> one("koepels", Type.KOEPEL));

        // overheden
        add(0, "Rijk|Rijksoverheid|rijksoverheid", m -> one("Rijk", Type.RIJK));
        add(CI, "kabinet(?:\\s+Rutte(?:\\s+(?:I{1,3}|IV))?)?|regering", m -> one("kabinet", Type.KABINET));
        add(CI, "gemeenten|gemeentes|gemeente", m -> one("gemeenten", Type.GEMEENTEN));
        add(CI, "provincies|provincie", m -> one("provincies", Type.PROVINCIES));
        add(CI, "waterschappen|waterschap", m -> one("waterschappen", Type.WATERSCHAPPEN));
        add(CI, "(?:decentrale|lagere)\\s+overhe(?:den|id)|mede-?overhe(?:den|id)",
                m -> one("decentrale overheden", Type.OTHER));
        ENTRIES.add(new Entry(Pattern.compile(START + "(?:(?i:alle|de(?:\\s+(?:gezamenlijke|betrokken))?|gezamenlijke)\\s+"
                + "overheden|Overheden)" + END), m -> one("alle overheden", Type.OTHER)));

        // officials and bodies: named as written, without article
        add(0, "(?:DG|(?i:directeur-generaal))\\s+(\\p{Lu}\\p{L}+(?:(?:\\s+en\\s+|\\s+)\\p{Lu}\\p{L}+)*)",
                m -> one("DG " + m.group(1).replaceAll("\\s+", " "), Type.OTHER));
        add(CI, "algemeen\\s+directeur", m -> one("algemeen directeur", Type.OTHER));
        add(CI, "(?:onafhankelijke\\s+)?stuurgroep(?:\\s+IBP\\+?)?",
                m -> one(m.group().contains("IBP") ? "stuurgroep IBP+" : "stuurgroep", Type.OTHER));
        add(CI, "interbestuurlijke\\s+regietafel|regietafel",
                m -> one(m.group().toLowerCase(Locale.ROOT).contains("interbestuurlijke")
                        ? "interbestuurlijke regietafel" : "regietafel", Type.OTHER));
        add(0, "[Bb]estuurlijke?\\s+Overleg(?:\\s+(?:en\\s+)?\\p{Lu}[\\p{L}-]*)+(?:\\s+verhoudingen)?",
                m -> one(stripArticle(m.group()).replaceAll("\\s+", " "), Type.OTHER));
        add(0, "Tweede Kamer|Eerste Kamer", m -> one(stripArticle(m.group()), Type.OTHER));
        add(0, "Europese Commissie|EC", m -> one("Europese Commissie", Type.OTHER));
        add(0, "Raad van State", m -> one("Raad van State", Type.OTHER));
        add(0, "Openbaar Ministerie|OM", m -> one("Openbaar Ministerie", Type.OTHER));
        add(0, "Rijkswaterstaat|UWV|SVB|CJIB|DUO|CAK", m -> one(stripArticle(m.group()), Type.OTHER));
        add(CI, "belastingdienst", m -> one("Belastingdienst", Type.OTHER));
        add(CI, "politie", m -> one("politie", Type.OTHER));
    }

    /** "de minister en staatssecretaris van IenW" → one actor per title and ministry. */
    private static List<Actor> ministers(MatchResult m) {
        List<String> titles = new ArrayList<>();
        titles.add(title(m.group(1)));
        if (m.group(2) != null) {
            titles.add(title(m.group(2)));
        }
        List<Actor> out = new ArrayList<>();
        for (String t : titles) {
            Matcher item = MINISTRY_ITEM.matcher(m.group(3));
            while (item.find()) {
                Actor a = new Actor(t + " van " + MINISTRIES.get(item.group()), Type.MINISTERIE);
                if (!out.contains(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static String title(String raw) {
        return raw == null || raw.toLowerCase(Locale.ROOT).startsWith("minister") ? "minister" : "staatssecretaris";
    }

    private static void add(int flags, String core, Function<MatchResult, List<Actor>> actors) {
        add(flags, core, actors, true);
    }

    private static void add(int flags, String core, Function<MatchResult, List<Actor>> actors, boolean articles) {
        String regex = START + (articles ? PRE : "") + "(?:" + core + ")" + END;
        ENTRIES.add(new Entry(Pattern.compile(regex, flags), actors));
    }

    private static List<Actor> one(String name, Type type) {
        return List.of(new Actor(name, type));
    }

    private static final Pattern LEADING_PRE = Pattern.compile("^" + PRE);

    /** The name as written, without the articles and determiners the mention span includes. */
    private static String stripArticle(String s) {
        return LEADING_PRE.matcher(s).replaceFirst("");
    }

    private static String alternation(List<String> forms) {
        return forms.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).reduce((a, b) -> a + "|" + b).map(s -> "(?:" + s + ")").orElseThrow();
    }

    /**
     * Normalises a sentence for matching: non-breaking and repeated whitespace to one space,
     * typographic quotes and hyphens to plain ones, markdown emphasis removed.
     */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace('\u00a0', ' ').replace('\u2011', '-').replace('\u2010', '-')
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace("*", "");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The actor mentions in a normalised text, leftmost-longest, not overlapping, in order. */
    static List<Mention> scan(String text) {
        List<Mention> all = new ArrayList<>();
        for (Entry e : ENTRIES) {
            Matcher m = e.pattern.matcher(text);
            while (m.find()) {
                List<Actor> actors = e.actors.apply(m.toMatchResult());
                if (!actors.isEmpty()) {
                    String surface = m.group();
                    boolean plural = actors.size() > 1 || (PLURAL_HEAD.matcher(surface).find()
                            && !surface.contains("Vereniging") && !surface.contains("Unie"));
                    all.add(new Mention(m.start(), m.end(), actors, plural));
                }
            }
        }
        all.sort(Comparator.comparingInt(Mention::start).thenComparing(Comparator.comparingInt(Mention::end).reversed()));
        List<Mention> kept = new ArrayList<>();
        int end = 0;
        for (Mention m : all) {
            if (m.start() >= end) {
                kept.add(m);
                end = m.end();
            }
        }
        return kept;
    }
}

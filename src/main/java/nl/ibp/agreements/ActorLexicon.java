package nl.ibp.agreements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.ibp.agreements.Actor.Type;
import nl.ibp.passage.ActorData;

/**
 * The actor lexicon: finds the parties a (normalised) text names and normalises them.
 * Each entry is a pattern plus a function from its match to the actor(s) it names; a scan
 * keeps the leftmost-longest matches that do not overlap. A mention's span includes leading
 * articles and a few determiners ("de", "het", "alle", "drie", "betrokken") so that role
 * patterns can look at the text just before it.
 *
 * <p>The named parties (ministries, koepels, bodies, cabinet names) come from {@link ActorData},
 * the corpus' {@code _actoren.txt}; the tiers of government and the titles minister and
 * staatssecretaris are Dutch grammar and live here. Each entry has a cheap trigger (its core
 * without articles and context checks) that must occur before the full pattern runs: most
 * sentences name few parties, and the full patterns try their articles at every position.
 * Immutable and thread-safe.
 */
final class ActorLexicon {

    /** A stretch {@code [start, end)} of the normalised text that names one or more actors. */
    record Mention(int start, int end, List<Actor> actors, boolean plural) {
    }

    /** A plural head noun: the mention takes a plural verb ("gemeenten zetten", "het Rijk zet"). */
    private static final Pattern PLURAL_HEAD = Pattern.compile("\\b(?:gemeenten|gemeentes|provincies|waterschappen|koepels"
            + "|koepelorganisaties|overheden|departementen|ministeries|ministers|staatssecretarissen)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final String START = "(?<![\\p{L}\\p{N}&-])";
    /** Not inside a word, nor a truncated compound ("gemeente- en provinciefonds"). */
    private static final String END = "(?![\\p{L}\\p{N}&]|-\\p{L}|-\\s+(?:en|of)\\s)";
    /** Articles and determiners that belong to the mention. */
    private static final String PRE = "(?:(?i:de|het|alle|andere|drie|beide|overige|individuele|deelnemende|nieuwe|huidige|vorige"
            + "|volgende|komende|eerstvolgende|toekomstige|zittende|demissionaire|verantwoordelijke"
            + "|enkele|sommige|elke|iedere|kleine|grote|vele|veel|\\d+|(?:meest\\s+)?betrokken)\\s+)*";
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** @param plural whether the party is plural, or null to tell from the head noun of the mention */
    private record Entry(Pattern trigger, Pattern pattern, Function<MatchResult, List<Actor>> actors, Boolean plural,
                         java.util.Optional<LiteralGate> gate) {
        Entry(Pattern trigger, Pattern pattern, Function<MatchResult, List<Actor>> actors, Boolean plural) {
            this(trigger, pattern, actors, plural, LiteralGate.of(trigger.pattern(), trigger.flags()));
        }

        /** Whether the core occurs: the literals every match of it contains first (cheap), then the core itself. */
        boolean triggered(String text, String folded) {
            return (gate.isEmpty() || gate.get().mayMatch(text, folded)) && trigger.matcher(text).find();
        }
    }

    private static volatile ActorLexicon defaults;

    /** The lexicon of the shipped corpus' actors file. */
    static ActorLexicon defaults() {
        ActorLexicon d = defaults;
        if (d == null) {
            d = new ActorLexicon(ActorData.defaults());
            defaults = d;
        }
        return d;
    }

    /**
     * The responsibilities {@link Actors#find} read in each sentence: letters repeat sentences (a
     * list's lead-in, a quote of an earlier letter, the same paragraph in a bijlage), and reading
     * one is the costliest step of the tracker. Bounded, so that memory stays flat however large
     * the corpus: past {@link #MEMO_SIZE} sentences, new ones are read and not kept.
     */
    private final Map<String, List<Responsibility>> found = new ConcurrentHashMap<>();
    static final int MEMO_SIZE = 50_000;
    /** Ministry forms as written → the abbreviation shown to users. */
    private final Map<String, String> ministries = new LinkedHashMap<>();
    /** Any ministry form, longest first so "BZK" beats "BZ" and full names beat their prefixes. */
    private final Pattern ministryItem;
    private final List<Entry> entries = new ArrayList<>();

    ActorLexicon(ActorData data) {
        List<String> bare = new ArrayList<>();
        for (ActorData.Party p : data.of(ActorData.Kind.MINISTERIE)) {
            for (String form : p.forms()) {
                ministries.putIfAbsent(form, p.name());
                if (!p.qualifiedOnly().contains(form)) {
                    bare.add(form);
                }
            }
        }
        String ministry = ministries.isEmpty() ? "(?!)" : alternation(List.copyOf(ministries.keySet())) + "(?![\\p{L}&])";
        this.ministryItem = Pattern.compile(ministry);

        // ministers, staatssecretarissen and ministries: "de minister en staatssecretaris van IenW",
        // "de ministers van LNV en BZK", "het ministerie van Economische Zaken en Klimaat"
        String title = "(?i:(minister|staatssecretaris)(?:s|sen)?|ministeries?)";
        // "minister Schouten van LNV": a personal name may stand between the title and its ministry
        add(0, "(?:" + title + "(?:\\s+en\\s+(?:de\\s+)?" + title + ")?)(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2}\\s+(?i:van)\\s+("
                + ministry + "(?:(?:\\s*,\\s*|\\s+en\\s+)" + ministry + ")*)", this::ministers);
        add(0, "(?i:(minister|staatssecretaris))\\s+(?i:voor)\\s+(\\p{Lu}\\p{L}+-?(?:(?:,\\s+|\\s+en\\s+|\\s+)\\p{Lu}\\p{L}+-?)*)",
                m -> one(title(m.group(1)) + " voor " + m.group(2).replaceAll("\\s+", " ").replaceAll("-$", ""),
                        Type.MINISTERIE));
        add(CI, "minister-president|premier", m -> one("minister-president", Type.KABINET));
        add(CI, "ministers?(?!-)", m -> one("minister", Type.MINISTERIE));
        add(CI, "staatssecretaris(?:sen)?", m -> one("staatssecretaris", Type.MINISTERIE));
        add(CI, "(?:vak|rijks)?departementen|(?:vak|rijks)?departement|ministeries|ministerie",
                m -> one("departementen", Type.RIJK));
        if (!bare.isEmpty()) {
            // a bare ministry ("onder coördinatie van JenV", "(SZW, J&V, FIN)"), but not "de werkgroep Financiën"
            String forms = alternation(bare);
            entries.add(new Entry(Pattern.compile(forms),
                    Pattern.compile(START + "(?:(?<!(?i:werkgroep|begroting|directie|afdeling|wet)\\s)" + forms + ")" + END),
                    m -> one("minister van " + ministries.get(m.group()), Type.MINISTERIE), null));
        }

        for (ActorData.Party p : data.of(ActorData.Kind.KOEPEL)) {
            named(p, Type.KOEPEL);
        }
        add(CI, "(?:decentrale\\s+)?koepel(?:s|organisaties|organisatie)?", m -> one("koepels", Type.KOEPEL));

        // overheden
        add(0, "Rijk|Rijksoverheid|rijksoverheid", m -> one("Rijk", Type.RIJK));
        List<String> cabinets = data.of(ActorData.Kind.KABINET).stream().flatMap(p -> p.forms().stream()).toList();
        String cabinetName = cabinets.isEmpty() ? "" : "(?:\\s+" + alternation(cabinets) + "(?:\\s+(?:I{1,3}|IV|VI{0,3}))?)?";
        add(CI, "kabinet" + cabinetName + "|regering", m -> one("kabinet", Type.KABINET));
        add(CI, "gemeenten|gemeentes|gemeente", m -> one("gemeenten", Type.GEMEENTEN));
        add(CI, "provincies|provincie", m -> one("provincies", Type.PROVINCIES));
        add(CI, "waterschappen|waterschap", m -> one("waterschappen", Type.WATERSCHAPPEN));
        add(CI, "(?:decentrale|lagere)\\s+overhe(?:den|id)|mede-?overhe(?:den|id)",
                m -> one("decentrale overheden", Type.OTHER));
        entries.add(new Entry(Pattern.compile("overheden", CI),
                Pattern.compile(START + "(?:(?i:alle|de(?:\\s+(?:gezamenlijke|betrokken))?|gezamenlijke)\\s+"
                        + "overheden|Overheden)" + END), m -> one("alle overheden", Type.OTHER), null));

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
        for (ActorData.Party p : data.of(ActorData.Kind.ORGAAN)) {
            named(p, Type.OTHER);
        }
    }

    /**
     * A named party of the data file: forms with capitals match as written, lower-case ones in
     * any case; the party is shown by its name.
     */
    private void named(ActorData.Party p, Type type) {
        List<String> exact = p.forms().stream().filter(f -> !f.equals(f.toLowerCase(Locale.ROOT))).toList();
        List<String> anyCase = p.forms().stream().filter(f -> f.equals(f.toLowerCase(Locale.ROOT))).toList();
        List<Actor> actor = one(p.name(), type);
        if (!exact.isEmpty()) {
            add(0, alternation(exact), m -> actor, true, p.plural());
        }
        if (!anyCase.isEmpty()) {
            add(CI, alternation(anyCase), m -> actor, true, p.plural());
        }
    }

    /** "de minister en staatssecretaris van IenW" → one actor per title and ministry. */
    private List<Actor> ministers(MatchResult m) {
        List<String> titles = new ArrayList<>();
        titles.add(title(m.group(1)));
        if (m.group(2) != null) {
            titles.add(title(m.group(2)));
        }
        List<Actor> out = new ArrayList<>();
        for (String t : titles) {
            Matcher item = ministryItem.matcher(m.group(3));
            while (item.find()) {
                Actor a = new Actor(t + " van " + ministries.get(item.group()), Type.MINISTERIE);
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

    private void add(int flags, String core, Function<MatchResult, List<Actor>> actors) {
        add(flags, core, actors, true, null);
    }

    /** @param plural whether the party is plural, or null to tell from its head noun */
    private void add(int flags, String core, Function<MatchResult, List<Actor>> actors, boolean articles, Boolean plural) {
        String regex = START + (articles ? PRE : "") + "(?:" + core + ")" + END;
        entries.add(new Entry(Pattern.compile(core, flags), Pattern.compile(regex, flags), actors, plural));
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

    /** What {@code read} finds in the sentence, read once per sentence while the memo has room. */
    List<Responsibility> found(String sentence, Function<String, List<Responsibility>> read) {
        List<Responsibility> known = found.get(sentence);
        if (known != null) {
            return known;
        }
        List<Responsibility> made = read.apply(sentence);
        if (found.size() < MEMO_SIZE) {
            found.putIfAbsent(sentence, made);
        }
        return made;
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

    /** The cheap patterns each entry checks before its full pattern runs (for tests). */
    List<Pattern> triggers() {
        return entries.stream().map(Entry::trigger).toList();
    }

    /** The actor mentions in a normalised text, leftmost-longest, not overlapping, in order. */
    List<Mention> scan(String text) {
        List<Mention> all = new ArrayList<>();
        String folded = LiteralGate.fold(text);
        for (Entry e : entries) {
            if (!e.triggered(text, folded)) {
                continue; // the core does not occur: the full pattern cannot match
            }
            Matcher m = e.pattern().matcher(text);
            while (m.find()) {
                List<Actor> actors = e.actors().apply(m.toMatchResult());
                if (!actors.isEmpty()) {
                    String surface = m.group();
                    boolean plural = actors.size() > 1 || (e.plural() != null ? e.plural()
                            : PLURAL_HEAD.matcher(surface).find() && !surface.contains("Vereniging") && !surface.contains("Unie"));
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

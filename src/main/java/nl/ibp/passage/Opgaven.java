package nl.ibp.passage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The opgaven of the programme and the means to recognise them in headings and questions.
 *
 * <p>The opgaven are data, not code: they are read from {@code _opgaven.yaml} in the corpus
 * ({@link #FILE}), which every index run validates and copies into its generation, and which a
 * searcher loads from there ({@link #use}). The static methods answer from the catalogue in use:
 * the one last installed with {@link #use}, or else the copy of the shipped corpus' file that
 * the build puts in the jar ({@link #defaults()}). {@link #ALL} is a live view of it.
 */
public final class Opgaven {

    /** The file in the corpus that lists the opgaven. */
    public static final String FILE = "_opgaven.yaml";
    /** The file in use, its bundled copy and how it is read. */
    private static final DataFile<Catalogue> DATA = DataFile.required(FILE, Opgaven::parse);

    /** The opgaven in use, in file order: a read-only live view of {@link #current()}. */
    public static final List<Opgave> ALL = new AbstractList<>() {
        @Override
        public Opgave get(int index) {
            return current().all().get(index);
        }

        @Override
        public int size() {
            return current().all().size();
        }

        @Override
        public Iterator<Opgave> iterator() {
            return current().all().iterator(); // one snapshot for the whole loop
        }
    };

    private Opgaven() {
    }

    /** The catalogue in use: the one installed last, or the bundled default. */
    public static Catalogue current() {
        return DATA.current();
    }

    /** Makes {@code catalogue} the one the static methods answer from (an index run or a searcher does this). */
    public static void use(Catalogue catalogue) {
        DATA.use(catalogue);
    }

    /** The copy of the shipped corpus' {@value #FILE} that the build puts in the jar. */
    public static Catalogue defaults() {
        return DATA.defaults();
    }

    /**
     * Reads an opgaven file. A missing file gives the {@link #defaults()}; an unreadable or
     * malformed one throws {@link DataFileException} with the file and line.
     */
    public static Catalogue load(Path file) {
        return DATA.load(file);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("number", "title", "cluster", "aliases");

    /**
     * Parses an opgaven file: a YAML list of {@code number}, {@code title}, {@code cluster} and
     * optional {@code aliases}.
     *
     * @throws DataFileException at the first bad entry, as "source:line: what is wrong"
     */
    public static Catalogue parse(String yaml, String source) {
        List<Opgave> opgaven = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new DataFileException(source + ":" + parser.currentLocation().getLineNr()
                        + ": het bestand moet een lijst van opgaven zijn, elk beginnend met '- number: …'");
            }
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                int line = parser.currentLocation().getLineNr();
                JsonNode node = YAML.readTree(parser);
                Opgave o = opgave(node, source + ":" + line);
                if (!numbers.add(o.number())) {
                    throw new DataFileException(source + ":" + line + ": opgave " + o.number() + " staat er twee keer in");
                }
                opgaven.add(o);
            }
        } catch (IOException e) {
            throw new DataFileException(source + ": geen geldige YAML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (opgaven.isEmpty()) {
            throw new DataFileException(source + ": er staat geen enkele opgave in");
        }
        return new Catalogue(opgaven);
    }

    private static Opgave opgave(JsonNode n, String where) {
        if (!n.isObject()) {
            throw new DataFileException(where + ": een opgave moet regels 'sleutel: waarde' hebben, niet '"
                    + (n.isValueNode() ? n.asText() : n.toString()) + "'");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new DataFileException(where + ": onbekende sleutel '" + key + "' (number, title, cluster of aliases)");
            }
        }
        JsonNode number = n.get("number");
        if (number == null || !number.canConvertToInt() || !number.isIntegralNumber() || number.asInt() < 1) {
            throw new DataFileException(where + ": 'number' moet een geheel getal vanaf 1 zijn");
        }
        String title = text(n, "title", where);
        String cluster = text(n, "cluster", where);
        List<String> aliases = new ArrayList<>();
        JsonNode a = n.get("aliases");
        if (a != null && !a.isNull()) {
            if (!a.isArray()) {
                throw new DataFileException(where + ": 'aliases' moet een lijst zijn, bv. [klimaat, energie]");
            }
            for (JsonNode alias : a) {
                if (!alias.isValueNode() || alias.asText().isBlank()) {
                    throw new DataFileException(where + ": een alias moet een woord of woordgroep zijn, niet '" + alias + "'");
                }
                aliases.add(alias.asText().strip());
            }
        }
        return new Opgave(number.asInt(), title, cluster, aliases);
    }

    private static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
            throw new DataFileException(where + ": '" + key + "' ontbreekt of is leeg");
        }
        return v.asText().strip();
    }

    // ---- the static API, answered by the catalogue in use ------------------------------

    public static Opgave byNumber(int number) {
        return current().byNumber(number);
    }

    /** The opgave with this number, if there is one. */
    public static Optional<Opgave> find(int number) {
        return current().find(number);
    }

    /** See {@link Catalogue#byTitle}. */
    public static Optional<Opgave> byTitle(String heading) {
        return current().byTitle(heading);
    }

    /** See {@link Catalogue#mentionedIn}. */
    public static Optional<Opgave> mentionedIn(String heading) {
        return current().mentionedIn(heading);
    }

    /** See {@link Catalogue#namedInTitle}. */
    public static Optional<Opgave> namedInTitle(String title) {
        return current().namedInTitle(title);
    }

    /** See {@link Catalogue#dominantIn}. */
    public static Optional<Opgave> dominantIn(String text) {
        return current().dominantIn(text);
    }

    /** See {@link Catalogue#about}. */
    public static Optional<Opgave> about(String text) {
        return current().about(text);
    }

    /** The opgaven of one programme, as read from one file. Immutable and thread-safe. */
    public static final class Catalogue {

        private final List<Opgave> all;
        private final Map<Integer, Opgave> byNumber = new LinkedHashMap<>();
        private final List<Names> names;
        /** The titles and aliases by their first normalised word: a text's words meet them in one pass. */
        private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();

        public Catalogue(List<Opgave> opgaven) {
            this.all = List.copyOf(opgaven);
            for (Opgave o : all) {
                if (byNumber.put(o.number(), o) != null) {
                    throw new IllegalArgumentException("opgave " + o.number() + " is listed twice");
                }
            }
            this.names = all.stream()
                    .map(o -> new Names(o, padded(o.title()), o.aliases().stream().map(Opgaven::padded).toList()))
                    .toList();
            for (int i = 0; i < all.size(); i++) {
                Opgave o = all.get(i);
                addPhrase(o.title(), i, 3);
                for (String alias : o.aliases()) {
                    addPhrase(alias, i, 1);
                }
            }
        }

        private void addPhrase(String name, int slot, int weight) {
            List<String> words = normalize(name);
            if (!words.isEmpty()) {
                phrasesByFirstWord.computeIfAbsent(words.getFirst(), w -> new ArrayList<>()).add(new Phrase(slot, weight, words));
            }
        }

        /**
         * Per opgave (in file order) its title's mentions times three plus its aliases' mentions, as
         * whole words: one pass over the text's words however many names there are.
         */
        private int[] scores(String text) {
            List<String> words = normalize(text);
            int[] scores = new int[all.size()];
            for (int i = 0; i < words.size(); i++) {
                List<Phrase> starting = phrasesByFirstWord.get(words.get(i));
                if (starting == null) {
                    continue;
                }
                for (Phrase phrase : starting) {
                    List<String> w = phrase.words();
                    if (i + w.size() <= words.size() && w.equals(words.subList(i, i + w.size()))) {
                        scores[phrase.slot()] += phrase.weight();
                    }
                }
            }
            return scores;
        }

        /** The opgaven in file order. */
        public List<Opgave> all() {
            return all;
        }

        /** The opgave with this number. */
        public Opgave byNumber(int number) {
            Opgave o = byNumber.get(number);
            if (o == null) {
                throw new IllegalArgumentException("no opgave " + number + "; opgaven are numbered " + range());
            }
            return o;
        }

        public Optional<Opgave> find(int number) {
            return Optional.ofNullable(byNumber.get(number));
        }

        private String range() {
            int min = all.stream().mapToInt(Opgave::number).min().orElse(0);
            int max = all.stream().mapToInt(Opgave::number).max().orElse(0);
            return min + "-" + max;
        }

        /**
         * The opgave whose title a heading names, e.g. "7. Nederland en migrant voorbereid": the
         * title's words and the heading's (Jaccard over word sets) must overlap by 75%.
         */
        public Optional<Opgave> byTitle(String heading) {
            Set<String> words = words(LEADING_NUMBER.matcher(heading).replaceFirst(""));
            Opgave best = null;
            double bestScore = 0;
            for (Opgave opgave : all) {
                Set<String> title = words(opgave.title());
                Set<String> union = new HashSet<>(title);
                union.addAll(words);
                long shared = title.stream().filter(words::contains).count();
                double score = (double) shared / union.size();
                if (score > bestScore) {
                    bestScore = score;
                    best = opgave;
                }
            }
            return bestScore >= 0.75 ? Optional.of(best) : Optional.empty();
        }

        /**
         * The opgave a heading or question names (e.g. "Bijlage 1 - Complete tekst samen aan de
         * slag voor het klimaat"), by its title or an alias as whole words; titles first, then
         * aliases in file order: the first opgave that matches wins.
         */
        public Optional<Opgave> mentionedIn(String heading) {
            String text = padded(heading);
            for (Names n : names) {
                if (text.contains(n.title())) {
                    return Optional.of(n.opgave());
                }
            }
            for (Names n : names) {
                for (String alias : n.aliases()) {
                    if (text.contains(alias)) {
                        return Optional.of(n.opgave());
                    }
                }
            }
            return Optional.empty();
        }

        /** Shortest alias that names an opgave as part of a compound word in a title ("Woningbouwimpuls": woningbouw). */
        public static final int MIN_COMPOUND_ALIAS = 7;

        /**
         * The opgave a document's title names: a letter titled "Stand van zaken Wet inburgering" or
         * "Uitkomsten tweede tranche Woningbouwimpuls" is about that opgave throughout, also where a
         * paragraph names none. By title or alias as whole words, else by a long alias as the start or
         * end of a compound word; a title that names two opgaven gives none.
         */
        public Optional<Opgave> namedInTitle(String title) {
            String text = padded(title);
            Set<Opgave> found = new java.util.LinkedHashSet<>();
            for (Names n : names) {
                if (text.contains(n.title()) || n.aliases().stream().anyMatch(text::contains)) {
                    found.add(n.opgave());
                }
            }
            if (!found.isEmpty()) {
                return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
            }
            List<String> words = Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                    .filter(w -> w.length() > MIN_COMPOUND_ALIAS).toList();
            for (Opgave o : all) {
                for (String alias : o.aliases()) {
                    String a = alias.toLowerCase(Locale.ROOT);
                    if (a.length() >= MIN_COMPOUND_ALIAS && a.chars().allMatch(Character::isLetter)
                            && words.stream().anyMatch(w -> w.length() > a.length() && (w.startsWith(a) || w.endsWith(a)))) {
                        found.add(o);
                    }
                }
            }
            return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
        }

        /** A document's mentions of its dominant opgave: at least this many ... */
        public static final int MIN_DOMINANT_MENTIONS = 3;
        /** ... and at least this many times those of all other opgaven together. */
        public static final int DOMINANCE = 2;

        /**
         * The opgave a whole document is about, when it names one far more than all others (as
         * {@link #about} counts: a title three, an alias one): a letter about one opgave, whose
         * paragraphs need not name it each. A letter about several opgaven has none.
         */
        public Optional<Opgave> dominantIn(String text) {
            int[] scores = scores(text);
            Opgave best = null;
            int bestScore = 0;
            int total = 0;
            for (int i = 0; i < scores.length; i++) {
                int score = scores[i];
                total += score;
                if (score > bestScore) {
                    best = all.get(i);
                    bestScore = score;
                }
            }
            return bestScore >= MIN_DOMINANT_MENTIONS && bestScore >= DOMINANCE * (total - bestScore)
                    ? Optional.of(best) : Optional.empty();
        }

        /**
         * The opgave a text is about by the names it uses: a title counts three, each alias
         * mention one; the best must reach 2 and stand alone.
         */
        public Optional<Opgave> about(String text) {
            int[] scores = scores(text);
            Opgave best = null;
            int bestScore = 0;
            boolean tie = false;
            for (int i = 0; i < scores.length; i++) {
                int score = scores[i];
                if (score > bestScore) {
                    best = all.get(i);
                    bestScore = score;
                    tie = false;
                } else if (score == bestScore && score > 0) {
                    tie = true;
                }
            }
            return bestScore >= 2 && !tie ? Optional.of(best) : Optional.empty();
        }
    }

    /** An opgave's title and aliases, normalised once: every question is matched against them. */
    private record Names(Opgave opgave, String title, List<String> aliases) {
    }

    /** A title (weight 3) or alias (1) of the opgave in slot {@code slot}, as its normalised words. */
    private record Phrase(int slot, int weight, List<String> words) {
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*\\d{1,2}\\s*[.)]\\s*");

    /** Normalised words joined by single spaces, with a space on either side for whole-word matching. */
    private static String padded(String text) {
        return " " + String.join(" ", normalize(text)) + " ";
    }

    private static Set<String> words(String text) {
        return new HashSet<>(normalize(text));
    }

    /** Lower-cased, accent-folded words. */
    static List<String> normalize(String text) {
        // What "decompose, drop the marks, lower-case, split on [^\\p{L}\\p{N}]+" gives, in one pass.
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue; // an accent, decomposed from its letter
            }
            if (Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                    || type == Character.OTHER_NUMBER) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}

package nl.ibp.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * The words {@code DictionaryCompoundWordTokenFilter} looks for inside longer words, built from the
 * corpus vocabulary. Words are lower case and accent-folded; {@link #words()} is sorted. Immutable.
 *
 * <p>{@link #build(Iterable)} keeps a corpus word as a possible part when it
 * <ul>
 *   <li>consists of letters only (no numbers) and is not a stopword or question word;</li>
 *   <li>has at least {@value #MIN_LENGTH} letters, or is one of the short words in
 *       {@link #SHORT_WORDS} ("gas", "wet", ...): short strings occur by accident inside many words;</li>
 *   <li>occurs at least {@value #MIN_COUNT} times, or is at least {@value #RARE_MIN_LENGTH} letters
 *       long, or is one of {@link #SHORT_WORDS}: a rare short word is more likely noise than a
 *       building block.</li>
 * </ul>
 * A plural whose singular is only its stem ("schulden", "regels") also contributes the singular
 * ("schuld", "regel"), so "schuldhulpverlening" meets "schulden" even though the corpus never has
 * "schuld" on its own. Finally a short built-in list of common Dutch compound heads that the corpus
 * only uses inside compounds is added ({@code compound-parts.txt}: "verlening", "bestendig", ...).
 */
public final class CompoundDictionary {

    /** Minimum length of an ordinary part. */
    public static final int MIN_LENGTH = 4;

    /** Minimum number of occurrences of a part shorter than {@link #RARE_MIN_LENGTH}. */
    public static final int MIN_COUNT = 2;

    /** Parts this long are kept even when they occur once. */
    public static final int RARE_MIN_LENGTH = 8;

    /** Minimum length of a singular derived from a plural ("schuld" from "schulden"). */
    public static final int MIN_SINGULAR_LENGTH = 5;

    /** Short words (3 letters) that are real compound parts in this domain. */
    public static final Set<String> SHORT_WORDS = Set.of("gas", "wet", "zon", "bos", "vee", "co2");

    private static final String EXTRA_PARTS_RESOURCE = "compound-parts.txt";
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final CompoundDictionary EMPTY = new CompoundDictionary(new TreeSet<>());

    private final List<String> words;
    private final CharArraySet set;

    private CompoundDictionary(TreeSet<String> words) {
        this.words = List.copyOf(words);
        CharArraySet chars = new CharArraySet(words.size(), false);
        chars.addAll(words);
        this.set = CharArraySet.unmodifiableSet(chars);
    }

    /** The dictionary with no words: decompounding does nothing. */
    public static CompoundDictionary empty() {
        return EMPTY;
    }

    /** A dictionary of exactly these words (folded to lower case); for tests and hand-made lists. */
    public static CompoundDictionary of(Collection<String> words) {
        if (words == null) {
            throw new IllegalArgumentException("words must not be null, got null");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String word : words) {
            sorted.add(checkWord(word, "word"));
        }
        return new CompoundDictionary(sorted);
    }

    /** Builds the dictionary from the corpus texts (see the class comment for the rules). */
    public static CompoundDictionary build(Iterable<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts must not be null, got null");
        }
        Map<String, Integer> counts = new HashMap<>();
        try (Analyzer analyzer = DutchWords.surfaceAnalyzer()) {
            for (String text : texts) {
                count(analyzer, text, counts);
            }
        }
        return fromCounts(counts);
    }

    /**
     * As {@link #build(Iterable)}, counting the words of the texts on all cores (the same
     * dictionary: counts do not depend on the order they are taken in).
     */
    public static CompoundDictionary buildInParallel(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts must not be null, got null");
        }
        int chunks = Math.max(1, Math.min(texts.size() / 256, 4 * Runtime.getRuntime().availableProcessors()));
        try (Analyzer analyzer = DutchWords.surfaceAnalyzer()) {
            Map<String, Integer> counts = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(c -> {
                Map<String, Integer> mine = new HashMap<>();
                for (String text : texts.subList(texts.size() * c / chunks, texts.size() * (c + 1) / chunks)) {
                    count(analyzer, text, mine);
                }
                return mine;
            }).reduce(new HashMap<>(), (a, b) -> {
                Map<String, Integer> out = new HashMap<>(a);
                b.forEach((w, n) -> out.merge(w, n, Integer::sum));
                return out;
            });
            return fromCounts(counts);
        }
    }

    private static void count(Analyzer analyzer, String text, Map<String, Integer> counts) {
        if (text == null) {
            throw new IllegalArgumentException("texts must not contain null");
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompoundDictionary fromCounts(Map<String, Integer> counts) {
        Map<String, Integer> candidates = new HashMap<>();
        DutchStemmer stemmer = new DutchStemmer();
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            String word = entry.getKey();
            if (!isCandidate(word)) {
                continue;
            }
            candidates.merge(word, entry.getValue(), Integer::sum);
            String singular = pluralStem(word, stemmer);
            if (singular != null && singular.length() >= MIN_SINGULAR_LENGTH && isCandidate(singular)) {
                candidates.merge(singular, entry.getValue(), Integer::sum);
            }
        }
        TreeSet<String> words = new TreeSet<>();
        candidates.forEach((word, count) -> {
            if (count >= MIN_COUNT || word.length() >= RARE_MIN_LENGTH || SHORT_WORDS.contains(word)) {
                words.add(word);
            }
        });
        words.addAll(extraParts());
        return new CompoundDictionary(words);
    }

    /** Reads a dictionary written by {@link #write(Path)}: one word per line, '#' comments. */
    public static CompoundDictionary read(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null, got null");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        TreeSet<String> words = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                words.add(checkWord(line, "word"));
            } catch (IllegalArgumentException e) {
                throw new AnalysisConfigException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new CompoundDictionary(words);
    }

    /** Writes the words, sorted, one per line, UTF-8. */
    public void write(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null, got null");
        }
        Files.write(file, words, StandardCharsets.UTF_8);
    }

    /** The words, sorted, unmodifiable. */
    public List<String> words() {
        return words;
    }

    /** The words as an unmodifiable set for {@code DictionaryCompoundWordTokenFilter}. */
    public CharArraySet asCharArraySet() {
        return set;
    }

    /** Linking sounds between the parts of a Dutch compound: "ondermijning-s-geld", "boek-en-kast". */
    private static final List<String> LINKS = List.of("", "s", "en", "e");

    /**
     * The modifier and head of a compound word, by this dictionary: Dutch compounds are
     * right-headed, so the head is the longest dictionary word the word ends in, and what stands
     * before it, less a linking sound ("s", "en", "e"), must be a dictionary word too
     * ("ondermijningsgeld" → "ondermijning", "geld"; "klimaatkosten" → "klimaat", "kosten").
     * When no such modifier is found, the head alone ("verdeelmodel" → "model"), provided what
     * stands before it is a word's length itself; a word that is no compound gives nothing.
     * Unlike the substrings {@code DictionaryCompoundWordTokenFilter} finds ("del" in
     * "verdeelmodel"), these are the parts that carry the word's meaning.
     *
     * @param word a lower-case, folded word
     * @return the parts, modifier first; empty when the word is no compound by this dictionary
     */
    public List<String> split(String word) {
        if (word == null || word.length() < IbpAnalyzer.MIN_COMPOUND_WORD_SIZE || !WORD.matcher(word).matches()) {
            return List.of();
        }
        String headOnly = null;
        for (int i = IbpAnalyzer.MIN_SUBWORD_SIZE; i <= word.length() - IbpAnalyzer.MIN_SUBWORD_SIZE; i++) {
            String head = word.substring(i);
            if (!isPart(head)) {
                continue;
            }
            String before = word.substring(0, i);
            for (String link : LINKS) {
                if (before.endsWith(link)) {
                    String modifier = before.substring(0, before.length() - link.length());
                    if (isPart(modifier)) {
                        return List.of(modifier, head);
                    }
                }
            }
            if (headOnly == null && head.length() >= MIN_LENGTH && before.length() >= MIN_HEAD_ONLY_MODIFIER) {
                headOnly = head;
            }
        }
        return headOnly == null ? List.of() : List.of(headOnly);
    }

    /** What must stand before a head found without a modifier: a prefix ("ver", "be", "ont") is shorter. */
    private static final int MIN_HEAD_ONLY_MODIFIER = 5;

    private boolean isPart(String s) {
        return (s.length() >= MIN_LENGTH || SHORT_WORDS.contains(s)) && set.contains(s);
    }

    public boolean contains(String word) {
        return word != null && set.contains(word);
    }

    public int size() {
        return words.size();
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompoundDictionary that && words.equals(that.words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return "CompoundDictionary[" + words.size() + " words]";
    }

    private static boolean isCandidate(String word) {
        if (!WORD.matcher(word).matches() && !SHORT_WORDS.contains(word)) {
            return false;
        }
        if (word.length() < MIN_LENGTH && !SHORT_WORDS.contains(word)) {
            return false;
        }
        return !DutchWords.QUERY_STOPWORDS.contains(word);
    }

    /** "schulden" → "schuld", "regels" → "regel": the stem, when the word is stem + "en"/"s". */
    private static String pluralStem(String word, DutchStemmer stemmer) {
        if (!word.endsWith("en") && !word.endsWith("s")) {
            return null;
        }
        stemmer.setCurrent(word);
        stemmer.stem();
        String stem = stemmer.getCurrent();
        if (word.equals(stem + "en") || word.equals(stem + "s")) {
            return stem;
        }
        return null;
    }

    private static String checkWord(String word, String what) {
        if (word == null) {
            throw new IllegalArgumentException(what + " must not be null, got null");
        }
        String folded = DutchWords.fold(word.strip());
        if (folded.isEmpty() || !folded.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException(what + " must be a single word of letters, got '" + word + "'");
        }
        return folded;
    }

    private static List<String> extraParts() {
        List<String> parts = new ArrayList<>();
        try (InputStream in = CompoundDictionary.class.getResourceAsStream(EXTRA_PARTS_RESOURCE)) {
            if (in == null) {
                throw new AnalysisConfigException("missing resource nl/ibp/analysis/" + EXTRA_PARTS_RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    parts.add(checkWord(word, "word"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }
}

package nl.ibp.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tr.ApostropheFilter;

/**
 * The word lists and the shared front of the analyzer chains. Package-private: {@link IbpAnalyzer},
 * {@link Synonyms} and {@link CompoundDictionary} must agree on how a surface word is normalised,
 * and this class is where that agreement lives.
 */
final class DutchWords {

    /** Resource with the stemmer overrides, relative to this class. */
    static final String STEM_OVERRIDES_RESOURCE = "stem-overrides.txt";

    /**
     * Words that make up the question rather than its subject. Removed from queries only, on top of
     * the Dutch stopwords (which already hold hoe, wie, wat, er, is, zijn, kan, moet, worden, ...).
     */
    static final List<String> QUESTION_WORDS = List.of(
            "wanneer", "hoeveel", "hoeverre", "welke", "welk", "waar", "waarom", "waarop", "waarvoor",
            "waardoor", "waarmee", "waaraan", "waarin", "waarover", "waarbij", "waarheen", "hoezo",
            "wiens", "wier",
            "moeten", "moet", "mogen", "mag", "kunnen", "kan", "kunt", "zullen", "zal", "zult",
            "willen", "wil", "wilt",
            "we", "wij", "jij", "jullie", "ik", "u",
            "gaan", "gaat", "ga", "worden", "wordt", "word", "werd", "werden", "er", "staan", "staat",
            "komt", "komen", "kom", "zijn", "is", "ben", "bent", "was", "waren",
            "doen", "doet", "gedaan", "gebeurt", "gebeuren", "gebeurd", "heet", "heten",
            "hebben", "heeft", "heb", "hebt", "zit", "zitten", "ligt", "liggen",
            "weten", "weet", "vertel", "vertellen", "uitleggen", "leg",
            "eigenlijk", "precies", "ongeveer", "graag", "heen", "naartoe",
            // the words of chat: asking, filling in, pointing back ("noem eens", "allemaal", "daaraan")
            "noem", "noemen", "eens", "even", "nou", "allemaal", "alleen", "steeds", "nog", "al", "vaak", "ooit",
            "moest", "moesten", "wilde", "wilden", "zou", "zouden", "vond", "vonden", "vinden", "vindt", "oké", "ok",
            "onze", "ons", "mijn", "jouw", "jullie", "hun", "zij", "ze", "binnen", "welbeschouwd", "nu", "inmiddels",
            "daaraan", "daarvoor", "daarbij", "daarin", "daarvan", "daarmee", "daarover", "daarop", "daardoor",
            "daarna", "daaruit", "daartoe", "daar", "hieraan", "hiervoor", "hierbij", "hierin", "hiervan", "hiermee",
            "hierover", "hierop", "hier", "weer", "morgen", "vandaag", "gisteren", "ergens", "iets", "wel",
            "straks", "uiteindelijk", "binnenkort", "misschien", "wellicht",
            // "wanneer moet de agenda klaar zijn?": being done is what the date answers, no subject
            "klaar",
            // separable verb particles left over from "van het gas af", "gaat ... over", ...
            "af", "toe", "mee");

    /** Dutch stopwords: Lucene's DutchAnalyzer default set, accent-folded. */
    static final CharArraySet STOPWORDS;

    /** Stopwords plus question words: what a query drops. */
    static final CharArraySet QUERY_STOPWORDS;

    /** Overrides for the Snowball Dutch stemmer. */
    static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES;

    /** Typographic apostrophes and look-alikes, mapped to ASCII ' before tokenizing. */
    private static final char[] APOSTROPHES;

    static {
        CharArraySet stop = new CharArraySet(200, false);
        for (Object word : DutchAnalyzer.getDefaultStopSet()) {
            stop.add(fold(new String((char[]) word)));
        }
        STOPWORDS = CharArraySet.unmodifiableSet(stop);
        CharArraySet query = CharArraySet.copy(stop);
        query.addAll(QUESTION_WORDS);
        QUERY_STOPWORDS = CharArraySet.unmodifiableSet(query);
        STEM_OVERRIDES = loadOverrides();

        Map<Character, Character> map = new HashMap<>();
        for (char quote : new char[] {'\u2019', '\u2018', '\u201B', '\u02BC', '\u00B4', '`', '\u2032'}) {
            map.put(quote, '\'');
        }
        // "CO₂" and "CO2", "m²" and "m2" are the same word to a reader; the tokenizer would split them.
        for (int d = 0; d <= 9; d++) {
            map.put((char) ('\u2080' + d), (char) ('0' + d));
        }
        map.put('\u00B2', '2');
        map.put('\u00B3', '3');
        APOSTROPHES = CharMapFilter.table(map);
    }

    private DutchWords() {
    }

    /** Wraps a reader so typographic apostrophes reach the tokenizer as '. */
    static java.io.Reader mapApostrophes(java.io.Reader reader) {
        return CharMapFilter.wrap(APOSTROPHES, reader);
    }

    /** Lower case, apostrophe ending stripped ("thema's" to "thema"), accents folded. */
    static TokenStream normalizeSurface(TokenStream in) {
        return new ASCIIFoldingFilter(new ApostropheFilter(new LowerCaseFilter(in)));
    }

    /**
     * Folds one word the way the chains do (lower case and ASCII folding; no apostrophe handling).
     */
    static String fold(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        char[] out = new char[lower.length() * 4];
        int len = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, out, 0, lower.length());
        return new String(out, 0, len);
    }

    /**
     * The analyzer that turns free text into normalised surface words: tokenizer, lower case,
     * apostrophe, folding. Used to parse the synonym file and to build the compound dictionary.
     */
    static Analyzer surfaceAnalyzer() {
        return surfaceAnalyzer(CharArraySet.EMPTY_SET);
    }

    /** {@link #surfaceAnalyzer()} that also drops {@code stopwords}. */
    static Analyzer surfaceAnalyzer(CharArraySet stopwords) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = normalizeSurface(source);
                if (!stopwords.isEmpty()) {
                    result = new org.apache.lucene.analysis.StopFilter(result, stopwords);
                }
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
                return mapApostrophes(reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    private static StemmerOverrideFilter.StemmerOverrideMap loadOverrides() {
        String source = DutchWords.class.getName().replace('.', '/').replace("DutchWords", "")
                + STEM_OVERRIDES_RESOURCE;
        try (InputStream in = DutchWords.class.getResourceAsStream(STEM_OVERRIDES_RESOURCE)) {
            if (in == null) {
                throw new AnalysisConfigException("missing resource " + source);
            }
            StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] fields = text.split("\\s+");
                if (fields.length != 2) {
                    throw new AnalysisConfigException(source + ":" + lineNumber
                            + ": expected \"word<TAB>stem\", got \"" + line + "\"");
                }
                builder.add(fold(fields[0]), fields[1]);
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}

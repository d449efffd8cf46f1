package nl.ibp.analysis;

import java.io.Reader;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Analyzer for the Dutch IBP texts and the questions about them, modelled on Lucene's
 * {@code DutchAnalyzer}. The index chain is:
 *
 * <ol>
 *   <li>{@link CharMapFilter}: typographic apostrophes (’ ‘ ´ `) become ', subscript and superscript digits digits</li>
 *   <li>{@link StandardTokenizer}</li>
 *   <li>{@link LowerCaseFilter}</li>
 *   <li>{@code ApostropheFilter}: "programma's" → "programma"</li>
 *   <li>{@link ASCIIFoldingFilter}: "financiële" → "financiele"</li>
 *   <li>{@link StopFilter} with the Dutch stopwords of {@code DutchAnalyzer}, folded</li>
 *   <li>{@link DictionaryCompoundWordTokenFilter} (decompounding variants only): parts are added at
 *       the position of the word, which is kept; in queries, words that came from a synonym are
 *       not decompounded</li>
 *   <li>{@link StemmerOverrideFilter} with {@code stem-overrides.txt}</li>
 *   <li>{@link DutchVerbFormFilter}: "coördineert", "gecoördineerd" → "coordineren"</li>
 *   <li>{@link SnowballFilter} with the Snowball {@link DutchStemmer}</li>
 *   <li>{@link DutchVoicingFilter}: "daklozen" and "dakloos", "brieven" and "brief" meet</li>
 *   <li>{@link RemoveDuplicatesTokenFilter} (decompounding variants only): a part that stems to
 *       the word itself or to another part is dropped</li>
 * </ol>
 *
 * <p>The query chains add a {@link SynonymGraphFilter} right after folding (before stopwords, so
 * multi-word entries such as "van het gas af" match) and drop question words ("wanneer",
 * "hoeveel", "moeten", ...) together with the stopwords. Synonym outputs carry no stopwords (see
 * {@link Synonyms}), so the stop filter never cuts holes into a synonym path.
 *
 * <p>Fields: {@code body} and {@code heading} use {@link #forIndex()} / {@link #forQuery(Synonyms)};
 * {@code parts} uses {@link #forIndexDecompounding(CompoundDictionary)} /
 * {@link #forQueryDecompounding(Synonyms, CompoundDictionary)} with the same dictionary.
 *
 * <p>Every filter after the tokenizer treats each word on its own, except the synonyms; so the
 * chains without synonyms run once per distinct word and replay the result ({@link WordMemoFilter}),
 * which gives the same tokens at a fraction of the cost of stemming and decompounding.
 */
public final class IbpAnalyzer extends Analyzer {

    /** Words shorter than this are not decompounded: two parts need at least 3 letters each. */
    public static final int MIN_COMPOUND_WORD_SIZE = 6;

    /** Shortest part; 3 so that "gas" in "aardgasvrij" counts (the dictionary keeps short parts rare). */
    public static final int MIN_SUBWORD_SIZE = 3;

    /** Longest part looked up in the dictionary. */
    public static final int MAX_SUBWORD_SIZE = 25;

    /**
     * Distinct words each analysing thread remembers the tokens of ({@link WordMemoFilter}): the
     * shipped corpus has about 4,200 distinct written words; at some 300 bytes a word the memo
     * stays under about 15 MB per thread, and a larger vocabulary empties it now and then.
     */
    static final int MEMO_WORDS = 50_000;

    private final boolean query;
    private final Synonyms synonyms;
    private final CompoundDictionary compounds;

    private final int memoWords;

    private IbpAnalyzer(boolean query, Synonyms synonyms, CompoundDictionary compounds) {
        this(query, synonyms, compounds, MEMO_WORDS);
    }

    private IbpAnalyzer(boolean query, Synonyms synonyms, CompoundDictionary compounds, int memoWords) {
        this.memoWords = memoWords;
        this.query = query;
        this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
        this.compounds = Objects.requireNonNull(compounds, "compounds");
    }

    /**
     * The words of a text as they are written, lower-cased and folded but neither stemmed nor
     * stopped: the vocabulary spelling suggestions come from, so that a suggestion is always a word
     * the documents contain.
     */
    public static Analyzer forWords() {
        return DutchWords.surfaceAnalyzer();
    }

    /** Folds one word as {@link #forWords()} does ("Financiële" → "financiele"). */
    public static String foldWord(String word) {
        return DutchWords.fold(word);
    }

    /** Whether a word only makes up a question ("noem", "eens", "welke") and is dropped from queries. */
    public static boolean isQueryStopword(String word) {
        return DutchWords.QUERY_STOPWORDS.contains(DutchWords.fold(word));
    }

    /** Index analyzer for the {@code body} and {@code heading} fields. */
    public static IbpAnalyzer forIndex() {
        return new IbpAnalyzer(false, Synonyms.none(), CompoundDictionary.empty());
    }

    /**
     * Index analyzer for the {@code parts} field: {@link #forIndex()} plus decompounding with
     * {@code dictionary} (an empty dictionary decompounds nothing).
     */
    public static IbpAnalyzer forIndexDecompounding(CompoundDictionary dictionary) {
        return new IbpAnalyzer(false, Synonyms.none(), requireArg(dictionary, "dictionary"));
    }

    /** Query analyzer for the {@code body} and {@code heading} fields. */
    public static IbpAnalyzer forQuery(Synonyms synonyms) {
        return new IbpAnalyzer(true, requireArg(synonyms, "synonyms"), CompoundDictionary.empty());
    }

    /** Query analyzer for the {@code parts} field; use the dictionary the index was built with. */
    public static IbpAnalyzer forQueryDecompounding(Synonyms synonyms, CompoundDictionary dictionary) {
        return new IbpAnalyzer(true, requireArg(synonyms, "synonyms"), requireArg(dictionary, "dictionary"));
    }

    private static <T> T requireArg(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null, got null");
        }
        return value;
    }

    /**
     * This analyzer remembering at most {@code words} words per thread, or none (0): the same tokens,
     * for tests that compare the two.
     */
    IbpAnalyzer withMemo(int words) {
        return new IbpAnalyzer(query, synonyms, compounds, words);
    }

    /** True for the query chains (synonyms, question words removed). */
    public boolean isQueryAnalyzer() {
        return query;
    }

    /** The synonyms applied at query time; {@link Synonyms#none()} for index analyzers. */
    public Synonyms synonyms() {
        return synonyms;
    }

    /** The decompounding dictionary; {@link CompoundDictionary#empty()} when not decompounding. */
    public CompoundDictionary compoundDictionary() {
        return compounds;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return DutchWords.mapApostrophes(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return DutchWords.mapApostrophes(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        if ((query && !synonyms.isEmpty()) || memoWords == 0) {
            // A synonym joins words, so this chain is not one of single words: nothing to remember.
            return new TokenStreamComponents(source, wordFilters(DutchWords.normalizeSurface(source)));
        }
        return new TokenStreamComponents(source,
                new WordMemoFilter(source, word -> wordFilters(DutchWords.normalizeSurface(word)), memoWords));
    }

    /** The filters after the surface normalisation: synonyms, stopwords, compounds, stemming. */
    private TokenStream wordFilters(TokenStream normalized) {
        TokenStream result = normalized;
        if (query && !synonyms.isEmpty()) {
            result = new SynonymGraphFilter(result, synonyms.synonymMap().orElseThrow(), true);
        }
        result = new StopFilter(result, query ? DutchWords.QUERY_STOPWORDS : DutchWords.STOPWORDS);
        if (!compounds.isEmpty()) {
            CharArraySet dictionary = compounds.asCharArraySet();
            // Words a synonym put into the stream are not decompounded: parts of every word of a
            // multi-word synonym multiply the paths QueryBuilder has to enumerate.
            result = new ConditionalTokenFilter(result, in -> new DictionaryCompoundWordTokenFilter(in,
                    dictionary, MIN_COMPOUND_WORD_SIZE, MIN_SUBWORD_SIZE, MAX_SUBWORD_SIZE, false)) {
                private final TypeAttribute type = addAttribute(TypeAttribute.class);

                @Override
                protected boolean shouldFilter() {
                    return !SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
                }
            };
        }
        result = new StemmerOverrideFilter(result, DutchWords.STEM_OVERRIDES);
        result = new DutchVerbFormFilter(result);
        result = new SnowballFilter(result, new DutchStemmer());
        result = new DutchVoicingFilter(result);
        if (!compounds.isEmpty()) {
            result = new RemoveDuplicatesTokenFilter(result);
        }
        return result;
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public String toString() {
        return "IbpAnalyzer[" + (query ? "query" : "index")
                + (compounds.isEmpty() ? "" : ", decompounding " + compounds.size() + " words")
                + (synonyms.isEmpty() ? "" : ", synonyms " + synonyms.sourceName()) + "]";
    }
}

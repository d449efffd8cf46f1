package nl.ibp.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.index.IndexFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Spelling suggestions from the index's own vocabulary (Lucene's {@link DirectSpellChecker} over
 * the {@link IndexFields#WORDS} field): a suggestion is always a word the documents contain, so
 * "klimaatakoord" becomes "klimaatakkoord" and a place the documents never name gets none.
 * Thread-safe.
 */
public final class Spelling implements AutoCloseable {

    /** Words shorter than this are not corrected: too many real words lie one letter apart. */
    static final int MIN_LENGTH = 4;
    /** From this length on, two edits ("verantwoordleijk") still make a clear suggestion. */
    static final int TWO_EDITS_FROM = 9;

    /**
     * A word of the question, where it stands, and the word the documents have instead;
     * {@code otherForm} when that is the same word in another form ("berekend", "berekening"),
     * not a misspelling the user should be told about.
     */
    public record Correction(String word, int start, int end, String suggestion, boolean otherForm) {
    }

    /** The question with its clear corrections applied, and the corrections. */
    public record Corrected(String text, List<Correction> corrections) {
        public Corrected {
            corrections = List.copyOf(corrections);
        }

        public boolean changed() {
            return !corrections.isEmpty();
        }

        /** Whether a word was misspelled (not merely read in another form): worth a "Bedoelde u …?". */
        public boolean misspelled() {
            return corrections.stream().anyMatch(c -> !c.otherForm());
        }
    }

    private final IndexReader reader;
    private final DutchDictionary dutch;
    private final Analyzer words = IbpAnalyzer.forWords();
    private final java.util.function.Predicate<String> listed;

    Spelling(IndexReader reader) {
        this(reader, w -> false, DutchDictionary.none());
    }

    Spelling(IndexReader reader, java.util.function.Predicate<String> listed) {
        this(reader, listed, DutchDictionary.none());
    }

    /**
     * @param listed whether a (folded) word is a real word the documents need not contain: one the synonyms file names
     * @param dutch  which words are Dutch at all: those are never read as misspellings either
     */
    Spelling(IndexReader reader, java.util.function.Predicate<String> listed, DutchDictionary dutch) {
        this.reader = reader;
        this.listed = listed;
        this.dutch = dutch;
    }

    /** Whether the documents contain this word (as written, folded). */
    public boolean known(String word) {
        try {
            return reader.docFreq(new Term(IndexFields.WORDS, IbpAnalyzer.foldWord(word))) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The closest word of the documents to an unknown {@code word}; empty when it is known or none is close. */
    public Optional<String> suggest(String word) {
        return suggestion(word).map(Suggestion::word);
    }

    /** A word of the documents for an unknown one, and whether it is the same word in another form. */
    private record Suggestion(String word, boolean otherForm) {
    }

    private Optional<Suggestion> suggestion(String word) {
        String folded = IbpAnalyzer.foldWord(word);
        // A word that only makes up the question ("noem") is no misspelling of a word of the documents ("norm").
        // A word the synonyms file names is no misspelling either: the search knows what it means.
        if (folded.length() < MIN_LENGTH || !folded.chars().allMatch(Character::isLetter) || known(folded)
                || IbpAnalyzer.isQueryStopword(folded) || listed.test(folded)) {
            return Optional.empty();
        }
        Optional<String> inflected = otherInflection(folded);
        if (inflected.isPresent()) {
            return inflected.map(w -> new Suggestion(w, true));
        }
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(folded.length() >= TWO_EDITS_FROM ? 2 : 1);
        checker.setMinPrefix(1);
        checker.setMinQueryLength(MIN_LENGTH);
        checker.setAccuracy(0.6f);
        try {
            SuggestWord[] found = checker.suggestSimilar(new Term(IndexFields.WORDS, folded), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            // "verkiezing" is a word the documents lack, not a misspelling of one they hold ("verdieping").
            // Asked only when there is a suggestion, so a question without one never reads the dictionary.
            return found.length == 0 || dutch.isWord(word) ? Optional.empty()
                    : Optional.of(new Suggestion(found[0].string, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inflectional endings of Dutch verbs and nouns, longest first: "berekend", "berekende", "loopt", "wijken". */
    private static final List<String> ENDINGS = List.of("ingen", "den", "ten", "ing", "de", "te", "en", "d", "t", "e", "s", "n", "");
    /** A stem shorter than this is too short to carry a word ("loo" of "loopt"). */
    static final int MIN_BASE = 5;

    /**
     * Another form of the same word that the documents do contain ("berekend" → "berekening",
     * "bereikbaar" → "bereikbare"): the word without its ending, with each ending put back, the
     * form most passages hold. The stemmer misses such pairs; a spelling checker would count them
     * two edits apart.
     */
    Optional<String> otherInflection(String folded) {
        Optional<String> best = Optional.empty();
        int bestFrequency = 0;
        try {
            for (String ending : ENDINGS) {
                if (!folded.endsWith(ending) || folded.length() - ending.length() < MIN_BASE) {
                    continue;
                }
                String base = folded.substring(0, folded.length() - ending.length());
                for (String other : ENDINGS) {
                    String form = base + other;
                    if (form.equals(folded)) {
                        continue;
                    }
                    int frequency = reader.docFreq(new Term(IndexFields.WORDS, form));
                    if (frequency > bestFrequency) {
                        bestFrequency = frequency;
                        best = Optional.of(form);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return best;
    }

    /**
     * The names in a question that no document contains: capitalised words ("Zwolle", "OZB"),
     * except the first word, which is capitalised anyway.
     */
    public List<String> unknownNames(String question) {
        return names(question).stream().filter(n -> !known(n)).toList();
    }

    /** The names in a question: capitalised words ("Rotterdam", "VNG"), except the first word. */
    public static List<String> names(String question) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = NAME.matcher(question);
        while (m.find()) {
            if (m.start() > 0 && !question.substring(0, m.start()).isBlank()) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("\\b\\p{Lu}[\\p{L}]+\\b");

    /** The question with each unknown word that has a clear suggestion replaced by it. */
    public Corrected correct(String question) {
        List<Correction> corrections = new ArrayList<>();
        try (TokenStream ts = words.tokenStream(IndexFields.WORDS, question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String word = term.toString();
                int start = offset.startOffset();
                int end = offset.endOffset();
                boolean name = start > 0 && Character.isUpperCase(question.charAt(start));
                if (!name) { // a name the documents do not know is not a misspelling of one of their words
                    suggestion(asWritten(question.substring(start, end), word)).ifPresent(s -> corrections.add(
                            new Correction(question.substring(start, end), start, end, s.word(), s.otherForm())));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string in memory cannot fail", e);
        }
        StringBuilder text = new StringBuilder(question);
        for (int i = corrections.size() - 1; i >= 0; i--) {
            Correction c = corrections.get(i);
            text.replace(c.start(), c.end(), c.suggestion());
        }
        return new Corrected(text.toString(), corrections);
    }

    /** The word as the user wrote it, lower case, when it is the token (not, say, a part of "LVV's"). */
    private static String asWritten(String surface, String token) {
        String lower = surface.toLowerCase(java.util.Locale.ROOT);
        return IbpAnalyzer.foldWord(lower).equals(token) ? lower : token;
    }

    @Override
    public void close() {
        words.close();
    }

    @Override
    public String toString() {
        return "Spelling[" + reader.numDocs() + " passages]";
    }
}

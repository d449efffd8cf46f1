package nl.ibp.analysis;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Brings the finite forms of Dutch verbs in -eren to their infinitive before the Snowball
 * stemmer, which leaves the -t of the present tense and the ge-…-d of the participle on:
 * "coördineert" and "gecoördineerd" become "coordineren", so that they stem as "coördineren"
 * and "coördinerend" do ("coordiner"). Words in -eert are such verb forms (a noun does not
 * end so); "ge…eerd" is the participle. Keyword tokens (stem overrides) are left alone.
 */
final class DutchVerbFormFilter extends TokenFilter {

    private static final int MIN_LENGTH = 7;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    DutchVerbFormFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword() || term.length() < MIN_LENGTH) {
            return true;
        }
        String t = term.toString();
        if (t.endsWith("eert")) {
            term.setEmpty().append(t, 0, t.length() - 4).append("eren");
        } else if (t.endsWith("eerd") && t.startsWith("ge") && t.length() >= MIN_LENGTH + 2) {
            term.setEmpty().append(t, 2, t.length() - 4).append("eren");
        } else {
            separableInfinitive(t).ifPresent(i -> term.setEmpty().append(i));
        }
        return true;
    }

    /** Prefixes that split from their verb ("dient … in", "stelt … vast") and take "ge" after them in the participle. */
    private static final Pattern SEPARABLE_PARTICIPLE = Pattern.compile(
            "(aan|af|bij|door|in|mee|na|om|op|over|toe|uit|vast|voor|weg|terug|samen|vrij|tegen|neer|los|mede|open|dicht)"
                    + "ge([a-z]{2,})[dt]");
    private static final String VOWELS = "aeiouy";

    /**
     * "ingediend" → "indienen", "vastgesteld" → "vaststellen", "aangekondigd" → "aankondigen": the
     * participle of a separable verb, as its infinitive, so that it stems as "indienen" and
     * "indiening" do. A stem of one syllable with one short vowel doubles its last consonant
     * ("stel" → "stellen"); a long vowel written double ("gemaakt") is left for the stemmer, which
     * undoubles it.
     */
    static Optional<String> separableInfinitive(String word) {
        Matcher m = SEPARABLE_PARTICIPLE.matcher(word);
        if (!m.matches()) {
            return Optional.empty();
        }
        String stem = m.group(2);
        char last = stem.charAt(stem.length() - 1);
        int vowelGroups = 0;
        for (int i = 0; i < stem.length(); i++) {
            if (VOWELS.indexOf(stem.charAt(i)) >= 0 && (i == 0 || VOWELS.indexOf(stem.charAt(i - 1)) < 0)) {
                vowelGroups++;
            }
        }
        boolean shortVowel = stem.length() >= 2 && VOWELS.indexOf(stem.charAt(stem.length() - 2)) >= 0
                && (stem.length() < 3 || VOWELS.indexOf(stem.charAt(stem.length() - 3)) < 0);
        boolean doubles = vowelGroups == 1 && VOWELS.indexOf(last) < 0 && shortVowel;
        if (vowelGroups == 0) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + stem + (doubles ? String.valueOf(last) : "") + "en");
    }
}

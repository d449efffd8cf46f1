package nl.ibp.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Undoes, after the Snowball stemmer, the voicing Dutch spelling writes before an ending: a stem
 * that ends in z or v ends in s or f in the word without ending, so "daklozen" ("dakloz") meets
 * "dakloos" ("daklos"), "huizen" meets "huis", "brieven" ("briev") meets "brief", "geven" ("gev")
 * meets "geef" ("gef"). The Snowball Dutch stemmer leaves these pairs apart; the Kraaij-Pohlmann
 * stemmer takes the same step. Only a stem of at least {@value #MIN_LENGTH} letters whose last
 * letter is not doubled ("jazz") changes. Stem overrides ("opgaves" → "opgav") change too: they
 * name the stem the Snowball stemmer gives the word's other forms, which this filter changes.
 */
final class DutchVoicingFilter extends TokenFilter {

    static final int MIN_LENGTH = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    DutchVoicingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int n = term.length();
        if (n < MIN_LENGTH) {
            return true;
        }
        char[] b = term.buffer();
        char last = b[n - 1];
        char before = b[n - 2];
        if ((last == 'z' || last == 'v') && before != last && Character.isLetter(before)) {
            b[n - 1] = last == 'z' ? 's' : 'f';
        }
        return true;
    }
}

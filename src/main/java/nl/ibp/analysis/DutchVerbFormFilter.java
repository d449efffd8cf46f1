package nl.ibp.analysis;

import java.io.IOException;
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
        }
        return true;
    }
}

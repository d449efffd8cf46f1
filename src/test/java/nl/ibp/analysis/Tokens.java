package nl.ibp.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/** Test helper: runs an analyzer over a string. */
final class Tokens {

    private Tokens() {
    }

    /** The terms, in stream order. */
    static List<String> of(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        for (String token : graph(analyzer, text)) {
            terms.add(token.substring(0, token.indexOf('@')));
        }
        return terms;
    }

    /** Each token as "term@position" or, for tokens spanning more positions, "term@position+length". */
    static List<String> graph(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += inc.getPositionIncrement();
                tokens.add(term + "@" + position + (len.getPositionLength() > 1 ? "+" + len.getPositionLength() : ""));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The single term a word analyzes to. */
    static String stem(Analyzer analyzer, String word) {
        List<String> terms = of(analyzer, word);
        if (terms.size() != 1) {
            throw new AssertionError("expected one token for '" + word + "', got " + terms);
        }
        return terms.get(0);
    }
}

package nl.ibp.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import nl.ibp.passage.Sentences;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The terms an analyzer makes of a text, in order; also per sentence, as answers need them. */
public final class AnalyzedTerms {

    private AnalyzedTerms() {
    }

    public static List<String> of(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string in memory cannot fail", e);
        }
        return terms;
    }

    /** The terms of each sentence of a text ({@link Sentences#split}), one line per sentence, space-separated. */
    public static String perSentence(Analyzer analyzer, String text) {
        StringBuilder sb = new StringBuilder();
        for (Sentences.Span span : Sentences.split(text)) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(String.join(" ", of(analyzer, span.of(text))));
        }
        return sb.toString();
    }
}

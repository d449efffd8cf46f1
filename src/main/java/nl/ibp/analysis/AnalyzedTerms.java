package nl.ibp.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import nl.ibp.passage.Sentences;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

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
        List<Sentences.Span> spans = Sentences.split(text);
        List<List<String>> terms = inOnePass(analyzer, text, spans);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(String.join(" ", terms != null ? terms.get(i) : of(analyzer, spans.get(i).of(text))));
        }
        return sb.toString();
    }

    /**
     * The terms of each span from one pass over the whole text, each word's terms to the span it
     * lies in (words between spans dropped, as a pass per span never sees them); null when a word
     * crosses a span's edge, where a pass per span would have cut it. The tokenizer decides a
     * boundary from the chars next to it, so every other word is the same word in either pass.
     */
    private static List<List<String>> inOnePass(Analyzer analyzer, String text, List<Sentences.Span> spans) {
        List<List<String>> terms = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            terms.add(new ArrayList<>());
        }
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int s = 0;
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                while (s < spans.size() && spans.get(s).end() <= start) {
                    s++;
                }
                if (s == spans.size() || end <= spans.get(s).start()) {
                    continue; // between spans
                }
                if (start < spans.get(s).start() || end > spans.get(s).end()) {
                    return null;
                }
                terms.get(s).add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string in memory cannot fail", e);
        }
        return terms;
    }
}

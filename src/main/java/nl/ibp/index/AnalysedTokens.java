package nl.ibp.index;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * What an analyzer made of a text, as far as a field indexed with positions and norms (no
 * offsets, payloads or term vectors) sees it: each token's term, position increment and offsets,
 * and the final offset and increment. Unlike {@link RecordedTokens} it can be written to a file and
 * read back, so that analysis done in one run serves the next; {@link #stream()} gives the writer
 * the same tokens. Immutable.
 */
public final class AnalysedTokens {

    private final String[] terms;
    private final int[] increments;
    private final int[] starts;
    private final int[] ends;
    private final int finalOffset;
    private final int finalIncrement;

    private AnalysedTokens(String[] terms, int[] increments, int[] starts, int[] ends, int finalOffset, int finalIncrement) {
        this.terms = terms;
        this.increments = increments;
        this.starts = starts;
        this.ends = ends;
        this.finalOffset = finalOffset;
        this.finalIncrement = finalIncrement;
    }

    /**
     * Analyses {@code text} as the field {@code field}.
     *
     * @throws IllegalArgumentException when a token carries what this does not keep (a payload or
     *                                  a term frequency other than 1)
     */
    public static AnalysedTokens of(Analyzer analyzer, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        List<int[]> rest = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PayloadAttribute payload = stream.hasAttribute(PayloadAttribute.class) ? stream.getAttribute(PayloadAttribute.class) : null;
            TermFrequencyAttribute frequency = stream.hasAttribute(TermFrequencyAttribute.class)
                    ? stream.getAttribute(TermFrequencyAttribute.class) : null;
            stream.reset();
            while (stream.incrementToken()) {
                if (payload != null && payload.getPayload() != null || frequency != null && frequency.getTermFrequency() != 1) {
                    throw new IllegalArgumentException("a token with a payload or a term frequency is not kept: " + term);
                }
                terms.add(term.toString());
                rest.add(new int[] {increment.getPositionIncrement(), offset.startOffset(), offset.endOffset()});
            }
            stream.end();
            int n = terms.size();
            int[] increments = new int[n];
            int[] starts = new int[n];
            int[] ends = new int[n];
            for (int i = 0; i < n; i++) {
                increments[i] = rest.get(i)[0];
                starts[i] = rest.get(i)[1];
                ends[i] = rest.get(i)[2];
            }
            return new AnalysedTokens(terms.toArray(String[]::new), increments, starts, ends, offset.endOffset(),
                    increment.getPositionIncrement());
        }
    }

    /** The tokens again, for one field of one document. */
    public TokenStream stream() {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
            private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
            private int next;

            @Override
            public boolean incrementToken() {
                if (next >= terms.length) {
                    return false;
                }
                clearAttributes();
                term.setEmpty().append(terms[next]);
                increment.setPositionIncrement(increments[next]);
                offset.setOffset(starts[next], ends[next]);
                next++;
                return true;
            }

            @Override
            public void end() throws IOException {
                super.end();
                increment.setPositionIncrement(finalIncrement);
                offset.setOffset(finalOffset, finalOffset);
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
            }
        };
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeInt(increments[i]);
            out.writeInt(starts[i]);
            out.writeInt(ends[i]);
        }
        out.writeInt(finalOffset);
        out.writeInt(finalIncrement);
    }

    public static AnalysedTokens read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("a negative token count: " + n);
        }
        String[] terms = new String[n];
        int[] increments = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            terms[i] = in.readUTF();
            increments[i] = in.readInt();
            starts[i] = in.readInt();
            ends[i] = in.readInt();
        }
        return new AnalysedTokens(terms, increments, starts, ends, in.readInt(), in.readInt());
    }

    /** How many tokens. */
    public int size() {
        return terms.length;
    }
}

package nl.ibp.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.AttributeSource;

/**
 * The tokens an analyzer made of a text, recorded on one thread and replayed to the
 * {@code IndexWriter} on another: analysis (the costly part of indexing) runs on all cores while
 * documents are still added one by one, in order, so the index is the same as when each document
 * is analysed while it is added. Replays every attribute of every token, and the final state
 * ({@link #end}) that gives the field its length and offset; a replay owns copies of the
 * attributes, so the analyzer's reused stream is free for the next text at once.
 */
public final class RecordedTokens extends TokenStream {

    private final List<AttributeSource.State> tokens;
    private final AttributeSource.State last;
    private int next;

    private RecordedTokens(AttributeSource attributes, List<AttributeSource.State> tokens, AttributeSource.State last) {
        super(attributes);
        this.tokens = tokens;
        this.last = last;
    }

    /** Runs {@code analyzer} over {@code text} as the field {@code field} and records what it gives. */
    public static RecordedTokens record(Analyzer analyzer, String field, String text) throws IOException {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            List<AttributeSource.State> tokens = new ArrayList<>();
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(stream.captureState());
            }
            stream.end();
            AttributeSource.State last = stream.captureState();
            // The copies carry the states; the reused stream goes back to the analyzer when closed.
            AttributeSource copy = stream.cloneAttributes();
            return new RecordedTokens(copy, List.copyOf(tokens), last);
        }
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        restoreState(tokens.get(next++));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        restoreState(last);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}

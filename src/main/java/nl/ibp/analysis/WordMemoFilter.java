package nl.ibp.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.Attribute;

/**
 * Runs a per-word filter chain once per distinct word and replays what it made of the word the next
 * times: stemming, decompounding and folding cost a lookup for a word seen before. The stream is the
 * one the chain would give over the whole text, token for token (terms, offsets, position
 * increments, types and every other attribute), provided the chain treats each word on its own:
 * every filter maps one token to zero or more tokens without looking at the tokens around it, except
 * that a dropped word's position increment goes to the next token kept (what a stop filter does), and
 * a word's tokens follow the first one at increment 0. The chains of {@link IbpAnalyzer} without
 * synonyms are such chains; {@code SynonymGraphFilter}, which joins words, is not.
 *
 * <p>A word is what the tokenizer gives: its term, type and offset length (the chain sees nothing
 * else); the chain's output is stored with offsets relative to the word and a first position
 * increment for a word at increment 1. The memo belongs to one filter instance (so to one thread,
 * as Lucene reuses an analyzer's components per thread) and is emptied when it holds
 * {@code maxWords} words, so its memory is bounded; a {@link CharArrayMap} is looked up without
 * copying the word, which a general cache keyed on strings would have to.
 */
final class WordMemoFilter extends TokenFilter {

    private static final AttributeState[] NOTHING = new AttributeState[0];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    private final OneWord word = new OneWord();
    private final TokenStream wordChain;
    private final CharArrayMap<AttributeState[]> memo;
    private final int maxWords;
    private char[] key = new char[64];

    private AttributeState[] replaying = NOTHING;
    private int next;
    private int wordStart;
    private int wordIncrement;
    private int skipped;
    private final LastWord last = new LastWord();

    /**
     * @param input the tokenizer (or any stream of words)
     * @param chain builds the per-word filters on the stream it is given
     * @param maxWords the most words remembered at once
     */
    WordMemoFilter(TokenStream input, UnaryOperator<TokenStream> chain, int maxWords) {
        super(input);
        if (maxWords < 1) {
            throw new IllegalArgumentException("maxWords must be at least 1, got " + maxWords);
        }
        this.wordChain = chain.apply(word);
        this.maxWords = maxWords;
        this.memo = new CharArrayMap<>(Math.min(maxWords, 1024), false);
        // The replayed states must find every attribute the chain sets in this stream.
        Iterator<Class<? extends Attribute>> classes = wordChain.getAttributeClassesIterator();
        while (classes.hasNext()) {
            addAttribute(classes.next());
        }
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (next >= replaying.length) {
            if (!input.incrementToken()) {
                return false;
            }
            wordStart = offset.startOffset();
            wordIncrement = increment.getPositionIncrement();
            replaying = tokensOfWord();
            next = 0;
            if (replaying.length == 0) {
                skipped += wordIncrement;
            } else {
                last.remember(term, type.type(), offset.endOffset() - wordStart, wordStart);
            }
        }
        AttributeState token = replaying[next];
        restoreState(token.state());
        offset.setOffset(wordStart + token.start(), wordStart + token.end());
        if (next == 0) {
            increment.setPositionIncrement(increment.getPositionIncrement() - 1 + wordIncrement + skipped);
            skipped = 0;
        }
        next++;
        return true;
    }

    /** The chain's tokens for the current word, from the memo or made now. */
    private AttributeState[] tokensOfWord() throws IOException {
        int length = offset.endOffset() - offset.startOffset();
        String wordType = type.type();
        int keyLength = 2 + wordType.length() + term.length();
        if (length < 0 || length > Character.MAX_VALUE || wordType.length() > Character.MAX_VALUE) {
            return analyse(length, wordType);
        }
        if (key.length < keyLength) {
            key = new char[Math.max(keyLength, 2 * key.length)];
        }
        // The word, its type, the type's length and the offset length: read from the end, no word can
        // be read as another; the word first, so that comparing two keys stops at the first char
        // that differs instead of going through a type most words share.
        System.arraycopy(term.buffer(), 0, key, 0, term.length());
        wordType.getChars(0, wordType.length(), key, term.length());
        key[keyLength - 2] = (char) wordType.length();
        key[keyLength - 1] = (char) length;
        AttributeState[] known = memo.get(key, 0, keyLength);
        if (known != null) {
            return known;
        }
        AttributeState[] made = analyse(length, wordType);
        if (memo.size() >= maxWords) {
            memo.clear();
        }
        memo.put(Arrays.copyOf(key, keyLength), made);
        return made;
    }

    private AttributeState[] analyse(int length, String wordType) throws IOException {
        word.set(term.buffer(), term.length(), wordType, length);
        List<AttributeState> made = new ArrayList<>(2);
        try {
            wordChain.reset();
            OffsetAttribute madeOffset = wordChain.getAttribute(OffsetAttribute.class);
            while (wordChain.incrementToken()) {
                made.add(new AttributeState(wordChain.captureState(), madeOffset.startOffset(), madeOffset.endOffset()));
            }
            wordChain.end();
        } finally {
            wordChain.close();
        }
        return made.isEmpty() ? NOTHING : made.toArray(NOTHING);
    }

    /**
     * The chain's end state: the chain run on the last word it let through, then ended with the
     * positions skipped after that word and the final offset. Some filters' end depends on the
     * tokens before it ({@code ConditionalTokenFilter} ends at increment 0 once a token went
     * through its delegate), and nothing but the last word and what followed it can matter to a
     * chain of single words.
     */
    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = offset.endOffset();
        int trailing = increment.getPositionIncrement() + skipped;
        int base = last.known ? last.start : 0;
        if (last.known) {
            word.set(last.text, last.length, last.type, last.offsetLength);
        } else {
            word.setNone();
        }
        word.endAt(finalOffset - base, trailing);
        State ended;
        try {
            wordChain.reset();
            while (wordChain.incrementToken()) {
                // only the end state counts
            }
            wordChain.end();
            ended = wordChain.captureState();
        } finally {
            wordChain.close();
            word.endAt(-1, 0);
        }
        restoreState(ended);
        offset.setOffset(offset.startOffset() + base, offset.endOffset() + base);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        replaying = NOTHING;
        next = 0;
        skipped = 0;
        last.known = false;
    }

    /** The last word the chain let through, for {@link #end}. */
    private static final class LastWord {
        private boolean known;
        private char[] text = new char[32];
        private int length;
        private String type;
        private int offsetLength;
        private int start;

        void remember(CharTermAttribute term, String typeOfWord, int lengthInText, int startOffset) {
            if (text.length < term.length()) {
                text = new char[Math.max(term.length(), 2 * text.length)];
            }
            System.arraycopy(term.buffer(), 0, text, 0, term.length());
            length = term.length();
            type = typeOfWord;
            offsetLength = lengthInText;
            start = startOffset;
            known = true;
        }
    }

    /** A token the chain made, with its offsets relative to the start of the word. */
    private record AttributeState(State state, int start, int end) {
    }

    /** A stream of one word at offset 0 and position increment 1: what the chain is run on. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private char[] text = new char[32];
        private int length;
        private String wordType;
        private int offsetLength;
        private boolean given;
        private boolean none;
        private int endOffset = -1;
        private int endIncrement;

        /** No word: the stream only ends. */
        void setNone() {
            none = true;
        }

        /** The final offset and increment at the end; a negative offset: the end of the word. */
        void endAt(int finalOffset, int increment) {
            endOffset = finalOffset;
            endIncrement = increment;
        }

        void set(char[] buffer, int termLength, String typeOfWord, int lengthInText) {
            if (text.length < termLength) {
                text = new char[Math.max(termLength, 2 * text.length)];
            }
            System.arraycopy(buffer, 0, text, 0, termLength);
            length = termLength;
            wordType = typeOfWord;
            offsetLength = lengthInText;
            none = false;
        }

        @Override
        public boolean incrementToken() {
            if (given || none) {
                return false;
            }
            given = true;
            clearAttributes();
            term.copyBuffer(text, 0, length);
            offset.setOffset(0, offsetLength);
            increment.setPositionIncrement(1);
            type.setType(wordType);
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int at = endOffset < 0 ? offsetLength : endOffset;
            offset.setOffset(at, at);
            increment.setPositionIncrement(endIncrement);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            given = false;
        }
    }
}

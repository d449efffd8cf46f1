package nl.ibp.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.passage.Passage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene documents of the generation served before, so that a run copies the passages of
 * unchanged files ({@code IndexWriter.addIndexes}) instead of analysing them again. Only valid when
 * everything a passage's Lucene document is made from is the same: the build, the corpus'
 * configuration files and the compound dictionary ({@link #open} checks the dictionary; the
 * caller the rest). A file's passages are taken only when the old generation holds exactly the
 * same passage ids in the same order, in one block of documents; otherwise they are analysed again.
 *
 * <p>The compound dictionary is the corpus' vocabulary, so a new document often changes it a
 * little. {@code DictionaryCompoundWordTokenFilter} splits a word by the dictionary words it holds
 * (as substrings), so a word's parts change only when it holds a word that one dictionary has and
 * the other has not: a file none of whose words does is copied all the same ({@link #touched}).
 */
final class PreviousPassages implements AutoCloseable {

    /** A block of documents {@code [from, to)} of one segment. */
    record Slice(CodecReader segment, int from, int to) {
        int size() {
            return to - from;
        }
    }

    private final FSDirectory directory;
    private final DirectoryReader reader;
    /** The words one of the two dictionaries (the previous generation's, this run's) has and the other has not. */
    private final List<String> changedWords;
    /** Per word seen: whether it holds one of {@link #changedWords}. */
    private final Map<String, Boolean> holdsChanged = new ConcurrentHashMap<>();
    private final Analyzer words = IbpAnalyzer.forWords();

    private PreviousPassages(FSDirectory directory, DirectoryReader reader, List<String> changedWords) {
        this.directory = directory;
        this.reader = reader;
        this.changedWords = changedWords;
    }

    /**
     * The previous generation's passages, to be copied into one written with {@code dictionary};
     * empty when it cannot be read.
     */
    static Optional<PreviousPassages> open(Path generation, CompoundDictionary dictionary) {
        Path compounds = generation.resolve(IndexLayout.COMPOUNDS);
        try {
            if (!Files.isRegularFile(compounds)) {
                return Optional.empty();
            }
            Set<String> before = new HashSet<>(CompoundDictionary.read(compounds).words());
            Set<String> now = new HashSet<>(dictionary.words());
            List<String> changed = new ArrayList<>();
            before.stream().filter(w -> !now.contains(w)).forEach(changed::add);
            now.stream().filter(w -> !before.contains(w)).forEach(changed::add);
            changed.sort(null);
            FSDirectory dir = FSDirectory.open(generation);
            try {
                DirectoryReader reader = DirectoryReader.open(dir);
                for (LeafReaderContext leaf : reader.leaves()) {
                    if (!(leaf.reader() instanceof CodecReader)) {
                        reader.close();
                        dir.close();
                        return Optional.empty();
                    }
                }
                return Optional.of(new PreviousPassages(dir, reader, List.copyOf(changed)));
            } catch (IOException | RuntimeException e) {
                dir.close();
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The words one dictionary has and the other has not. */
    List<String> changedWords() {
        return changedWords;
    }

    /**
     * Whether the change of dictionary may change how a passage is analysed: whether a word of its
     * {@code parts} field (heading path and text), long enough to be split, holds a changed word.
     */
    boolean touched(Passage passage) throws IOException {
        if (changedWords.isEmpty()) {
            return false;
        }
        try (TokenStream stream = words.tokenStream(IndexFields.PARTS, passage.section() + "\n" + passage.text())) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            boolean touched = false;
            while (!touched && stream.incrementToken()) {
                if (term.length() >= IbpAnalyzer.MIN_COMPOUND_WORD_SIZE) {
                    touched = holdsChanged.computeIfAbsent(term.toString(), w -> changedWords.stream().anyMatch(w::contains));
                }
            }
            while (stream.incrementToken()) {
                // a token stream is consumed to its end before end() and close()
            }
            stream.end();
            return touched;
        }
    }

    /**
     * The documents holding a file's passages, when the previous generation has exactly these
     * passage ids, in this order, as one block of live documents (which may run on from the end
     * of one segment into the start of the next, where the writer flushed): a block per segment.
     */
    Optional<List<Slice>> find(String documentId, List<String> passageIds) throws IOException {
        if (passageIds.isEmpty()) {
            return Optional.empty();
        }
        List<Slice> slices = new ArrayList<>();
        int seen = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader r = leaf.reader();
            Terms documents = r.terms(IndexFields.DOCUMENT);
            TermsEnum te = documents == null ? null : documents.iterator();
            if (te == null || !te.seekExact(new BytesRef(documentId))) {
                if (!slices.isEmpty()) {
                    break; // the block ended with the segment before
                }
                continue;
            }
            PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
            int from = docs.nextDoc();
            int last = from;
            int count = 1;
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                last = d;
                count++;
            }
            boolean continues = slices.isEmpty() || slices.getLast().to() == slices.getLast().segment().maxDoc() && from == 0;
            if (!continues || last - from + 1 != count || seen + count > passageIds.size()
                    || !allLive(r.getLiveDocs(), from, last + 1)
                    || !sameIds(r, from, passageIds.subList(seen, seen + count))) {
                return Optional.empty();
            }
            slices.add(new Slice((CodecReader) r, from, last + 1));
            seen += count;
        }
        return seen == passageIds.size() ? Optional.of(slices) : Optional.empty();
    }

    /** Whether document {@code from + i} holds passage id {@code i}, for every i. */
    private static boolean sameIds(LeafReader r, int from, List<String> passageIds) throws IOException {
        Terms ids = r.terms(IndexFields.ID);
        if (ids == null) {
            return false;
        }
        TermsEnum te = ids.iterator();
        PostingsEnum docs = null;
        for (int i = 0; i < passageIds.size(); i++) {
            if (!te.seekExact(new BytesRef(passageIds.get(i)))) {
                return false;
            }
            docs = te.postings(docs, PostingsEnum.NONE);
            if (docs.advance(from + i) != from + i) {
                return false;
            }
        }
        return true;
    }

    private static boolean allLive(Bits live, int from, int to) {
        for (int d = from; live != null && d < to; d++) {
            if (!live.get(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A segment seen as only its documents {@code [from, to)}, for {@code IndexWriter.addIndexes}
     * (the way Lucene's {@code PKIndexSplitter} drops documents); the whole segment as it is when
     * the block covers it.
     */
    static CodecReader view(Slice slice) {
        CodecReader segment = slice.segment();
        if (slice.from() == 0 && slice.to() == segment.maxDoc() && segment.getLiveDocs() == null) {
            return segment;
        }
        Bits live = new Bits() {
            @Override
            public boolean get(int index) {
                return index >= slice.from() && index < slice.to();
            }

            @Override
            public int length() {
                return segment.maxDoc();
            }
        };
        return new FilterCodecReader(segment) {
            @Override
            public Bits getLiveDocs() {
                return live;
            }

            @Override
            public int numDocs() {
                return slice.size();
            }

            @Override
            public CacheHelper getCoreCacheHelper() {
                return null;
            }

            @Override
            public CacheHelper getReaderCacheHelper() {
                return null;
            }
        };
    }

    @Override
    public void close() throws IOException {
        try (directory; words) {
            reader.close();
        }
    }
}

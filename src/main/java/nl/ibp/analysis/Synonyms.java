package nl.ibp.analysis;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The domain synonyms applied to questions, in Solr synonym format (UTF-8, one rule per line;
 * no backslash escapes):
 *
 * <pre>
 * # comment
 * vng, vereniging van nederlandse gemeenten     (equivalence: each term finds the others)
 * woningnood =&gt; woningtekort                   (one way: the left side is replaced)
 * </pre>
 *
 * Terms are normalised like the text (lower case, apostrophe ending stripped, accents folded),
 * so "VNG" and "financiële" work as written. Immutable.
 */
public final class Synonyms {

    private static final Synonyms NONE = new Synonyms(null, "(none)", 0, java.util.Set.of());

    private final SynonymMap map;
    private final String sourceName;
    private final int ruleCount;
    private final java.util.Set<String> words;

    private Synonyms(SynonymMap map, String sourceName, int ruleCount, java.util.Set<String> words) {
        this.map = map;
        this.sourceName = sourceName;
        this.ruleCount = ruleCount;
        this.words = java.util.Set.copyOf(words);
    }

    /**
     * Whether a rule names this word (lower case, folded, as written): a word the maintainers
     * list is a real word, even when no document holds it ("getekend" beside "ondertekend").
     */
    public boolean names(String foldedWord) {
        return foldedWord != null && words.contains(foldedWord);
    }

    /** No synonyms. */
    public static Synonyms none() {
        return NONE;
    }

    /**
     * Reads a synonym file. A missing file gives {@link #none()}; an unreadable or malformed one
     * throws {@link AnalysisConfigException} naming the file (and line).
     */
    public static Synonyms load(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null, got null");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (CharacterCodingException e) {
            throw new AnalysisConfigException(file + ": not valid UTF-8", e);
        } catch (IOException e) {
            throw new AnalysisConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses synonym rules.
     *
     * @param text       the rules
     * @param sourceName where they come from, for error messages (e.g. the file name)
     * @throws AnalysisConfigException on a malformed line, with "sourceName:line: reason" as message
     */
    public static Synonyms parse(String text, String sourceName) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null, got null");
        }
        if (sourceName == null || sourceName.isBlank()) {
            throw new IllegalArgumentException("sourceName must not be blank, got '" + sourceName + "'");
        }
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        java.util.Set<String> words = new java.util.HashSet<>();
        int rules = 0;
        try (Analyzer inputAnalyzer = DutchWords.surfaceAnalyzer();
                Analyzer outputAnalyzer = DutchWords.surfaceAnalyzer(DutchWords.QUERY_STOPWORDS)) {
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
                String rule = line.strip();
                if (rule.isEmpty() || rule.startsWith("#")) {
                    continue;
                }
                String where = sourceName + ":" + (i + 1) + ": ";
                String problem = checkRule(rule);
                if (problem != null) {
                    throw new AnalysisConfigException(where + problem + ": \"" + rule + "\"");
                }
                try {
                    addRule(builder, rule, inputAnalyzer, outputAnalyzer);
                    for (String term : terms(rule.replace("=>", ","))) {
                        String analysed = analyze(inputAnalyzer, term).toString();
                        words.addAll(List.of(analysed.split(String.valueOf(SynonymMap.WORD_SEPARATOR))));
                    }
                } catch (IllegalArgumentException e) {
                    throw new AnalysisConfigException(where + e.getMessage() + ": \"" + rule + "\"", e);
                }
                rules++;
            }
            if (rules == 0) {
                return new Synonyms(null, sourceName, 0, words);
            }
            return new Synonyms(builder.build(), sourceName, rules, words);
        } catch (IOException e) {
            throw new AnalysisConfigException(sourceName + ": cannot build synonym map: " + e.getMessage(), e);
        }
    }

    /**
     * Adds one rule with Solr semantics (equivalence groups expand to every member, "=>" maps the
     * left terms to the right ones, includeOrig false). Inputs are analysed like the text up to the
     * synonym filter, so they may hold stopwords ("van het gas af"); outputs also lose stopwords
     * and question words, because the stop filter after the synonym filter would otherwise punch
     * holes into the token graph, which QueryBuilder turns into an empty query.
     */
    private static void addRule(SynonymMap.Builder builder, String rule, Analyzer inputAnalyzer,
                                Analyzer outputAnalyzer) throws IOException {
        String[] sides = rule.split("=>", -1);
        List<String> inputs = terms(sides[0]);
        List<String> outputs = sides.length == 2 ? terms(sides[1]) : inputs;
        List<CharsRef> analysedOutputs = new ArrayList<>();
        for (String output : outputs) {
            CharsRef ref = analyze(outputAnalyzer, output);
            if (ref.length > 0) {
                analysedOutputs.add(ref);
            }
        }
        if (analysedOutputs.isEmpty()) {
            throw new IllegalArgumentException("the right-hand terms consist of stopwords only");
        }
        for (String input : inputs) {
            CharsRef in = analyze(inputAnalyzer, input);
            if (in.length == 0) {
                throw new IllegalArgumentException("term '" + input + "' has no words");
            }
            for (CharsRef out : analysedOutputs) {
                builder.add(in, out, false);
            }
        }
    }

    private static List<String> terms(String side) {
        List<String> terms = new ArrayList<>();
        for (String term : side.split(",", -1)) {
            terms.add(term.strip());
        }
        return terms;
    }

    /** The term's words, joined by {@link SynonymMap#WORD_SEPARATOR}; empty when none are left. */
    private static CharsRef analyze(Analyzer analyzer, String term) throws IOException {
        CharsRefBuilder joined = new CharsRefBuilder();
        try (TokenStream stream = analyzer.tokenStream("synonym", term)) {
            CharTermAttribute word = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (joined.length() > 0) {
                    joined.append(SynonymMap.WORD_SEPARATOR);
                }
                joined.append(word.buffer(), 0, word.length());
            }
            stream.end();
        }
        return joined.toCharsRef();
    }

    /** Checks the shape of a rule; null when it is fine. */
    private static String checkRule(String rule) {
        String[] sides = rule.split("=>", -1);
        if (sides.length > 2) {
            return "more than one '=>'";
        }
        for (String side : sides) {
            String[] terms = side.split(",", -1);
            for (String term : terms) {
                if (term.isBlank()) {
                    return sides.length == 2 && side.isBlank() ? "empty side of '=>'" : "empty term";
                }
            }
        }
        if (sides.length == 1 && sides[0].split(",", -1).length < 2) {
            return "a synonym group needs at least two terms separated by ','";
        }
        return null;
    }

    /** True when there are no rules. */
    public boolean isEmpty() {
        return map == null;
    }

    /** The number of rules (non-comment lines) read. */
    public int ruleCount() {
        return ruleCount;
    }

    /** Where the rules came from, for logs. */
    public String sourceName() {
        return sourceName;
    }

    /** The map for {@code SynonymGraphFilter}; empty when there are no rules. */
    public Optional<SynonymMap> synonymMap() {
        return Optional.ofNullable(map);
    }

    @Override
    public String toString() {
        return "Synonyms[" + sourceName + ", " + ruleCount + " rules]";
    }
}

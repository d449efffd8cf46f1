package nl.ibp.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The domain synonyms applied to questions, in Solr synonym format (UTF-8, one rule per line):
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

    private static final Synonyms NONE = new Synonyms(null, "(none)", 0);

    private final SynonymMap map;
    private final String sourceName;
    private final int ruleCount;

    private Synonyms(SynonymMap map, String sourceName, int ruleCount) {
        this.map = map;
        this.sourceName = sourceName;
        this.ruleCount = ruleCount;
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
        Analyzer analyzer = DutchWords.surfaceAnalyzer();
        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
        int rules = 0;
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
                parser.parse(new StringReader(rule));
            } catch (ParseException | IllegalArgumentException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new AnalysisConfigException(where + cause.getMessage() + ": \"" + rule + "\"", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rules++;
        }
        if (rules == 0) {
            return new Synonyms(null, sourceName, 0);
        }
        try {
            return new Synonyms(parser.build(), sourceName, rules);
        } catch (IOException e) {
            throw new AnalysisConfigException(sourceName + ": cannot build synonym map: " + e.getMessage(), e);
        }
    }

    /** Checks what SolrSynonymParser lets through silently; null when the rule is fine. */
    private static String checkRule(String rule) {
        String[] sides = rule.split("=>", -1);
        if (sides.length > 2) {
            return "more than one '=>'";
        }
        for (String side : sides) {
            String[] terms = side.split("(?<!\\\\),", -1);
            for (String term : terms) {
                if (term.isBlank()) {
                    return sides.length == 2 && side.isBlank() ? "empty side of '=>'" : "empty term";
                }
            }
        }
        if (sides.length == 1 && sides[0].split("(?<!\\\\),", -1).length < 2) {
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

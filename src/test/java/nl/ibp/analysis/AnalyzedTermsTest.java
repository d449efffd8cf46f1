package nl.ibp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import nl.ibp.passage.Sentences;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** The terms per sentence from one pass over a text are those of a pass per sentence. */
class AnalyzedTermsTest {

    /** The reference: each sentence analysed on its own. */
    private static String sentenceBySentence(Analyzer analyzer, String text) {
        List<String> lines = new ArrayList<>();
        for (Sentences.Span span : Sentences.split(text)) {
            lines.add(String.join(" ", AnalyzedTerms.of(analyzer, span.of(text))));
        }
        return String.join("\n", lines);
    }

    @Test
    void onePassGivesTheTermsOfEachSentenceOnItsOwn() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                texts.addAll(List.of(Files.readString(f).split("\n\\s*\n")));
            }
        }
        assertTrue(texts.size() > 100, "paragraphs: " + texts.size());
        String[] pieces = {"Het Rijk", " gaat", ". ", "? ", "! ", "\n", "3.5", "1.000", "a.s.", "o.a. ", "thema\u2019s", "CO\u2082",
            "e-mail", "www.vng.nl", "(zie ", ")", ": ", "; ", "\u2022 ", "- ", "1. ", "Art. 2", "de VNG.", "Wat", "nr.", " 12 mei",
            "2020.", "waarom", "’", "...", "U.S.A.", "x", " "};
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(sb.toString());
        }
        try (Analyzer analyzer = IbpAnalyzer.forQuery(Synonyms.none())) {
            for (String text : texts) {
                assertEquals(sentenceBySentence(analyzer, text), AnalyzedTerms.perSentence(analyzer, text), text);
            }
        }
    }
}

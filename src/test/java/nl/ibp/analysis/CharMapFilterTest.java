package nl.ibp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.junit.jupiter.api.Test;

class CharMapFilterTest {

    private static final Map<Character, Character> MAP = Map.of('\u2019', '\'', '`', '\'', '\u2082', '2', '\u00B2', '2');

    private static String readAll(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[7]; // short reads, as a tokenizer's buffer refills
        for (int n; (n = r.read(buf, 0, buf.length)) > 0; ) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    @Test
    void givesWhatLucenesMappingCharFilterGivesForTheSameMap() throws IOException {
        NormalizeCharMap.Builder lucene = new NormalizeCharMap.Builder();
        MAP.forEach((from, to) -> lucene.add(String.valueOf(from), String.valueOf(to)));
        NormalizeCharMap map = lucene.build();
        char[] table = CharMapFilter.table(MAP);
        String alphabet = "ab CO\u2082m\u00B2 thema\u2019s `x' \u00E9\u20AC.";
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            CharFilter expected = new MappingCharFilter(map, new StringReader(text));
            CharFilter actual = (CharFilter) CharMapFilter.wrap(table, new StringReader(text));
            assertEquals(readAll(expected), readAll(actual), text);
            for (int off = 0; off <= text.length(); off++) {
                assertEquals(expected.correctOffset(off), actual.correctOffset(off), text + " @" + off);
            }
        }
    }

    @Test
    void aCharOutsideTheTableIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CharMapFilter.table(Map.of('\uFF07', '\'')));
        assertEquals("char mapping outside the table: U+FF07 -> U+0027", e.getMessage());
    }
}

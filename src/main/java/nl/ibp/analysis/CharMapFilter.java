package nl.ibp.analysis;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilter;

/**
 * Replaces single chars by single chars before tokenizing ("’" by "'", "₂" by "2"). What Lucene's
 * {@code MappingCharFilter} does for such a map, with the same text and offsets (a char for a char
 * moves no offset), without its per-char FST lookup: every analysed text passes through here.
 */
final class CharMapFilter extends CharFilter {

    /** The replacement of each char below {@link #TABLE_SIZE}; 0 where a char stays. */
    private final char[] table;

    private CharMapFilter(char[] table, Reader in) {
        super(in);
        this.table = table;
    }

    static final int TABLE_SIZE = 0x2100;

    /**
     * The table of a mapping, for {@link #wrap}.
     *
     * @throws IllegalArgumentException for a mapping that is not one char to one char, naming it
     */
    static char[] table(Map<Character, Character> mapping) {
        char[] table = new char[TABLE_SIZE];
        mapping.forEach((from, to) -> {
            if (from >= TABLE_SIZE || from == 0 || to == 0) {
                throw new IllegalArgumentException("char mapping outside the table: U+%04X -> U+%04X"
                        .formatted((int) from, (int) to));
            }
            table[from] = to;
        });
        return table;
    }

    static Reader wrap(char[] table, Reader in) {
        return new CharMapFilter(table, in);
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n = input.read(buffer, off, len);
        for (int i = off; i < off + n; i++) {
            char c = buffer[i];
            if (c < TABLE_SIZE && table[c] != 0) {
                buffer[i] = table[c];
            }
        }
        return n;
    }
}

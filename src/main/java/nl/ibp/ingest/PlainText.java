package nl.ibp.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits plain text into blocks. Used for text files and for the text inside the paragraphs
 * Tika reports (its TXT parser puts a whole file into one or a few paragraphs, and PDF paragraphs
 * keep their line breaks).
 *
 * <p>Paragraphs are separated by blank lines. Inside a paragraph, bullet lines become list
 * items, tab-separated lines with two or more cells become table rows, Markdown heading lines
 * become headings, and the remaining consecutive lines are wrapped lines of one paragraph.
 * Headings without Markdown marks are deliberately not guessed here: a short line such as
 * "1. Samen aan de slag voor het klimaat" stays a paragraph, and the passage cutter decides.
 */
public final class PlainText {

    /** "- ", "• ", "– " and "* " bullets; "*emphasis*" has no space after the star, so no match. */
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-\u2022\u2013*][ \\t\u00A0]+(\\S.*)$");

    /** Enumeration labels "1.", "12)", "a)", "b.", "IV." followed by whitespace. */
    private static final Pattern ENUMERATION = Pattern.compile("^(\\s*)(\\d{1,2}|[a-z]|[IVX]+)[.)]\\s+\\S.*$");

    /** Markdown ATX heading: up to three spaces, 1-6 '#', text, optional closing '#'s. */
    private static final Pattern MARKDOWN_HEADING =
            Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private PlainText() {
    }

    /** The blocks of {@code text}, in order; never null, never containing empty blocks. */
    public static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        for (String line : LINE_BREAK.split(text, -1)) {
            if (isBlank(line)) {
                addParagraph(paragraph, blocks);
                paragraph.clear();
            } else {
                paragraph.add(line);
            }
        }
        addParagraph(paragraph, blocks);
        return List.copyOf(blocks);
    }

    private static void addParagraph(List<String> lines, List<Block> out) {
        if (lines.isEmpty()) {
            return;
        }
        boolean multiLine = lines.size() >= 2;
        // In a paragraph that holds a table, every tabbed line is a row, also a caption or a
        // sub-heading row with one filled cell ("\tOpgave", "Gemeentefonds\t\t\t").
        boolean table = multiLine && lines.stream().anyMatch(l -> l.indexOf('\t') >= 0 && tableRow(l, 2) != null);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            Block special = special(line, multiLine, table);
            if (special == null) {
                wrapped.add(strip(line));
            } else {
                flushWrapped(wrapped, out);
                out.add(special);
            }
        }
        flushWrapped(wrapped, out);
    }

    /** The block for a line that is not ordinary wrapped text, or null for ordinary text. */
    private static Block special(String line, boolean multiLineParagraph, boolean inTable) {
        // Table rows first: a row such as "I) Accres (= H * D)\t28\t163" is not an enumeration.
        if (line.indexOf('\t') >= 0) {
            String row = tableRow(line, inTable ? 1 : 2);
            if (row != null) {
                return new Block(Block.Type.TABLE_ROW, 0, row);
            }
        }
        Matcher m = MARKDOWN_HEADING.matcher(line);
        if (m.matches() && !isBlank(m.group(2))) {
            return new Block(Block.Type.HEADING, m.group(1).length(), strip(m.group(2)));
        }
        m = BULLET.matcher(line);
        if (m.matches()) {
            return new Block(Block.Type.LIST_ITEM, listLevel(m.group(1)), strip(m.group(2)));
        }
        if (multiLineParagraph) {
            m = ENUMERATION.matcher(line);
            if (m.matches()) {
                // The label ("a)", "1.") is part of the text: answers quote it.
                return new Block(Block.Type.LIST_ITEM, listLevel(m.group(1)), strip(line));
            }
        }
        return null;
    }

    /** Cells joined by tabs when the line has at least {@code minCells} non-empty cells; else null. */
    private static String tableRow(String line, int minCells) {
        String[] cells = line.split("\t", -1);
        int nonEmpty = 0;
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = strip(cells[i]);
            if (!cell.isEmpty()) {
                nonEmpty++;
            }
            if (i > 0) {
                row.append('\t');
            }
            row.append(cell);
        }
        return nonEmpty >= minCells ? strip(row.toString()) : null;
    }

    private static int listLevel(String indentation) {
        return indentation.isEmpty() ? 1 : 2;
    }

    private static void flushWrapped(List<String> wrapped, List<Block> out) {
        if (!wrapped.isEmpty()) {
            String text = strip(String.join(" ", wrapped));
            if (!text.isEmpty()) {
                out.add(new Block(Block.Type.PARAGRAPH, 0, text));
            }
            wrapped.clear();
        }
    }

    /** Blank also when the line holds only no-break spaces, which PDF conversion often leaves. */
    static boolean isBlank(CharSequence s) {
        return s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** Like {@link String#strip()}, but also removes no-break spaces. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}

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
 * items, tab-separated lines with two or more cells and Markdown pipe-table rows become table
 * rows (a pipe table's delimiter row "|---|---|" is dropped), Markdown heading lines
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

    /** A Markdown (GFM) table row: "| 2022 | € 450 miljoen |", the outer pipes optional only inside a table. */
    private static final Pattern PIPE_ROW = Pattern.compile("^\\s*\\|(.*\\|.*)\\|\\s*$");
    /** The row under a Markdown table's header: "|---|:--:|". It holds no text. */
    private static final Pattern PIPE_DELIMITER = Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    /** A line that starts a field of a letter's header block: each such line is a block of its own. */
    private static final Pattern LETTER_FIELD = Pattern.compile(
            "^(Datum|Betreft|Onderwerp|Ons kenmerk|Uw kenmerk|Kenmerk|Lbr\\.|Bijlagen?|Bijlage\\(n\\)|Telefoon"
                    + "|Retouradres|Kamerstuk(ken)?|Contactpersoon|Uw brief van|Inlichtingen)(\\s|:|$).*");

    /** A PDF footnote line at a page's foot: its number, a space, a capital ("1 Zie ledenbrief …"). */
    private static final Pattern FOOTNOTE_LINE = Pattern.compile("^(\\d{1,2})\\s+(?=[\\p{Lu}\"'‘“(])\\S.*");

    /** On a page, a first line this much shorter than the paragraph's longest line is a heading, not a wrap. */
    private static final double HEADING_LINE_RATIO = 0.7;
    private static final int MAX_HEADING_LINE = 90;
    /** A printed line this long was wrapped by the layout, not ended by the writer. */
    private static final int MIN_WRAPPED_LINE = 60;

    private PlainText() {
    }

    /** The blocks of {@code text}, in order; never null, never containing empty blocks. */
    public static List<Block> blocks(String text) {
        return blocks(text, false);
    }

    /**
     * @param paged the text is one paragraph of a page laid out for print (PDF): its lines are the
     *              printed lines, so a short first line before longer ones is a heading, a line
     *              after an unfinished list item continues it, and numbered lines at the page's
     *              foot may be footnotes ({@link Block.Type#FOOTNOTE}; {@link LetterAnatomy}
     *              keeps only those whose marker the page carries)
     */
    public static List<Block> blocks(String text, boolean paged) {
        List<Block> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        for (String line : LINE_BREAK.split(text, -1)) {
            if (isBlank(line)) {
                addFields(paragraph, blocks, paged);
                paragraph.clear();
            } else {
                paragraph.add(line);
            }
        }
        addFields(paragraph, blocks, paged);
        return List.copyOf(blocks);
    }

    /** A paragraph that starts with a letter field is split before every field line. */
    private static void addFields(List<String> lines, List<Block> out, boolean paged) {
        if (lines.size() < 2 || !LETTER_FIELD.matcher(strip(lines.getFirst())).matches()) {
            addParagraph(lines, out, paged);
            return;
        }
        List<String> field = new ArrayList<>();
        for (String line : lines) {
            if (!field.isEmpty() && LETTER_FIELD.matcher(strip(line)).matches()) {
                addParagraph(field, out, paged);
                field.clear();
            }
            field.add(line);
        }
        addParagraph(field, out, paged);
    }

    private static void addParagraph(List<String> lines, List<Block> out, boolean paged) {
        if (lines.isEmpty()) {
            return;
        }
        if (paged && footnotes(lines, out)) {
            return;
        }
        if (paged && lines.size() >= 2 && isHeadingLine(lines)) {
            out.add(new Block(Block.Type.PARAGRAPH, 0, strip(lines.getFirst())));
            lines = lines.subList(1, lines.size());
        }
        boolean multiLine = lines.size() >= 2;
        // In a paragraph that holds a table, every tabbed line is a row, also a caption or a
        // sub-heading row with one filled cell ("\tOpgave", "Gemeentefonds\t\t\t").
        boolean table = multiLine && lines.stream().anyMatch(l -> l.indexOf('\t') >= 0 && tableRow(l, 2) != null);
        boolean pipeTable = multiLine && lines.stream().anyMatch(l -> PIPE_DELIMITER.matcher(l).matches() && l.indexOf('|') >= 0);
        List<String> wrapped = new ArrayList<>();
        int itemLine = -1; // length of the previous line when it belonged to a list item
        for (String line : lines) {
            if (pipeTable && PIPE_DELIMITER.matcher(line).matches()) {
                continue;
            }
            Block special = pipeTable ? pipeRow(line) : null;
            special = special != null ? special : special(line, multiLine, table);
            String stripped = strip(line);
            if (special == null && paged && itemLine >= 0 && wrapped.isEmpty()
                    && out.getLast().type() == Block.Type.LIST_ITEM && !endsClause(out.getLast().text())
                    && (itemLine >= MIN_WRAPPED_LINE || !Character.isUpperCase(stripped.codePointAt(0)))) {
                // A printed list item wraps onto the next line.
                Block item = out.removeLast();
                out.add(item.withText(item.text() + " " + stripped));
                itemLine = stripped.length();
                continue;
            }
            itemLine = special != null && special.type() == Block.Type.LIST_ITEM ? stripped.length() : -1;
            if (special == null) {
                wrapped.add(strip(line));
            } else {
                flushWrapped(wrapped, out);
                out.add(special);
            }
        }
        flushWrapped(wrapped, out);
    }

    /** A short first line without closing punctuation, before longer lines: a printed heading. */
    private static boolean isHeadingLine(List<String> lines) {
        String first = strip(lines.getFirst());
        int longest = 0;
        for (String line : lines.subList(1, lines.size())) {
            longest = Math.max(longest, strip(line).length());
        }
        String next = strip(lines.get(1));
        return first.length() <= MAX_HEADING_LINE && first.length() < HEADING_LINE_RATIO * longest
                && !endsClause(first) && !first.endsWith(",") && !first.isEmpty()
                && (Character.isUpperCase(first.codePointAt(0)) || Character.isDigit(first.codePointAt(0)))
                && !next.isEmpty() && Character.isUpperCase(next.codePointAt(0))
                && !BULLET.matcher(first).matches() && first.indexOf('\t') < 0;
    }

    /** Lines that are all numbered notes ("1 Zie …", "2 Het …") with their wrapped lines; false otherwise. */
    private static boolean footnotes(List<String> lines, List<Block> out) {
        Matcher first = FOOTNOTE_LINE.matcher(strip(lines.getFirst()));
        if (!first.matches()) {
            return false;
        }
        List<Block> notes = new ArrayList<>();
        int expected = Integer.parseInt(first.group(1));
        StringBuilder note = new StringBuilder();
        int number = -1;
        for (String raw : lines) {
            String line = strip(raw);
            Matcher m = FOOTNOTE_LINE.matcher(line);
            if (m.matches() && Integer.parseInt(m.group(1)) == expected) {
                if (number >= 0) {
                    notes.add(new Block(Block.Type.FOOTNOTE, number, note.toString()));
                }
                number = expected++;
                note.setLength(0);
                note.append(line);
            } else {
                note.append(' ').append(line);
            }
        }
        notes.add(new Block(Block.Type.FOOTNOTE, number, note.toString()));
        out.addAll(notes);
        return true;
    }

    /** Ends with the punctuation that closes a sentence, clause or list item. */
    static boolean endsClause(String text) {
        String t = text.replaceAll("[*\"'’”)\\s]+$", "");
        return !t.isEmpty() && ".:;!?".indexOf(t.charAt(t.length() - 1)) >= 0;
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

    /** A pipe-table row as a table row with its cells joined by tabs; null when the line is none. */
    private static Block pipeRow(String line) {
        Matcher m = PIPE_ROW.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String row = tableRow(m.group(1).replace("\\|", "\u0000").replace('|', '\t').replace('\u0000', '|'), 1);
        return row == null ? null : new Block(Block.Type.TABLE_ROW, 0, row);
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

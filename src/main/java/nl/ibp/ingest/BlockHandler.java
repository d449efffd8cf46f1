package nl.ibp.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML that Tika emits into {@link Block}s. Headings, list items and table rows are
 * taken from the markup; all other text (Tika's TXT parser puts a whole file into one
 * {@code <p>}, PDF paragraphs arrive as {@code <p>} with their line breaks) goes through
 * {@link PlainText#blocks}. Also keeps the first part of the raw text, with line breaks, for the
 * letter-header recognition in {@link LetterHeader}.
 */
final class BlockHandler extends DefaultHandler {

    /** Only the header of a letter matters for {@link LetterHeader}. */
    private static final int RAW_TEXT_LIMIT = 20_000;

    private static final Set<String> SKIPPED = Set.of("head", "title", "script", "style");
    private static final Set<String> LISTS = Set.of("ul", "ol");

    private enum Kind { HEADING, ITEM, ROW, CELL }

    /** An open element whose text forms one block (or one cell of a row). */
    private static final class Target {
        final Kind kind;
        final int level;
        /** The element whose end closes this target. */
        final String closer;
        final StringBuilder text = new StringBuilder();
        final List<String> cells = new ArrayList<>();

        Target(Kind kind, int level) {
            this(kind, level, "li");
        }

        Target(Kind kind, int level, String closer) {
            this.kind = kind;
            this.level = level;
            this.closer = closer;
        }
    }

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder flow = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();
    private final Deque<Target> targets = new ArrayDeque<>();
    private int skipDepth;
    private int listDepth;
    /** The current page (PDF: Tika's {@code <div class="page">}); 0 for formats without pages. */
    private int page;

    List<Block> blocks() {
        flushFlow();
        return List.copyOf(blocks);
    }

    /** The start of the document's text with its line breaks, as far as seen. */
    String rawText() {
        return raw.toString();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = name(localName, qName);
        if (skipDepth > 0 || SKIPPED.contains(name)) {
            skipDepth++;
            return;
        }
        int headingLevel = headingLevel(name);
        if (name.equals("div") && "page".equals(atts.getValue("class")) && targets.isEmpty()) {
            // Tika's page event: every block knows its page, so answers can cite it.
            flushFlow();
            page++;
        } else if (name.equals("p") && targets.isEmpty() && isListStyle(atts.getValue("class"))) {
            // A Word list paragraph ("List Bullet", "List Number", "List Paragraph"): a list item.
            flushFlow();
            targets.push(new Target(Kind.ITEM, Math.max(1, listDepth), "p"));
        } else if (headingLevel > 0) {
            flushFlow();
            targets.push(new Target(Kind.HEADING, headingLevel));
        } else if (LISTS.contains(name)) {
            flushFlow();
            Target top = targets.peek();
            if (top != null && top.kind == Kind.ITEM) {
                // A nested list inside an item: emit the parent item before its children.
                emit(Block.Type.LIST_ITEM, top.level, top.text);
            }
            listDepth++;
        } else if (name.equals("li")) {
            flushFlow();
            targets.push(new Target(Kind.ITEM, Math.max(1, listDepth)));
        } else if (name.equals("tr")) {
            flushFlow();
            targets.push(new Target(Kind.ROW, 0));
        } else if ((name.equals("td") || name.equals("th")) && isTop(Kind.ROW)) {
            targets.push(new Target(Kind.CELL, 0));
        } else if (name.equals("br")) {
            append("\n");
        } else if (targets.isEmpty()) {
            // p, div, pre, table, ...: a block boundary for the plain-text splitter.
            flushFlow();
        } else {
            // A <p> inside an <li> or <td> (ODT, DOCX tables): keep words apart.
            append(" ");
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        if (headingLevel(name) > 0 && isTop(Kind.HEADING)) {
            Target t = targets.pop();
            emit(Block.Type.HEADING, t.level, t.text);
        } else if (LISTS.contains(name)) {
            listDepth = Math.max(0, listDepth - 1);
        } else if (isTop(Kind.ITEM) && name.equals(targets.peek().closer)) {
            Target t = targets.pop();
            emit(Block.Type.LIST_ITEM, t.level, t.text);
        } else if ((name.equals("td") || name.equals("th")) && isTop(Kind.CELL)) {
            Target cell = targets.pop();
            Target row = targets.peek();
            if (row != null && row.kind == Kind.ROW) {
                row.cells.add(normalize(cell.text));
            }
        } else if (name.equals("tr") && isTop(Kind.ROW)) {
            Target row = targets.pop();
            if (!PlainText.isBlank(row.text)) {
                row.cells.add(normalize(row.text));
            }
            if (row.cells.stream().anyMatch(c -> !c.isEmpty())) {
                // Cells are normalized already; the tabs between them must survive.
                String text = PlainText.strip(String.join("\t", row.cells));
                blocks.add(new Block(Block.Type.TABLE_ROW, 0, text, page));
                keepRaw(text);
            }
        } else if (targets.isEmpty()) {
            flushFlow();
        } else {
            append(" ");
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth == 0) {
            Target top = targets.peek();
            (top == null ? flow : top.text).append(ch, start, length);
        }
    }

    /**
     * Tika reports line breaks inside a paragraph (PDF lines) as ignorable whitespace; they matter
     * for the plain-text splitter. Between elements they only add blank lines, which split nothing.
     */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private void append(String s) {
        Target top = targets.peek();
        (top == null ? flow : top.text).append(s);
    }

    private boolean isTop(Kind kind) {
        Target top = targets.peek();
        return top != null && top.kind == kind;
    }

    private void flushFlow() {
        if (flow.isEmpty()) {
            return;
        }
        String text = flow.toString();
        flow.setLength(0);
        if (page > 0 && !PlainText.isBlank(text) && !blocks.isEmpty() && blocks.getLast().type() == Block.Type.LIST_ITEM
                && blocks.getLast().page() == page && !PlainText.endsClause(blocks.getLast().text())) {
            // PDF: a list item whose printed lines Tika split over two paragraphs; let the splitter join them.
            text = "- " + blocks.removeLast().text() + "\n" + text;
        }
        for (Block b : PlainText.blocks(text, page > 0)) {
            blocks.add(b.onPage(page));
        }
        keepRaw(text);
    }

    /** Adds a block from markup text; clears {@code text} when it is a buffer. */
    private void emit(Block.Type type, int level, CharSequence text) {
        String normalized = normalize(text);
        if (text instanceof StringBuilder buffer) {
            buffer.setLength(0);
        }
        if (!normalized.isEmpty()) {
            blocks.add(new Block(type, level, normalized, page));
            keepRaw(normalized);
        }
    }

    private void keepRaw(String text) {
        if (raw.length() < RAW_TEXT_LIMIT) {
            raw.append(text, 0, Math.min(text.length(), RAW_TEXT_LIMIT - raw.length())).append("\n\n");
        }
    }

    /** Markup text: whitespace runs (source line wraps, no-break spaces) become one space. */
    private static String normalize(CharSequence text) {
        return PlainText.strip(text.toString().replaceAll("[\\s\u00A0\u2007\u202F]+", " "));
    }

    /** Tika writes a DOCX paragraph's style as its class: "list_Bullet", "list_Number", "list_Paragraph". */
    private static boolean isListStyle(String styleClass) {
        return styleClass != null && styleClass.toLowerCase(Locale.ROOT).startsWith("list");
    }

    private static int headingLevel(String name) {
        if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
            return name.charAt(1) - '0';
        }
        return 0;
    }

    private static String name(String localName, String qName) {
        String name = localName == null || localName.isEmpty() ? qName : localName;
        return name.toLowerCase(Locale.ROOT);
    }
}

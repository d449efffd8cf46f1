package nl.ibp.ingest;

import java.util.Objects;

/**
 * One block of extracted text, in document order.
 *
 * @param type  what the block is in the source document
 * @param level heading level (1 = top) for {@link Type#HEADING} blocks that the format marks as
 *              such (HTML h1-h6, DOCX heading styles and outline levels, ODT outline levels);
 *              list nesting depth (1 = top) for {@link Type#LIST_ITEM}; the note number for
 *              {@link Type#FOOTNOTE}; 0 otherwise. Plain text and PDF carry no heading marks:
 *              their headings arrive as paragraphs and are recognised by the passage cutter.
 * @param text  the block's text, whitespace-trimmed, never empty
 * @param page  the page the block starts on (1 = first) when the format has pages (PDF); 0 when not
 */
public record Block(Type type, int level, String text, int page) {

    /**
     * {@link #BOILERPLATE} is the anatomy of a letter that is not its message: the header block
     * (addressee, Datum, kenmerk, Onderwerp …), the salutation, running headers and footers and
     * page numbers. {@link #SIGNATURE} is the closing and signature block: not the message either,
     * but it says who signed. {@link #FOOTNOTE} is a note, kept apart from the sentence that
     * refers to it.
     */
    public enum Type { HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW, FOOTNOTE, BOILERPLATE, SIGNATURE }

    public Block {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (level < 0) {
            throw new IllegalArgumentException("level must be >= 0, got " + level);
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0, got " + page);
        }
    }

    /** A block of a format without pages. */
    public Block(Type type, int level, String text) {
        this(type, level, text, 0);
    }

    public Block withType(Type newType) {
        return new Block(newType, newType == Type.FOOTNOTE || newType == type ? level : 0, text, page);
    }

    public Block withText(String newText) {
        return new Block(type, level, newText, page);
    }

    public Block onPage(int newPage) {
        return new Block(type, level, text, newPage);
    }

    /** Boilerplate, a signature or a footnote: kept beside the text, never part of its flow. */
    public boolean isAside() {
        return type == Type.BOILERPLATE || type == Type.FOOTNOTE || type == Type.SIGNATURE;
    }
}

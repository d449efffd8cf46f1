package nl.ibp.ingest;

import java.util.Objects;

/**
 * One block of extracted text, in document order.
 *
 * @param type  what the block is in the source document
 * @param level heading level (1 = top) for {@link Type#HEADING} blocks that the format marks as
 *              such (HTML h1-h6, DOCX heading styles); list nesting depth (1 = top) for
 *              {@link Type#LIST_ITEM}; 0 otherwise. Plain text and PDF carry no heading marks:
 *              their headings arrive as paragraphs and are recognised by the passage cutter.
 * @param text  the block's text, whitespace-trimmed, never empty
 */
public record Block(Type type, int level, String text) {

    public enum Type { HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW }

    public Block {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (level < 0) {
            throw new IllegalArgumentException("level must be >= 0, got " + level);
        }
    }
}

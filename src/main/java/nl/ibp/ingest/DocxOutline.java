package nl.ibp.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The headings of a Word document that carry no heading style but an outline level: a
 * paragraph whose own properties, or whose style (or a style it is based on), set
 * {@code w:outlineLvl} 0–8 is a heading of level 1–9 in Word's navigation pane, whatever the
 * style is called ("Kop Brief", "Paragraaftitel"). Tika marks only the built-in heading styles
 * as headings, so these are read from the file itself and applied to the blocks.
 */
final class DocxOutline {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** Outline level 9 is body text. */
    private static final int BODY_LEVEL = 9;
    /** A heading is a line, not a paragraph of running text. */
    private static final int MAX_HEADING_CHARS = 200;

    private DocxOutline() {
    }

    /** The blocks with each paragraph that has an outline level turned into a heading of that level. */
    static List<Block> apply(Path docx, List<Block> blocks) throws IOException {
        Map<String, Integer> levels = headings(docx);
        if (levels.isEmpty()) {
            return blocks;
        }
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            Integer level = b.type() == Block.Type.PARAGRAPH ? levels.get(b.text()) : null;
            out.add(level == null ? b : new Block(Block.Type.HEADING, Math.min(level, 6), b.text(), b.page()));
        }
        return List.copyOf(out);
    }

    /** Text of each outline-level paragraph (whitespace collapsed) → heading level 1–9. */
    static Map<String, Integer> headings(Path docx) throws IOException {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            Map<String, Integer> styleLevels = styleLevels(zip);
            ZipEntry document = zip.getEntry("word/document.xml");
            if (document == null) {
                return Map.of();
            }
            try (InputStream in = zip.getInputStream(document)) {
                return paragraphs(in, styleLevels);
            }
        } catch (XMLStreamException e) {
            return Map.of(); // Tika read the text; without a readable outline there are just no extra headings
        }
    }

    /** The outline level each paragraph style gives, following w:basedOn. */
    private static Map<String, Integer> styleLevels(ZipFile zip) throws IOException, XMLStreamException {
        ZipEntry entry = zip.getEntry("word/styles.xml");
        if (entry == null) {
            return Map.of();
        }
        Map<String, Integer> own = new HashMap<>();
        Map<String, String> basedOn = new HashMap<>();
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader r = reader(in);
            String style = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "style" -> style = "paragraph".equals(attr(r, "type")) ? attr(r, "styleId") : null;
                        case "basedOn" -> {
                            if (style != null) {
                                basedOn.put(style, attr(r, "val"));
                            }
                        }
                        case "outlineLvl" -> {
                            if (style != null) {
                                own.put(style, level(attr(r, "val")));
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("style")) {
                    style = null;
                }
            }
        }
        Map<String, Integer> resolved = new HashMap<>();
        for (String style : basedOn.keySet().isEmpty() ? own.keySet() : union(own.keySet(), basedOn.keySet())) {
            String s = style;
            for (int depth = 0; s != null && depth < 20; depth++) { // a cycle in basedOn ends here
                if (own.containsKey(s)) {
                    resolved.put(style, own.get(s));
                    break;
                }
                s = basedOn.get(s);
            }
        }
        return resolved;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, Integer> paragraphs(InputStream in, Map<String, Integer> styleLevels) throws XMLStreamException {
        Map<String, Integer> headings = new HashMap<>();
        XMLStreamReader r = reader(in);
        StringBuilder text = null;
        int direct = -1;
        String style = null;
        boolean inText = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "p" -> {
                        text = new StringBuilder();
                        direct = -1;
                        style = null;
                    }
                    case "pStyle" -> style = attr(r, "val");
                    case "outlineLvl" -> direct = level(attr(r, "val"));
                    case "t" -> inText = true;
                    case "tab", "br" -> {
                        if (text != null) {
                            text.append(' ');
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.CHARACTERS && inText && text != null) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("t")) {
                    inText = false;
                } else if (r.getLocalName().equals("p") && text != null) {
                    int level = direct >= 0 ? direct : style == null ? BODY_LEVEL : styleLevels.getOrDefault(style, BODY_LEVEL);
                    String t = PlainText.strip(text.toString().replaceAll("[\\s\u00A0\u2007\u202F]+", " "));
                    if (level < BODY_LEVEL && !t.isEmpty() && t.length() <= MAX_HEADING_CHARS) {
                        headings.putIfAbsent(t, level + 1);
                    }
                    text = null;
                }
            }
        }
        return headings;
    }

    private static int level(String value) {
        try {
            return value == null ? BODY_LEVEL : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return BODY_LEVEL;
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(W, name);
        return v != null ? v : r.getAttributeValue(null, name);
    }

    private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(in);
    }
}

package nl.ibp.passage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import nl.ibp.ingest.Block;
import nl.ibp.ingest.SourceDocument;

/**
 * Cuts a document into passages along its structure.
 *
 * <p>Headings come from the format (HTML, DOCX) or, in plain text and PDF, from the shape of a
 * one-line paragraph: a Roman chapter ("III. Gezamenlijke agenda…"), a bijlage ("Bijlage 2 -
 * …"), a numbered heading ("6. Problematische schulden voorkomen en oplossen") or a short line
 * without closing punctuation ("Gezamenlijke ambitie"). A heading-like line with no content
 * under it (a letter's address block, a signature) is content after all.
 *
 * <p>Within a section, every paragraph is a passage; a long one is split at sentence
 * boundaries, a very short one joins the next. A list keeps its lead-in sentence, and a table
 * its caption and header row, in every passage cut from it.
 */
public final class PassageCutter {

    /**
     * @param maxChars    no passage is longer, unless a single sentence or row is
     * @param targetChars lists and tables are packed up to about this size
     * @param minChars    a paragraph shorter than this joins the next one in its section
     */
    public record Settings(int maxChars, int targetChars, int minChars) {
        public Settings {
            if (minChars < 0 || targetChars < minChars || maxChars < targetChars) {
                throw new IllegalArgumentException("need 0 <= minChars <= targetChars <= maxChars, got "
                        + minChars + ", " + targetChars + ", " + maxChars);
            }
        }

        public static Settings defaults() {
            return new Settings(1500, 900, 160);
        }
    }

    private static final Pattern ROMAN = Pattern.compile("^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\\.\\s+\\S.*");
    private static final Pattern BIJLAGE = Pattern.compile("^Bijlage\\s+\\d+\\s*[-–:].*");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}\\.\\s+\\S.*");
    private static final Pattern TABLE_OF_CONTENTS = Pattern.compile("^(Inhoudsopgave|Inhoud|Inhoudstafel|Table of contents|Contents)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_CAPTION = Pattern.compile("^(Tabel|Table|Figuur)\\s+\\d+.*");
    /** A line ending in one of these words runs on into what follows: a lead-in, not a heading. */
    private static final java.util.Set<String> OPEN_ENDINGS = java.util.Set.of("dat", "zij", "de", "het", "een",
            "van", "voor", "om", "en", "die", "met", "te", "in", "op", "aan", "als", "of", "door", "is", "zijn", "wordt");
    private static final int MAX_HEADING_CHARS = 160;
    private static final int MAX_SHORT_HEADING_CHARS = 100;

    private final Settings settings;

    public PassageCutter(Settings settings) {
        this.settings = settings;
    }

    public List<Passage> cut(SourceDocument document) {
        List<Item> items = demoteEmptyHeadings(classify(joinContinuations(document.blocks())));
        return new Builder(document.id(), documentOpgave(document)).build(items);
    }

    /**
     * The opgave of a document about one opgave, or 0: the one its title names, else the one its
     * running text names far more than all others ({@link Opgaven#dominantIn}). Headings do not
     * count there: a heading that names an opgave gives it to its own section only.
     */
    private static int documentOpgave(SourceDocument document) {
        String text = document.blocks().stream()
                .filter(b -> !b.isAside() && b.type() != Block.Type.BOILERPLATE && b.type() != Block.Type.HEADING)
                .map(Block::text).collect(java.util.stream.Collectors.joining("\n"));
        return Opgaven.namedInTitle(document.title()).or(() -> Opgaven.dominantIn(text)).map(Opgave::number).orElse(0);
    }

    /** One passage's text before it gets its id, with what it is and the page it starts on. */
    private record Unit(String text, PassageKind kind, int page) {
    }

    // ---- 1. Page breaks in converted PDFs cut paragraphs in two: join them again. ----

    private static List<Block> joinContinuations(List<Block> blocks) {
        List<Block> joined = new ArrayList<>();
        for (Block block : blocks) {
            // Running headers, footers and footnotes between the two halves do not count.
            int last = joined.size() - 1;
            while (last >= 0 && joined.get(last).isAside()) {
                last--;
            }
            if (last >= 0 && block.type() == Block.Type.PARAGRAPH && startsLowerCase(block.text())) {
                Block previous = joined.get(last);
                boolean open = previous.type() != Block.Type.HEADING && previous.type() != Block.Type.TABLE_ROW
                        && !endsSentence(previous.text());
                if (open) {
                    joined.set(last, previous.withText(previous.text() + " " + block.text()));
                    continue;
                }
            }
            joined.add(block);
        }
        return joined;
    }

    private static boolean startsLowerCase(String text) {
        return Character.isLowerCase(text.codePointAt(0));
    }

    private static boolean endsSentence(String text) {
        String t = text.replaceAll("[*\"'’”)\\s]+$", "");
        return t.isEmpty() || ".:;!?".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    // ---- 2. Headings: from the format, or recognised in plain text. ----

    private sealed interface Item permits Heading, Content {
    }

    private record Heading(int level, String text, boolean numbered, boolean section) implements Item {
    }

    private record Content(Block block) implements Item {
    }

    /**
     * Plain text has no heading levels, so they are inferred. Chapters ("III.") are level 1;
     * bijlagen, opgaven and numbered headings outside an opgave level 2; numbered headings
     * inside an opgave or bijlage, and the standard sections ("Gezamenlijke ambitie"), level 3.
     * Any other short heading goes one level below that structure, except that a short heading
     * followed directly by another one opens a group ("Klimaatadaptatie" › "Uitgangspunten"),
     * whose later headings go one level deeper still, until the next group or structure.
     */
    private static List<Item> classify(List<Block> input) {
        List<Block> blocks = printedRunsAsLists(input);
        List<Item> items = new ArrayList<>();
        boolean inOpgaveOrBijlage = false; // numbered headings below this are sub-headings
        boolean underNumbered = false;     // the structure at level 3 is a numbered heading
        int base = 0;                      // level of the deepest structural heading
        boolean groupOpen = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String text = block.text();
            if (block.type() == Block.Type.HEADING) {
                int level = Math.max(1, Math.min(block.level(), 6));
                items.add(new Heading(level, text, false, SectionNames.current().isSection(text)));
                continue;
            }
            boolean lonelyNumbered = block.type() == Block.Type.LIST_ITEM && block.level() <= 1
                    && NUMBERED.matcher(text).matches() && !endsSentence(text) && text.length() <= MAX_SHORT_HEADING_CHARS
                    && !isListNeighbour(blocks, i - 1) && !isListNeighbour(blocks, i + 1);
            if (lonelyNumbered) {
                // "1. Sociaal domein: …" on its own line before a paragraph is a heading; a run of
                // numbered items (a list of the ten opgaven) stays a list.
                block = new Block(Block.Type.PARAGRAPH, 0, text, block.page());
            }
            if (block.type() == Block.Type.PARAGRAPH && isCapsHeading(text)) {
                // AANLEIDING, HET BESLUIT: one level below the structure around it.
                items.add(new Heading(Math.min(6, Math.max(base, 1) + 1), text, false, false));
                groupOpen = false;
                continue;
            }
            if (block.type() != Block.Type.PARAGRAPH || text.length() > MAX_HEADING_CHARS
                    || TABLE_CAPTION.matcher(text).matches() || LetterParts.current().opensWithHeaderField(text)) {
                // The field labels of a letter's header ("Datum", "Ons kenmerk", "Onderwerp"; _briefopmaak.txt) are no headings.
                items.add(new Content(block));
                continue;
            }
            if (ROMAN.matcher(text).matches() && !endsWithPause(text)) {
                items.add(new Heading(1, text, false, false));
                inOpgaveOrBijlage = underNumbered = groupOpen = false;
                base = 1;
            } else if (BIJLAGE.matcher(text).matches()) {
                items.add(new Heading(2, text, false, false));
                inOpgaveOrBijlage = true;
                underNumbered = groupOpen = false;
                base = 2;
            } else if (NUMBERED.matcher(text).matches() && !endsWithPause(text)) {
                boolean opgave = Opgaven.byTitle(text).isPresent();
                boolean top = opgave || !inOpgaveOrBijlage;
                items.add(new Heading(top ? 2 : 3, text, true, false));
                inOpgaveOrBijlage = top ? opgave : inOpgaveOrBijlage;
                underNumbered = !top;
                groupOpen = false;
                base = top ? 2 : 3;
            } else if (isShortHeading(text)) {
                boolean section = SectionNames.current().isSection(text);
                if (section && !underNumbered) {
                    items.add(new Heading(3, text, false, true));
                    base = 3;
                    groupOpen = false;
                } else {
                    boolean group = i + 1 < blocks.size() && blocks.get(i + 1).type() == Block.Type.PARAGRAPH
                            && isShortHeading(blocks.get(i + 1).text());
                    int level = Math.min(6, base + (group || !groupOpen ? 1 : 2));
                    items.add(new Heading(level, text, false, section));
                    groupOpen |= group;
                }
            } else {
                items.add(new Content(block));
            }
        }
        return items;
    }

    /**
     * On a printed page, three or more short heading-like lines in a row are no headings but the
     * rows of a list or of a table whose columns the PDF lost ("Mijlpaal Datum Wie" and its rows).
     */
    private static List<Block> printedRunsAsLists(List<Block> blocks) {
        List<Block> result = new ArrayList<>(blocks);
        int i = 0;
        while (i < result.size()) {
            int end = i;
            while (end < result.size() && isPrintedShortLine(result.get(end))) {
                end++;
            }
            if (end - i >= 3) {
                for (int j = i; j < end; j++) {
                    Block b = result.get(j);
                    result.set(j, new Block(Block.Type.LIST_ITEM, 1, b.text(), b.page()));
                }
            }
            i = Math.max(end, i + 1);
        }
        return result;
    }

    private static boolean isPrintedShortLine(Block b) {
        return b.page() > 0 && b.type() == Block.Type.PARAGRAPH && !NUMBERED.matcher(b.text()).matches()
                && !ROMAN.matcher(b.text()).matches() && isShortHeading(b.text().replace(",", ""));
    }

    private static boolean isListNeighbour(List<Block> blocks, int i) {
        return i >= 0 && i < blocks.size() && blocks.get(i).type() == Block.Type.LIST_ITEM;
    }

    /** A short line in capitals: "AANLEIDING", "HET BESLUIT", "3. FINANCIËN". */
    private static boolean isCapsHeading(String text) {
        if (text.length() > MAX_SHORT_HEADING_CHARS || endsSentence(text) || text.indexOf('\t') >= 0) {
            return false;
        }
        long letters = text.codePoints().filter(Character::isLetter).count();
        return letters >= 4 && Character.isLetterOrDigit(text.codePointAt(0)) && text.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && text.split("\\s+").length <= 10;
    }

    private static boolean endsWithPause(String text) {
        String t = text.strip();
        return t.endsWith(":") || t.endsWith(",") || t.endsWith(";");
    }

    private static boolean isShortHeading(String text) {
        if (text.length() > MAX_SHORT_HEADING_CHARS || text.indexOf('\t') >= 0) {
            return false;
        }
        int first = text.codePointAt(0);
        if (!(Character.isUpperCase(first) || first == '*')) {
            return false;
        }
        String t = text.replaceAll("[*\\s]+$", "");
        String[] words = t.split("\\s+");
        return !t.isEmpty() && ".:;,!?)".indexOf(t.charAt(t.length() - 1)) < 0 && words.length <= 14
                && words[words.length - 1].chars().anyMatch(Character::isLetter)
                && t.chars().anyMatch(Character::isLowerCase)
                && !OPEN_ENDINGS.contains(words[words.length - 1].toLowerCase(java.util.Locale.ROOT));
    }

    /** A heading with nothing under it before the next heading of its level or higher is content. */
    private static List<Item> demoteEmptyHeadings(List<Item> items) {
        List<Item> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Heading heading && !hasContent(items, i, heading.level())) {
                result.add(new Content(new Block(Block.Type.PARAGRAPH, 0, heading.text())));
            } else {
                result.add(items.get(i));
            }
        }
        return result;
    }

    private static boolean hasContent(List<Item> items, int headingIndex, int level) {
        for (int j = headingIndex + 1; j < items.size(); j++) {
            if (items.get(j) instanceof Content c) {
                if (c.block().isAside()) {
                    continue;
                }
                return true;
            }
            if (((Heading) items.get(j)).level() <= level) {
                return false;
            }
        }
        return false;
    }

    // ---- 3. Passages, section by section. ----

    private final class Builder {
        private final String documentId;
        /**
         * The opgave of the document ({@link #documentOpgave}), or 0: of every passage whose headings
         * name none, unless its own text names another.
         */
        private final int titleOpgave;
        private final String[] path = new String[7];
        private final int[] opgaveAt = new int[7];
        private final List<Block> section = new ArrayList<>();
        private final List<Passage> passages = new ArrayList<>();
        private final Map<String, Integer> seenIds = new HashMap<>();

        Builder(String documentId, int titleOpgave) {
            this.documentId = documentId;
            this.titleOpgave = titleOpgave;
        }

        List<Passage> build(List<Item> items) {
            for (Item item : items) {
                switch (item) {
                    case Heading h -> {
                        flush();
                        for (int l = h.level(); l < path.length; l++) {
                            path[l] = null;
                            opgaveAt[l] = 0;
                        }
                        path[h.level()] = h.text();
                        // a numbered heading is an opgave's chapter by its title, or names one as a theme
                        // ("1. Sociaal domein: extra geld")
                        opgaveAt[h.level()] = (h.numbered() ? Opgaven.byTitle(h.text()).or(() -> Opgaven.mentionedIn(h.text()))
                                : Opgaven.mentionedIn(h.text())).map(Opgave::number).orElse(0);
                    }
                    case Content c -> section.add(c.block());
                }
            }
            flush();
            return List.copyOf(passages);
        }

        private void flush() {
            if (section.isEmpty()) {
                return;
            }
            if (Arrays.stream(path).anyMatch(h -> h != null && TABLE_OF_CONTENTS.matcher(h).matches())) {
                section.clear(); // a table of contents repeats every heading and answers nothing
                return;
            }
            List<String> headingPath = new ArrayList<>();
            int opgave = 0;
            for (int l = 1; l < path.length; l++) {
                if (path[l] != null) {
                    headingPath.add(path[l]);
                    if (opgave == 0) {
                        opgave = opgaveAt[l];
                    }
                }
            }
            int fallback = titleOpgave;
            List<Block> flow = new ArrayList<>();
            List<Unit> asides = new ArrayList<>();
            for (Block b : section) {
                if (b.type() == Block.Type.FOOTNOTE) {
                    asides.add(new Unit(b.text(), PassageKind.FOOTNOTE, b.page()));
                } else if (b.type() == Block.Type.BOILERPLATE || b.type() == Block.Type.SIGNATURE) {
                    // Consecutive boilerplate lines (a header block, a signature) make one passage.
                    PassageKind kind = b.type() == Block.Type.SIGNATURE ? PassageKind.SIGNATURE : PassageKind.BOILERPLATE;
                    Unit last = asides.isEmpty() ? null : asides.getLast();
                    if (last != null && last.kind() == kind && last.page() == b.page()
                            && last.text().length() + b.text().length() < settings.maxChars()) {
                        asides.set(asides.size() - 1, new Unit(last.text() + "\n" + b.text(), last.kind(), last.page()));
                    } else {
                        asides.add(new Unit(b.text(), kind, b.page()));
                    }
                } else {
                    flow.add(b);
                }
            }
            for (Unit unit : texts(flow)) {
                add(headingPath, opgave != 0 ? opgave : ownOr(unit, fallback), unit);
            }
            for (Unit unit : asides) {
                // Boilerplate belongs to no opgave; a footnote to the section it stands in.
                add(headingPath, !unit.kind().holdsAgreements() ? 0 : opgave != 0 ? opgave : ownOr(unit, fallback), unit);
            }
            section.clear();
        }

        /** The document's opgave for a passage its headings give none, unless the passage's text is about another. */
        private static int ownOr(Unit unit, int documentOpgave) {
            if (documentOpgave == 0) {
                return 0;
            }
            return Opgaven.about(unit.text()).map(Opgave::number).orElse(documentOpgave);
        }

        private void add(List<String> headingPath, int opgave, Unit unit) {
            String text = unit.text();
            String id = hash(documentId + '\u0000' + String.join(Passage.PATH_SEPARATOR, headingPath) + '\u0000' + text);
            int seen = seenIds.merge(id, 1, Integer::sum);
            if (seen > 1) {
                id = id + "-" + seen;
            }
            passages.add(new Passage(id, documentId, headingPath,
                    opgave == 0 ? OptionalInt.empty() : OptionalInt.of(opgave), text, passages.size(),
                    unit.kind(), unit.page() > 0 ? OptionalInt.of(unit.page()) : OptionalInt.empty()));
        }
    }

    /** The passages of one section's content blocks. */
    private List<Unit> texts(List<Block> blocks) {
        List<Unit> units = new ArrayList<>();
        String pending = "";
        int pendingPage = 0;
        int i = 0;
        while (i < blocks.size()) {
            Block block = blocks.get(i);
            int page = pending.isEmpty() ? block.page() : pendingPage;
            if (block.type() == Block.Type.PARAGRAPH) {
                Block.Type next = i + 1 < blocks.size() ? blocks.get(i + 1).type() : null;
                boolean leadIn = (next == Block.Type.LIST_ITEM || next == Block.Type.TABLE_ROW) && isLeadIn(block.text());
                if (leadIn) {
                    int end = runEnd(blocks, i + 1, next);
                    List<String> lines = next == Block.Type.LIST_ITEM
                            ? listLines(blocks.subList(i + 1, end)) : tableLines(blocks.subList(i + 1, end));
                    int header = next == Block.Type.TABLE_ROW ? headerRows(lines) : 0;
                    PassageKind kind = next == Block.Type.LIST_ITEM ? PassageKind.LIST_ITEM : PassageKind.TABLE_ROW;
                    for (String text : pack(join(pending, block.text()), lines, header)) {
                        units.add(new Unit(text, kind, page));
                    }
                    pending = "";
                    i = end;
                    continue;
                }
                String text = join(pending, block.text());
                boolean afterList = i > 0 && blocks.get(i - 1).type() != Block.Type.PARAGRAPH && pending.isEmpty();
                if (afterList && text.length() < settings.minChars() && !units.isEmpty()
                        && units.getLast().text().length() + 1 + text.length() <= settings.maxChars()) {
                    // A short remark closing a list ("deze thema's worden nader beschreven") belongs with it.
                    Unit last = units.getLast();
                    units.set(units.size() - 1, new Unit(last.text() + "\n" + text, last.kind(), last.page()));
                } else if (text.length() < settings.minChars() && i + 1 < blocks.size()
                        && blocks.get(i + 1).type() == Block.Type.PARAGRAPH) {
                    pending = text;
                    pendingPage = page;
                } else {
                    for (String part : splitLong(text)) {
                        units.add(new Unit(part, PassageKind.BODY, page));
                    }
                    pending = "";
                }
                i++;
            } else {
                int end = runEnd(blocks, i, block.type());
                boolean table = block.type() == Block.Type.TABLE_ROW;
                List<String> lines = table ? tableLines(blocks.subList(i, end)) : listLines(blocks.subList(i, end));
                for (String text : pack(pending, lines, table ? headerRows(lines) : 0)) {
                    units.add(new Unit(text, table ? PassageKind.TABLE_ROW : PassageKind.LIST_ITEM, page));
                }
                pending = "";
                i = end;
            }
        }
        if (!pending.isEmpty()) {
            units.add(new Unit(pending, PassageKind.BODY, pendingPage));
        }
        return units;
    }

    private static boolean isLeadIn(String text) {
        return text.strip().endsWith(":") || text.length() < 200 && Sentences.split(text).size() <= 1;
    }

    private static int runEnd(List<Block> blocks, int from, Block.Type type) {
        int end = from;
        while (end < blocks.size() && blocks.get(end).type() == type) {
            end++;
        }
        return end;
    }

    /** A table's header: its rows up to the first with two or more cells (the column headers). */
    private static int headerRows(List<String> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(" | ")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<String> listLines(List<Block> items) {
        return items.stream().map(b -> (b.level() > 1 ? "  - " : "- ") + b.text()).toList();
    }

    private static List<String> tableLines(List<Block> rows) {
        return rows.stream().map(b -> String.join(" | ", b.text().split("\\s*\\t+\\s*"))).toList();
    }

    /**
     * Packs lines (list items, table rows) into passages of about the target size; each passage
     * starts with the lead-in and the first {@code header} lines, so it can be read on its own.
     * A nested list item stays with the item above it.
     */
    private List<String> pack(String leadIn, List<String> lines, int header) {
        List<String> prefix = new ArrayList<>();
        if (!leadIn.isEmpty()) {
            prefix.add(leadIn);
        }
        prefix.addAll(lines.subList(0, Math.min(header, lines.size())));
        List<String> body = lines.subList(Math.min(header, lines.size()), lines.size());
        if (body.isEmpty()) {
            return prefix.isEmpty() ? List.of() : List.of(String.join("\n", prefix));
        }
        List<String> passages = new ArrayList<>();
        List<String> current = new ArrayList<>(prefix);
        int size = String.join("\n", prefix).length();
        boolean hasBody = false;
        List<String> pieces = new ArrayList<>();
        for (String line : body) {
            pieces.addAll(splitLong(line)); // a single item over the maximum is cut at sentences too
        }
        for (String line : pieces) {
            boolean nested = line.startsWith("  ");
            int grown = size + 1 + line.length();
            if (hasBody && grown > settings.targetChars() && (!nested || grown > settings.maxChars())) {
                passages.add(String.join("\n", current));
                current = new ArrayList<>(prefix);
                size = String.join("\n", prefix).length();
            }
            current.add(line);
            size += 1 + line.length();
            hasBody = true;
        }
        passages.add(String.join("\n", current));
        return passages;
    }

    /** A paragraph over the maximum is split at sentence boundaries into near-equal parts. */
    private List<String> splitLong(String text) {
        if (text.length() <= settings.maxChars()) {
            return List.of(text);
        }
        List<String> sentences = Sentences.texts(text);
        int parts = (text.length() + settings.maxChars() - 1) / settings.maxChars();
        int goal = text.length() / parts;
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : sentences) {
            if (!current.isEmpty() && (current.length() >= goal
                    || current.length() + 1 + sentence.length() > settings.maxChars())) {
                result.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(sentence);
        }
        if (!current.isEmpty()) {
            result.add(current.toString());
        }
        return result;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "\n" + b;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}

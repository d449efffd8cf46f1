package nl.ibp.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anatomy of a letter (or any printed document): which blocks are its message and which are
 * the header block (letterhead, addressee, Datum / Ons kenmerk / Lbr. / Betreft / Onderwerp /
 * Bijlage(n) / Telefoon / Retouradres), the salutation, the signature block, running headers and
 * footers, page numbers and footnotes. Those become {@link Block.Type#BOILERPLATE} or
 * {@link Block.Type#FOOTNOTE} blocks, so they never answer a question or become an agreement,
 * and the header's fields become the document's metadata ({@link Fields}).
 *
 * <p>The rules are about the shape of Dutch letters and printed pages, not about any one sender:
 * a field label at the start of a line, "Geachte …," as salutation, "Met vriendelijke groet" or
 * "De minister van …," before the signature, a line repeated at the top or foot of several pages.
 */
final class LetterAnatomy {

    /** Header fields sit at the start; a salutation further down is not one. */
    private static final int HEADER_BLOCKS = 40;
    /** A header-block line is short; a longer block before the salutation is content (a summary). */
    private static final int MAX_HEADER_LINE = 200;
    private static final int MAX_SIGNATURE_LINE = 120;
    private static final int RUNNING_ZONE = 3;

    static final Pattern LABEL = Pattern.compile(
            "^(Datum|Betreft|Onderwerp|Ons kenmerk|Uw kenmerk|Kenmerk|Lbr\\.?|Bijlagen?|Bijlage\\(n\\)|Telefoon"
                    + "|Retouradres|Kamerstuk(?:ken)?|Contactpersoon|Uw brief van|Inlichtingen|Aan|Ter attentie|Afzender)"
                    + "(?=\\s|:|$)\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    /** Labels a body paragraph never starts with: enough to recognise a header block on its own. */
    private static final Set<String> STRONG_LABELS = Set.of("datum", "betreft", "onderwerp", "ons kenmerk",
            "uw kenmerk", "kenmerk", "lbr", "lbr.", "bijlage(n)", "telefoon", "retouradres", "kamerstuk", "kamerstukken");
    private static final Pattern SALUTATION = Pattern.compile(
            "^(Geachte|Beste|Zeer geachte|Hooggeachte|Lieve|Dear)\\b[^.!?]{0,80},?$");
    private static final Pattern CLOSING = Closings.CLOSING;
    /** The office that signs: "De minister van Sociale Zaken en Werkgelegenheid," above the name. */
    private static final Pattern SIGNING_OFFICE = Pattern.compile(
            "^(de|De|namens|Namens)\\s+(.*\\s)?(minister|staatssecretaris|directeur|voorzitter|secretaris|burgemeester"
                    + "|programmamanager|bestuur)\\b.*,$");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?i:(pagina|page|blad|p\\.)\\s*)?\\d{1,3}(\\s*(?i:van|of|/)\\s*\\d{1,3})?$|^[-–]\\s*\\d{1,3}\\s*[-–]$");
    /** "Den Haag, 4 juni 2019": the place and date line of a letter. */
    private static final Pattern PLACE_DATE = Pattern.compile(
            "^\\p{Lu}[\\p{L}'’ .-]{1,40},\\s+(\\d{1,2}\\s+\\p{L}+\\s+\\d{4})$");
    private static final Pattern KAMERSTUK = Pattern.compile("\\b(\\d{2}\\s?\\d{3}(?:-[A-Z]{1,3})?(?:\\s?[A-Z]{1,3})?),?\\s*nr\\.\\s*(\\d{1,4})\\b");
    private static final Pattern LBR = Pattern.compile("(?i)\\blbr\\.?\\s*(\\d{1,2}/\\d{1,4})\\b");

    /**
     * What the header block says.
     *
     * @param date      the "Datum" field or the place-and-date line
     * @param kenmerk   "Lbr. 18/004" when the letter has one, else the "Ons kenmerk"/"Kenmerk" value; ""
     * @param kamerstuk the "Kamerstuk" field such as "35 483, nr. 63"; ""
     * @param subject   the "Onderwerp" or "Betreft" field; ""
     * @param profile   the text of the header block, salutation, opening and signature: where the
     *                  document type and the sender are looked up
     */
    record Fields(Optional<LocalDate> date, String kenmerk, String kamerstuk, String subject, String profile) {
    }

    record Result(List<Block> blocks, Fields fields) {
    }

    private LetterAnatomy() {
    }

    static Result analyse(List<Block> input) {
        List<Block> blocks = new ArrayList<>(input);
        markRunning(blocks);
        StringBuilder profile = new StringBuilder();
        FieldValues values = markHeader(blocks, profile);
        markSignature(blocks, profile);
        markLaterPageHeaders(blocks, values);
        checkFootnotes(blocks);
        Optional<LocalDate> date = values.date;
        for (int i = 0; i < Math.min(HEADER_BLOCKS, blocks.size()); i++) {
            Block b = blocks.get(i);
            Matcher m = PLACE_DATE.matcher(b.text());
            if (b.type() == Block.Type.PARAGRAPH && m.matches() && LetterHeader.parseDate(m.group(1)).isPresent()) {
                blocks.set(i, b.withType(Block.Type.BOILERPLATE));
                if (date.isEmpty()) {
                    date = LetterHeader.parseDate(m.group(1));
                }
            }
        }
        int opening = 0;
        for (Block b : blocks) {
            if (!b.isAside() && opening++ < 3) {
                profile.append(b.text(), 0, Math.min(300, b.text().length())).append('\n');
            }
        }
        String kenmerk = values.lbr.isEmpty() ? values.kenmerk : values.lbr;
        return new Result(List.copyOf(blocks),
                new Fields(date, kenmerk, values.kamerstuk, values.subject, profile.toString()));
    }

    // ---- running headers, footers and page numbers ----

    private static void markRunning(List<Block> blocks) {
        Map<Integer, List<Integer>> byPage = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.page() > 0 && b.type() != Block.Type.FOOTNOTE) {
                byPage.computeIfAbsent(b.page(), p -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.type() != Block.Type.HEADING && PAGE_NUMBER.matcher(b.text()).matches() && b.text().length() <= 20
                    && (b.page() > 0 || b.text().toLowerCase(Locale.ROOT).startsWith("pagina"))) {
                blocks.set(i, b.withType(Block.Type.BOILERPLATE));
            }
        }
        if (byPage.size() < 2) {
            return;
        }
        Map<String, Set<Integer>> pagesOf = new HashMap<>();
        Map<Integer, String> keyOf = new HashMap<>();
        for (var page : byPage.entrySet()) {
            List<Integer> indexes = page.getValue();
            for (int k = 0; k < indexes.size(); k++) {
                if (k < RUNNING_ZONE || k >= indexes.size() - RUNNING_ZONE) {
                    int i = indexes.get(k);
                    String key = runningKey(blocks.get(i).text());
                    keyOf.put(i, key);
                    pagesOf.computeIfAbsent(key, x -> new HashSet<>()).add(page.getKey());
                }
            }
        }
        for (var e : keyOf.entrySet()) {
            Block b = blocks.get(e.getKey());
            boolean repeated = pagesOf.get(e.getValue()).size() >= 2;
            // A later page's header repeats the letter's fields ("Datum 18 februari 2021  Kenmerk …").
            boolean fieldsAtTop = b.page() >= 2 && isStrongLabel(b.text()) && b.text().length() <= MAX_HEADER_LINE
                    && byPage.get(b.page()).indexOf(e.getKey()) < RUNNING_ZONE;
            if ((repeated || fieldsAtTop) && b.text().length() <= MAX_HEADER_LINE) {
                blocks.set(e.getKey(), b.withType(Block.Type.BOILERPLATE));
            }
        }
    }

    /** Digits and page counts vary between pages; the rest of a running line does not. */
    private static String runningKey(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
    }

    /** The top line of a later page that repeats the letter's reference: a running header seen once. */
    private static void markLaterPageHeaders(List<Block> blocks, FieldValues values) {
        List<String> references = java.util.stream.Stream.of(values.lbr, values.kenmerk)
                .filter(r -> !r.isEmpty()).map(r -> r.replaceFirst("(?i)^lbr\\.?\\s*", "")).toList();
        if (references.isEmpty()) {
            return;
        }
        Map<Integer, Integer> seenOnPage = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.page() < 2 || b.type() == Block.Type.FOOTNOTE) {
                continue;
            }
            int k = seenOnPage.merge(b.page(), 1, Integer::sum);
            if (k <= RUNNING_ZONE && b.type() == Block.Type.PARAGRAPH && b.text().length() <= MAX_HEADER_LINE
                    && references.stream().anyMatch(r -> b.text().contains(r))) {
                blocks.set(i, b.withType(Block.Type.BOILERPLATE));
            }
        }
    }

    // ---- footnotes ----

    /**
     * A numbered line at a page's foot is a footnote only when the page carries its marker: the
     * number glued to a word or a year ("tekortgemeenten.1", "Woningbouwimpuls 20201"). The marker
     * is taken out of the sentence, so the note never runs into it; otherwise the line is text.
     */
    private static void checkFootnotes(List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            Block note = blocks.get(i);
            if (note.type() != Block.Type.FOOTNOTE || note.page() == 0) {
                continue;
            }
            boolean found = false;
            for (int j = 0; j < blocks.size() && !found; j++) {
                Block b = blocks.get(j);
                if (b.page() != note.page() || b.isAside()) {
                    continue;
                }
                Optional<String> unmarked = withoutMarker(b.text(), note.level());
                if (unmarked.isPresent()) {
                    blocks.set(j, b.withText(unmarked.get()));
                    found = true;
                }
            }
            if (!found) {
                blocks.set(i, new Block(Block.Type.PARAGRAPH, 0, note.text(), note.page()));
            }
        }
    }

    static Optional<String> withoutMarker(String text, int number) {
        String n = Integer.toString(number);
        // After a letter or closing punctuation, with no space: "fonds.1 Het", "betaalbaar is.2".
        Matcher m = Pattern.compile("(?<=[\\p{L}.,;:!?)’'”])" + n + "(?=\\s|$)").matcher(text);
        if (m.find()) {
            return Optional.of(text.substring(0, m.start()) + text.substring(m.end()));
        }
        // After a year: "Besluit Woningbouwimpuls 20201 kan".
        m = Pattern.compile("(?<=\\b(?:19|20)\\d\\d)" + n + "(?=[\\s.,;:]|$)").matcher(text);
        if (m.find()) {
            return Optional.of(text.substring(0, m.start()) + text.substring(m.end()));
        }
        return Optional.empty();
    }

    // ---- header block and salutation ----

    private static final class FieldValues {
        Optional<LocalDate> date = Optional.empty();
        String kenmerk = "";
        String lbr = "";
        String kamerstuk = "";
        String subject = "";
    }

    private static FieldValues markHeader(List<Block> blocks, StringBuilder profile) {
        FieldValues values = new FieldValues();
        int limit = Math.min(HEADER_BLOCKS, blocks.size());
        int salutation = -1;
        int lastLabel = -1;
        for (int i = 0; i < limit; i++) {
            Block b = blocks.get(i);
            if (!b.isAside() && b.type() != Block.Type.HEADING && SALUTATION.matcher(b.text()).matches()) {
                salutation = i;
                break;
            }
        }
        // The header block is the leading run of short lines; the first heading or long paragraph ends it.
        for (int i = 0; i < limit && (salutation < 0 || i < salutation); i++) {
            Block b = blocks.get(i);
            if (b.isAside()) {
                continue;
            }
            if (b.type() == Block.Type.HEADING || labelText(b).length() > MAX_HEADER_LINE) {
                break;
            }
            if (isStrongLabel(labelText(b))) {
                lastLabel = i;
            }
        }
        if (lastLabel < 0 && salutation < 0) {
            return values;
        }
        // The header block runs to its last field (and that field's value on the next line).
        int end = lastLabel;
        if (lastLabel >= 0 && labelValue(blocks.get(lastLabel)).isEmpty() && lastLabel + 1 < limit
                && !blocks.get(lastLabel + 1).isAside() && blocks.get(lastLabel + 1).text().length() <= MAX_HEADER_LINE) {
            end = lastLabel + 1;
        }
        for (int i = 0; i <= end; i++) {
            Block b = blocks.get(i);
            if (b.type() == Block.Type.HEADING || b.isAside() || labelText(b).length() > MAX_HEADER_LINE) {
                continue;
            }
            readField(blocks, i, end, values);
            profile.append(b.text()).append('\n');
            blocks.set(i, b.withType(Block.Type.BOILERPLATE));
        }
        if (salutation >= 0) {
            Block b = blocks.get(salutation);
            profile.append(b.text()).append('\n');
            blocks.set(salutation, b.withType(Block.Type.BOILERPLATE));
        }
        return values;
    }

    /** The text to test for a label: a table row's first cell and value, with the tab as a space. */
    private static String labelText(Block b) {
        return b.text().replace('\t', ' ');
    }

    private static String labelValue(Block b) {
        Matcher m = LABEL.matcher(labelText(b));
        return m.matches() ? m.group(2).strip() : "";
    }

    private static boolean isStrongLabel(String text) {
        Matcher m = LABEL.matcher(text);
        return m.matches() && STRONG_LABELS.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    private static void readField(List<Block> blocks, int i, int end, FieldValues values) {
        Matcher m = LABEL.matcher(labelText(blocks.get(i)));
        if (!m.matches()) {
            return;
        }
        readField(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip(), blocks, i, end, values);
    }

    /** A second field on the same line, as OCR of a two-column header gives: "Aan: … Datum: 2 maart 2021". */
    private static final Pattern INNER_FIELD = Pattern.compile(
            "\\s(Datum|Betreft|Onderwerp|Ons kenmerk|Kenmerk|Kamerstuk|Lbr\\.?)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private static void readField(String label, String value, List<Block> blocks, int i, int end, FieldValues values) {
        Matcher inner = INNER_FIELD.matcher(value);
        if (inner.find()) {
            readField(inner.group(1).toLowerCase(Locale.ROOT), inner.group(2).strip(), blocks, i, end, values);
            value = value.substring(0, inner.start()).strip();
        }
        if (value.isEmpty() && i + 1 <= end && i + 1 < blocks.size() && !LABEL.matcher(labelText(blocks.get(i + 1))).matches()) {
            value = blocks.get(i + 1).text().strip();
        }
        if (value.isEmpty()) {
            return;
        }
        switch (label) {
            case "datum" -> {
                if (values.date.isEmpty()) {
                    values.date = LetterHeader.parseDate(value);
                }
            }
            case "ons kenmerk", "kenmerk" -> {
                Matcher lbr = LBR.matcher(value);
                if (lbr.find() && values.lbr.isEmpty()) {
                    values.lbr = "Lbr. " + lbr.group(1);
                } else if (values.kenmerk.isEmpty()) {
                    values.kenmerk = value;
                }
            }
            case "lbr", "lbr." -> {
                Matcher lbr = LBR.matcher("Lbr. " + value.replaceFirst("(?i)^lbr\\.?\\s*", ""));
                if (lbr.find() && values.lbr.isEmpty()) {
                    values.lbr = "Lbr. " + lbr.group(1);
                }
            }
            case "kamerstuk", "kamerstukken" -> {
                Matcher k = KAMERSTUK.matcher(value);
                if (k.find() && values.kamerstuk.isEmpty()) {
                    values.kamerstuk = k.group(1).replaceAll("(\\d{2})\\s?(\\d{3})", "$1 $2") + ", nr. " + k.group(2);
                }
            }
            case "onderwerp", "betreft" -> {
                if (values.subject.isEmpty()) {
                    values.subject = value;
                }
            }
            default -> {
                // Addressee, telephone, attachments: boilerplate without a field of its own.
            }
        }
    }

    // ---- signature ----

    private static void markSignature(List<Block> blocks, StringBuilder profile) {
        int start = -1;
        for (int i = blocks.size() - 1; i >= blocks.size() / 3 && i >= 0; i--) {
            Block b = blocks.get(i);
            if (!b.isAside() && b.type() != Block.Type.HEADING && CLOSING.matcher(b.text()).matches()
                    && b.text().length() <= MAX_SIGNATURE_LINE) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            // No closing formula: the office that signs, in the last blocks ("De minister van …,").
            int seen = 0;
            for (int i = blocks.size() - 1; i >= 0 && seen < 4; i--) {
                Block b = blocks.get(i);
                if (b.isAside()) {
                    continue;
                }
                seen++;
                if (b.type() == Block.Type.HEADING || b.text().length() > MAX_SIGNATURE_LINE) {
                    break;
                }
                if (SIGNING_OFFICE.matcher(b.text()).matches()) {
                    start = i;
                    break;
                }
            }
        }
        if (start < 0) {
            return;
        }
        for (int i = start; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.isAside()) {
                continue;
            }
            if (b.type() == Block.Type.HEADING || b.text().length() > MAX_SIGNATURE_LINE) {
                break;
            }
            profile.append(b.text()).append('\n');
            blocks.set(i, b.withType(Block.Type.SIGNATURE));
        }
    }
}

package nl.ibp.agreements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import nl.ibp.agreements.Responsibility.Role;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.passage.Passage;
import nl.ibp.passage.Sentences;

/**
 * Finds agreements in passages: every sentence or list item that names an actor with a role,
 * or a date that is not in the document's past (a deadline, target, start, rhythm or coming
 * event), is an agreement; so is every table row with such a date or actor, read with its
 * column headers. Its opgave comes from the passage's heading path; failing that from what the
 * passage is about (see {@link OpgaveAssigner}).
 * Deterministic and offline: the same text always gives the same agreements with the same ids.
 *
 * <p>Extraction is split in two: {@link #statements} reads a passage's text (the costly part,
 * which depends only on the text, the document date and the actor lexicon, so the tracker caches
 * it per passage content), and {@link #agreements} turns those statements into agreements of
 * one passage.
 */
public final class AgreementExtractor {

    private AgreementExtractor() {
    }

    /**
     * What one sentence or table row of a passage states: the unit the tracker caches.
     *
     * @param text the sentence, or the table row as "header: cell; header: cell"
     */
    record Statement(String text, List<Deadline> deadlines, List<Responsibility> actors) {
        Statement {
            deadlines = List.copyOf(deadlines);
            actors = List.copyOf(actors);
        }
    }

    /**
     * The agreements of a document's passages, with the shipped actors and, for passages outside
     * the opgave chapters, the opgave their headings or names mention.
     *
     * @param fallbackDate resolves year-less and relative dates when the document has no date
     */
    public static List<Agreement> extract(SourceDocument document, List<Passage> passages, LocalDate fallbackDate) {
        LocalDate date = document.date().orElse(fallbackDate);
        Set<String> seen = new HashSet<>();
        List<Agreement> out = new ArrayList<>();
        for (Passage p : passages) {
            OptionalInt opgave = OpgaveAssigner.byNames(p);
            for (Agreement a : agreements(document, p, opgave, statements(ActorLexicon.defaults(), p.text(), date))) {
                if (seen.add(a.text())) { // a list's lead-in repeats in each of its passages: once is enough
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** The agreements of one passage from its statements. */
    static List<Agreement> agreements(SourceDocument document, Passage passage, OptionalInt opgave,
                                      List<Statement> statements) {
        Agreement.Source source = new Agreement.Source(document.id(), document.title(), document.date(),
                passage.section(), passage.id());
        List<Agreement> agreements = new ArrayList<>(statements.size());
        for (Statement s : statements) {
            agreements.add(new Agreement(id(passage.id(), s.text()), opgave, s.text(), s.deadlines(), s.actors(), source,
                    Agreement.OPEN, false));
        }
        return agreements;
    }

    /** What a passage's text states: its sentences and list items, and its table rows. */
    static List<Statement> statements(ActorLexicon lexicon, String passageText, LocalDate date) {
        if (!passageText.contains(" | ")) {
            return sentenceStatements(lexicon, passageText, date);
        }
        List<String> lines = passageText.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (lines.get(i).contains(" | ")) {
                header = i;
            }
        }
        List<Statement> out = new ArrayList<>(sentenceStatements(lexicon, String.join("\n", lines.subList(0, header)), date));
        out.addAll(tableStatements(lexicon, lines.get(header), lines.subList(header + 1, lines.size()), date));
        return out;
    }

    private static List<Statement> sentenceStatements(ActorLexicon lexicon, String passageText, LocalDate date) {
        List<Statement> statements = new ArrayList<>();
        String previous = "";
        for (String sentence : Sentences.texts(passageText)) {
            String text = sentence.replaceFirst("^[-\\s]+", "").strip();
            List<Deadline> deadlines = DutchDates.find(text, date);
            List<Responsibility> actors = Actors.find(lexicon, text);
            if (!actors.isEmpty() || deadlines.stream().anyMatch(d -> !isPast(d, date))) {
                statements.add(new Statement(withAntecedent(previous, text), deadlines, actors));
            }
            previous = text;
        }
        return statements;
    }

    /**
     * A sentence that opens by pointing back ("Dat wordt per 1 januari 2022 verwerkt.", "Daarmee
     * ligt het besluit bij …") says what it is about only in the sentence before it: the statement
     * is the two together. Its dates and actors stay those of the sentence itself.
     */
    private static final Pattern POINTS_BACK = Pattern.compile(
            "^(?:(?:Dat|Dit|Die|Deze)\\s+(?:is|zijn|was|waren|wordt|worden|werd|werden|zal|zullen|kan|kunnen|moet|moeten"
                    + "|mag|gaat|gaan|heeft|hebben|betekent|geldt|gelden|komt|staat|ligt|blijft|krijgt|vraagt)"
                    + "|(?:Daar|Hier)(?:mee|bij|voor|toe|in|op|door))\\b");
    /** An antecedent longer than this is not repeated in the statement. */
    private static final int MAX_ANTECEDENT = 300;

    private static String withAntecedent(String previous, String sentence) {
        if (previous.length() > MAX_ANTECEDENT || !POINTS_BACK.matcher(sentence).find()
                || !previous.matches("(?s)(?:\\S+\\s+){2,}.*[.!?]\\W*")) { // a sentence of its own, not a label "b."
            return sentence;
        }
        return previous + " " + sentence;
    }

    /** A column header that says who does the row's work ("Wie", "Trekker", "Verantwoordelijk"). */
    private static final Pattern WHO_HEADER = Pattern.compile(
            "(?iu)^(?:wie|door wie|trekkers?|verantwoordelijke?|eigenaar|uitvoerders?|actiehouders?|regie|partij(?:en)?"
                    + "|betrokken(?:en)?|organisatie)\\b.*");

    /**
     * Table rows under a header row ("Mijlpaal | Datum | Wie"): a row is read as
     * "Mijlpaal: …; Datum: …; Wie: …". Dates are taken from its cells only, never from the header
     * (a header of years labels amounts, not deadlines); actors in a "who" column get the role
     * the header names, others their role in the cell's own words.
     */
    private static List<Statement> tableStatements(ActorLexicon lexicon, String headerLine, List<String> rows,
                                                   LocalDate date) {
        String[] headers = headerLine.split("\\s*\\|\\s*", -1);
        List<Statement> statements = new ArrayList<>();
        for (String row : rows) {
            if (!row.contains(" | ")) {
                statements.addAll(sentenceStatements(lexicon, row, date));
                continue;
            }
            String[] cells = row.split("\\s*\\|\\s*", -1);
            List<String> parts = new ArrayList<>();
            List<Deadline> deadlines = new ArrayList<>();
            Set<Responsibility> actors = new java.util.LinkedHashSet<>();
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c].strip();
                if (cell.isEmpty()) {
                    continue;
                }
                String head = c < headers.length ? headers[c].strip() : "";
                parts.add(head.isEmpty() || head.equalsIgnoreCase(cell) ? cell : head + ": " + cell);
                deadlines.addAll(DutchDates.find(cell, date));
                if (WHO_HEADER.matcher(head).matches()) {
                    Role role = headerRole(head);
                    Actors.mentioned(lexicon, cell).forEach(a -> actors.add(new Responsibility(a, role)));
                } else {
                    actors.addAll(Actors.find(lexicon, cell));
                }
            }
            if (!actors.isEmpty() || deadlines.stream().anyMatch(d -> !isPast(d, date))) {
                statements.add(new Statement(String.join("; ", parts), deadlines, List.copyOf(actors)));
            }
        }
        return statements;
    }

    private static Role headerRole(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return h.startsWith("trekker") ? Role.TREKKER
                : h.startsWith("verantwoordelijk") || h.startsWith("eigenaar") ? Role.VERANTWOORDELIJK
                : h.startsWith("regie") ? Role.REGIE
                : h.startsWith("betrokken") ? Role.BETROKKEN
                : Role.UITVOERING;
    }

    /**
     * Something that happened before the document was written is history, not an agreement; a reference
     * date ("ten opzichte van 1990", "rapport van januari 2017") commits to nothing either.
     */
    private static boolean isPast(Deadline d, LocalDate documentDate) {
        return d.kind() == Deadline.Kind.REFERENCE || d.kind() == Deadline.Kind.EVENT && d.end().isBefore(documentDate);
    }

    static String id(String passageId, String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest((passageId + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return "a" + HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}

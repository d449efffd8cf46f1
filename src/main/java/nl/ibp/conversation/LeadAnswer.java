package nl.ibp.conversation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.ibp.agreements.Deadline;
import nl.ibp.agreements.DeadlineStatus;
import nl.ibp.agreements.DutchDates;
import nl.ibp.answer.AnswerEngine.Answer;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.ingest.Closings;
import nl.ibp.passage.PassageKind;
import nl.ibp.passage.Sentences;
import nl.ibp.search.QuestionType;

/**
 * The lead answer: the sentence of the best passage that answers the question as asked, made
 * whole where it is not whole on its own (a lead-in ending in ":" takes the items that follow it,
 * a very short sentence the next one), and for a question about time the status of each date
 * it names, seen from today ("voor 1 mei: die termijn is verstreken").
 */
final class LeadAnswer {

    /** A sentence shorter than this says too little alone: the next one is added. */
    static final int SHORT = 60;
    /** A sentence shorter than this takes the next one too, when the two stay under {@link #MAX_TWO}. */
    static final int SECOND_UNDER = 200;
    static final int MAX_TWO = 450;
    /** A lead-in's items are added up to about this many characters. */
    static final int MAX_LIST = 420;
    /** A bare enumeration label ("3.", "b)") is no sentence to add. */
    private static final Pattern LABEL = Pattern.compile("\\s*[-•*]?\\s*(?:\\d{1,2}|[a-zA-Z]|[IVX]+)[.)]?\\s*");
    /** A list item's label before its text: "d. ", "2) ", "- b) ", "F) ". */
    private static final Pattern ITEM_LABEL = Pattern.compile("^[-•*]?\\s*(?:\\d{1,2}|[a-zA-Z]|[IVX]+)[.)]\\s+(?=\\S)");
    /** A sentence that continues the one before it ("Deze verkenning is gericht op …", "Daarmee …"). */
    private static final Pattern CONTINUATION = Pattern.compile(
            "\\s*(?:Deze|Dit|Die|Dat|Daarmee|Hiermee|Daarbij|Hierbij|Daarin|Hierin|Daardoor|Zo)\\b");
    /** A question that asks how things stand now ("loopt dat nog?", "is dat al geweest?"). */
    private static final Pattern ASKS_NOW = Pattern.compile(
            "(?iu)\\b(nog|al|nu|inmiddels|verstreken|voorbij|geweest|verlopen|loopt|lopen|tijd|vandaag|dit jaar)\\b");

    private LeadAnswer() {
    }

    static String text(Answer answer, LocalDate today) {
        RankedPassage best = answer.lead().orElseThrow();
        String passage = best.hit().passage().text();
        if (best.hit().passage().kind() == PassageKind.SIGNATURE) {
            // "Jantine Kriens, Algemeen directeur": who signed, on one line, without the closing formula.
            return "Ondertekend door: " + Closings.withoutFormula(passage.strip()).replaceAll("\\s*\\n\\s*", ", ");
        }
        List<Sentences.Span> spans = Sentences.split(passage);
        Sentences.Span chosen = best.answer();
        // "d. Daarvoor worden …": the label points into a list the reader does not see.
        String lead = ITEM_LABEL.matcher(chosen.of(passage).strip()).replaceFirst("");
        int next = indexAfter(spans, chosen);
        if (next < spans.size() && (lead.endsWith(":") || isListItem(passage, spans.get(next)) && !isListItem(passage, chosen))) {
            // A lead-in and the items it introduces are one answer.
            StringBuilder items = new StringBuilder(lead);
            String sep = lead.endsWith(":") ? " " : ": ";
            for (int i = next; i < spans.size() && items.length() < MAX_LIST && isListItem(passage, spans.get(i))
                    || i == next; i++) {
                String item = stripMarker(spans.get(i).of(passage));
                if (!LABEL.matcher(item).matches()) { // "d." alone is a label, not an item
                    items.append(sep).append(item);
                    sep = "; ";
                }
            }
            lead = items.toString();
        } else if (next < spans.size() && !LABEL.matcher(spans.get(next).of(passage)).matches()) {
            String following = stripMarker(spans.get(next).of(passage));
            // A heading or a short sentence says too little alone; a sentence that continues it
            // ("Deze verkenning …") belongs with it.
            boolean add = isHeading(lead) || lead.length() < SHORT
                    || (lead.length() < SECOND_UNDER || CONTINUATION.matcher(following).lookingAt())
                    && lead.length() + following.length() <= MAX_TWO;
            if (add) {
                lead = lead + " " + following;
            }
        }
        boolean aboutTime = answer.type() == QuestionType.WHEN || ASKS_NOW.matcher(answer.question().text()).find();
        if (aboutTime) {
            LocalDate written = best.hit().document().date().orElse(today);
            String status = status(DutchDates.find(lead, written), today);
            if (!status.isEmpty()) {
                lead = lead + " — " + status;
            }
        }
        return lead;
    }

    /** "voor 1 mei: die termijn is verstreken; in 2050: dat is over 24 jaar", one entry per date. */
    static String status(List<Deadline> deadlines, LocalDate today) {
        List<String> parts = new ArrayList<>();
        for (Deadline d : deadlines) {
            if (d.kind() == Deadline.Kind.RECURRING) {
                continue;
            }
            parts.add(d.label() + ": " + phrase(d, today));
        }
        return String.join("; ", parts);
    }

    /** The status of one date in words: "die termijn is verstreken", "dat loopt nu", "dat is over 3 jaar". */
    static String phrase(Deadline d, LocalDate today) {
        DeadlineStatus status = d.status(today);
        return switch (status) {
            case PASSED -> d.kind() == Deadline.Kind.START ? "dat is al ingegaan" : "die termijn is verstreken";
            case RUNNING -> "dat loopt nu";
            case UPCOMING -> "dat is over " + distance(today, d.start());
        };
    }

    private static String distance(LocalDate from, LocalDate to) {
        Period p = Period.between(from, to);
        if (p.getYears() >= 1) {
            return p.getYears() + (p.getYears() == 1 ? " jaar" : " jaar");
        }
        if (p.getMonths() >= 1) {
            return p.getMonths() + (p.getMonths() == 1 ? " maand" : " maanden");
        }
        return p.getDays() + (p.getDays() == 1 ? " dag" : " dagen");
    }

    private static int indexAfter(List<Sentences.Span> spans, Sentences.Span chosen) {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).start() >= chosen.end()) {
                return i;
            }
        }
        return spans.size();
    }

    /** A list item: its line starts with a list marker in the passage ("- a. …", "• …"). */
    private static boolean isListItem(String passage, Sentences.Span span) {
        int lineStart = passage.lastIndexOf('\n', Math.max(0, span.start() - 1)) + 1;
        String line = passage.substring(lineStart, Math.min(passage.length(), span.end()));
        return (lineStart == span.start() || passage.substring(lineStart, span.start()).isBlank()
                || passage.substring(lineStart, span.start()).strip().matches("[-•*]"))
                && line.strip().matches("(?s)^[-•*]\\s.*");
    }

    /** A heading or label rather than a sentence: set in emphasis, or without a closing stop. */
    private static boolean isHeading(String s) {
        String t = s.strip();
        return t.startsWith("*") && t.endsWith("*") || !t.matches("(?s).*[.?!:;)\"'’]$");
    }

    private static String stripMarker(String s) {
        return ITEM_LABEL.matcher(s.strip().replaceFirst("^[-•*]\\s*", "")).replaceFirst("");
    }
}

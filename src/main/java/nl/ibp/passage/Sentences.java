package nl.ibp.passage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits Dutch text into sentences. A full stop, question mark or exclamation mark ends a
 * sentence when whitespace and a capital, digit, quote or bracket follow, except after the
 * abbreviations Dutch government texts use ("o.a.", "bijv.", "t.o.v.", "a.s.", "nr."), after
 * initials ("K.H. Ollongren") and after an enumeration label ("1.", "a.", "- b.") at a text's start.
 */
public final class Sentences {

    /** A sentence as a character range {@code [start, end)} of the text it came from. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }

        public String of(String text) {
            return text.substring(start, end);
        }
    }

    private static final Set<String> ABBREVIATIONS = Set.of(
            "o.a", "bijv", "bv", "b.v", "t.o.v", "i.c", "d.d", "e.d", "m.b.t", "t.a.v", "a.s", "z.g",
            "zgn", "nr", "nrs", "art", "blz", "ca", "incl", "excl", "mln", "mld", "mrd", "dhr", "mevr",
            "drs", "dr", "prof", "mr", "ir", "ing", "st", "vs", "jl", "e.a", "enz", "etc", "evt",
            "resp", "m.n", "i.p.v", "o.b.v", "n.a.v", "c.q", "d.w.z", "v.w.b", "i.o.m", "i.s.m",
            "m.u.v", "o.m", "t.b.v", "t.z.t", "v.d", "w.v", "vgl", "aanv", "hfst", "vnl", "o.l.v",
            "p.m", "a.d", "e.v");

    /** A list item's label and the capital its text opens with: "e. Maatregelen", "b) De". */
    private static final java.util.regex.Pattern NEXT_ITEM = java.util.regex.Pattern.compile("[a-z][.)]\\s+\\p{Lu}");

    private Sentences() {
    }

    /** Sentences in order; a line break always ends one (passages put list items on lines of their own). */
    public static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            splitLine(text.substring(0, lineEnd), lineStart, spans);
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    /** Adds the sentences of {@code text} from {@code from} to its end. */
    private static void splitLine(String text, int from, List<Span> spans) {
        int start = skipSpace(text, from);
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && endsSentence(text, start, i)) {
                int end = i + 1;
                while (end < text.length() && isClosing(text.charAt(end))) {
                    end++;
                }
                spans.add(new Span(start, end));
                start = skipSpace(text, end);
                i = start - 1;
            }
        }
        int end = text.length();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }

    public static List<String> texts(String text) {
        return split(text).stream().map(s -> s.of(text)).toList();
    }

    private static boolean endsSentence(String text, int sentenceStart, int dot) {
        int next = dot + 1;
        while (next < text.length() && isClosing(text.charAt(next))) {
            next++;
        }
        if (next >= text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        int after = skipSpace(text, next);
        if (after >= text.length()) {
            return true;
        }
        char following = text.charAt(after);
        // "… omgevingsplannen. e. Maatregelen …": the next list item starts with its label.
        if (text.charAt(dot) == '.' && NEXT_ITEM.matcher(text).region(after, text.length()).lookingAt()) {
            return !ABBREVIATIONS.contains(wordBefore(text, dot).toLowerCase(Locale.ROOT));
        }
        if (!(Character.isUpperCase(following) || Character.isDigit(following) || "\"'‘“(*-–•".indexOf(following) >= 0)) {
            return false;
        }
        if (text.charAt(dot) != '.') {
            return true;
        }
        String word = wordBefore(text, dot);
        if (word.isEmpty()) {
            return true;
        }
        if (ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))) {
            return false;
        }
        // Initials such as "M." or "K.H." before a name.
        if (word.matches("(\\p{Lu}\\.)*\\p{Lu}")) {
            return false;
        }
        // An enumeration label at the start of the text: "1. Samen…", "a. De minister…".
        // A list item's marker may stand before it: "- a. Bij de invulling …".
        boolean atStart = text.substring(sentenceStart, wordStart(text, dot)).matches("[-–•*\\s]*");
        return !(atStart && word.matches("\\d{1,2}|[a-zA-Z]|[IVX]+"));
    }

    private static String wordBefore(String text, int dot) {
        return text.substring(wordStart(text, dot), dot);
    }

    private static int wordStart(String text, int dot) {
        int s = dot;
        while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
            s--;
        }
        return s;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '’' || c == '”' || c == ')' || c == '*';
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}

package nl.ibp.agreements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cheap necessary condition for a regular expression to match somewhere in a text: a few
 * literal strings, one of which every match contains. Derived from the expression itself, so a
 * rule needs no hand-kept hints: {@code "(?:decentrale\\s+)?koepel(?:s|organisaties)?"} needs
 * "koepel", an alternation of quoted forms needs one of its forms. A text without any of them
 * cannot match, and the expression need not run at all.
 *
 * <p>Only a safe subset of the syntax is understood (literals, {@code \Q…\E}, groups, alternation,
 * quantifiers, character classes and the usual escapes, look-arounds, inline {@code i} flags);
 * anything else gives no gate ({@link #of} is empty) and the caller runs the expression as before.
 * Case-insensitive literals are compared on a case-folded text ({@link #fold}, the folding
 * {@link Pattern#UNICODE_CASE} uses), case-sensitive ones on the text as it is; a literal that
 * mixes the two is folded (a superset). Immutable and thread-safe.
 */
final class LiteralGate {

    /** A string one of whose occurrences every match contains; {@code folded} when compared case-insensitively. */
    record Literal(String text, boolean folded) {
    }

    /** Finite languages are expanded up to this many strings; beyond, a group counts as unknown. */
    private static final int MAX_STRINGS = 64;
    /** A character class is expanded when it has at most this many characters. */
    private static final int MAX_CLASS = 10;

    private final List<Literal> literals;

    private LiteralGate(List<Literal> literals) {
        this.literals = List.copyOf(literals);
    }

    /** The literals of the gate (for tests and logs). */
    List<Literal> literals() {
        return literals;
    }

    /** The gate of {@code regex} compiled with {@code flags}, or empty when none can be derived safely. */
    static Optional<LiteralGate> of(String regex, int flags) {
        // MULTILINE and DOTALL change only anchors and '.', which the gate does not look into
        if ((flags & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS
                | Pattern.MULTILINE | Pattern.DOTALL)) != 0) {
            return Optional.empty();
        }
        try {
            Parser p = new Parser(regex, (flags & Pattern.CASE_INSENSITIVE) != 0);
            Node n = p.alternation();
            if (p.pos != regex.length()) {
                return Optional.empty();
            }
            return n.required().filter(set -> set.stream().noneMatch(l -> l.text().isEmpty()))
                    .map(set -> new LiteralGate(minimal(set)));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** Without the literals that contain another one: a text with the longer one has the shorter one too. */
    private static List<Literal> minimal(Set<Literal> set) {
        List<Literal> out = new ArrayList<>();
        for (Literal l : set) {
            if (set.stream().noneMatch(other -> implies(l, other))) {
                out.add(l);
            }
        }
        return out;
    }

    /** Whether every text that has {@code longer} has {@code other} too (and {@code other} is not {@code longer}). */
    private static boolean implies(Literal longer, Literal other) {
        if (other.equals(longer) || other.text().length() > longer.text().length()
                || longer.folded() && !other.folded()) {
            return false;
        }
        String text = other.folded() && !longer.folded() ? fold(longer.text()) : longer.text();
        return text.contains(other.text());
    }

    /** Whether the text may match: it contains one of the literals. {@code folded} is {@code fold(text)}. */
    boolean mayMatch(String text, String folded) {
        for (Literal l : literals) {
            if ((l.folded() ? folded : text).contains(l.text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Case folding as {@link Pattern#CASE_INSENSITIVE} with {@link Pattern#UNICODE_CASE} compares
     * characters: lower case of upper case, per code point. Two strings that match each other
     * case-insensitively fold to the same string.
     */
    static String fold(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int f = Character.toLowerCase(Character.toUpperCase(cp));
            if (f != cp && out == null) {
                out = new StringBuilder(s.length());
                out.append(s, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(f);
            }
            i += Character.charCount(cp);
        }
        return out == null ? s : out.toString();
    }

    // ---- the syntax tree ------------------------------------------------------------------------

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private interface Node {
        /** The exact language when finite and small, else empty. */
        Optional<Set<Literal>> exact();

        /** Strings one of which every match contains, else empty. */
        Optional<Set<Literal>> required();
    }

    private record Lit(Literal literal) implements Node {
        public Optional<Set<Literal>> exact() {
            return Optional.of(Set.of(literal));
        }

        public Optional<Set<Literal>> required() {
            return exact();
        }
    }

    /** Matches some text we do not follow (a class, \s, .): needed, but says nothing. */
    private record Opaque() implements Node {
        public Optional<Set<Literal>> exact() {
            return Optional.empty();
        }

        public Optional<Set<Literal>> required() {
            return Optional.empty();
        }
    }

    private static final Literal EMPTY = new Literal("", false);

    /** Matches the empty string only (look-arounds, anchors, \b). */
    private record ZeroWidth() implements Node {
        public Optional<Set<Literal>> exact() {
            return Optional.of(Set.of(EMPTY));
        }

        public Optional<Set<Literal>> required() {
            return Optional.empty();
        }
    }

    /** {@code x?}, {@code x*}, {@code x+}, {@code x{n,m}}. */
    private record Repeat(Node node, int min, boolean once) implements Node {
        public Optional<Set<Literal>> exact() {
            if (once && min == 0) { // x?
                return node.exact().map(s -> {
                    Set<Literal> out = new LinkedHashSet<>(s);
                    out.add(EMPTY);
                    return out;
                });
            }
            return Optional.empty();
        }

        public Optional<Set<Literal>> required() {
            return min >= 1 ? node.required() : Optional.empty();
        }
    }

    private record Alt(List<Node> branches) implements Node {
        public Optional<Set<Literal>> exact() {
            return union(branches.stream().map(Node::exact).toList());
        }

        public Optional<Set<Literal>> required() {
            return union(branches.stream().map(Node::required).toList());
        }

        private static Optional<Set<Literal>> union(List<Optional<Set<Literal>>> sets) {
            Set<Literal> out = new LinkedHashSet<>();
            for (Optional<Set<Literal>> s : sets) {
                if (s.isEmpty()) {
                    return Optional.empty();
                }
                out.addAll(s.get());
            }
            return out.size() <= MAX_STRINGS ? Optional.of(out) : Optional.empty();
        }
    }

    private record Seq(List<Node> items) implements Node {
        public Optional<Set<Literal>> exact() {
            Set<Literal> out = Set.of(EMPTY);
            for (Node n : items) {
                Optional<Set<Literal>> e = n.exact();
                if (e.isEmpty()) {
                    return Optional.empty();
                }
                out = product(out, e.get());
                if (out == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(out);
        }

        /** The best of: each run of items with exact languages (their product), each other item's own. */
        public Optional<Set<Literal>> required() {
            List<Set<Literal>> candidates = new ArrayList<>();
            Set<Literal> run = Set.of(EMPTY);
            for (Node n : items) {
                Optional<Set<Literal>> e = n.exact();
                Set<Literal> joined = e.isPresent() ? product(run, e.get()) : null;
                if (joined != null) {
                    run = joined;
                    continue;
                }
                candidates.add(run);
                n.required().ifPresent(candidates::add);
                run = e.isPresent() ? e.get() : Set.of(EMPTY); // an exact item too large to join starts a run
            }
            candidates.add(run);
            Set<Literal> best = null;
            for (Set<Literal> c : candidates) {
                if (best == null || shortest(c) > shortest(best)) {
                    best = c;
                }
            }
            return best == null || shortest(best) == 0 ? Optional.empty() : Optional.of(best);
        }

        private static int shortest(Set<Literal> s) {
            return s.stream().mapToInt(l -> l.text().length()).min().orElse(0);
        }

        private static Set<Literal> product(Set<Literal> a, Set<Literal> b) {
            if ((long) a.size() * b.size() > MAX_STRINGS) {
                return null;
            }
            Set<Literal> out = new LinkedHashSet<>();
            for (Literal x : a) {
                for (Literal y : b) {
                    boolean folded = x.folded() || y.folded();
                    String text = (folded && !x.folded() ? fold(x.text()) : x.text())
                            + (folded && !y.folded() ? fold(y.text()) : y.text());
                    out.add(new Literal(text, folded && !text.isEmpty()));
                }
            }
            return out;
        }
    }

    // ---- the parser -----------------------------------------------------------------------------

    private static final class Parser {
        private final String s;
        int pos;

        Parser(String s, boolean caseInsensitive) {
            this.s = s;
            this.ci = caseInsensitive;
        }

        private boolean ci;

        Node alternation() {
            List<Node> branches = new ArrayList<>();
            branches.add(sequence());
            while (pos < s.length() && s.charAt(pos) == '|') {
                pos++;
                branches.add(sequence());
            }
            return branches.size() == 1 ? branches.get(0) : new Alt(branches);
        }

        private Node sequence() {
            List<Node> items = new ArrayList<>();
            while (pos < s.length() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                if (s.startsWith("\\Q", pos)) { // quoted: each character a literal, no quantifier applies to all
                    int end = s.indexOf("\\E", pos + 2);
                    String quoted = end < 0 ? s.substring(pos + 2) : s.substring(pos + 2, end);
                    pos = end < 0 ? s.length() : end + 2;
                    for (int i = 0; i < quoted.length(); ) {
                        int cp = quoted.codePointAt(i);
                        i += Character.charCount(cp);
                        // the last character takes a quantifier that follows
                        items.add(i < quoted.length() ? literal(cp) : quantified(literal(cp)));
                    }
                    continue;
                }
                items.add(quantified(atom()));
            }
            return items.size() == 1 ? items.get(0) : new Seq(items);
        }

        private Node literal(int cp) {
            String text = new String(Character.toChars(cp));
            return new Lit(ci ? new Literal(fold(text), true) : new Literal(text, false));
        }

        private Node quantified(Node atom) {
            if (pos >= s.length()) {
                return atom;
            }
            char c = s.charAt(pos);
            Node out;
            if (c == '?') {
                pos++;
                out = new Repeat(atom, 0, true);
            } else if (c == '*') {
                pos++;
                out = new Repeat(atom, 0, false);
            } else if (c == '+') {
                pos++;
                out = new Repeat(atom, 1, false);
            } else if (c == '{') {
                int close = s.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                String body = s.substring(pos + 1, close);
                if (!body.matches("\\d+(,\\d*)?")) {
                    throw new Unsupported();
                }
                int min = Integer.parseInt(body.split(",", -1)[0]);
                pos = close + 1;
                out = new Repeat(atom, min, false);
            } else {
                return atom;
            }
            if (pos < s.length() && (s.charAt(pos) == '?' || s.charAt(pos) == '+')) {
                pos++; // lazy or possessive: the same strings
            }
            if (atom instanceof ZeroWidth) {
                throw new Unsupported();
            }
            return out;
        }

        private Node atom() {
            char c = s.charAt(pos);
            switch (c) {
                case '(' -> {
                    return group();
                }
                case '[' -> {
                    return characterClass();
                }
                case '.' -> {
                    pos++;
                    return new Opaque();
                }
                case '^', '$' -> {
                    pos++;
                    return new ZeroWidth();
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{' -> throw new Unsupported();
                default -> {
                    int cp = s.codePointAt(pos);
                    pos += Character.charCount(cp);
                    return literal(cp);
                }
            }
        }

        private Node group() {
            pos++; // (
            boolean saved = ci;
            Node inner;
            boolean zeroWidth = false;
            if (s.startsWith("?:", pos)) {
                pos += 2;
            } else if (s.startsWith("?=", pos) || s.startsWith("?!", pos)) {
                pos += 2;
                zeroWidth = true;
            } else if (s.startsWith("?<=", pos) || s.startsWith("?<!", pos)) {
                pos += 3;
                zeroWidth = true;
            } else if (s.startsWith("?<", pos)) { // a named group
                int close = s.indexOf('>', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                pos = close + 1;
            } else if (s.startsWith("?", pos)) { // inline flags: only i, u and U are understood
                int colon = pos + 1;
                boolean on = true;
                boolean newCi = ci;
                while (colon < s.length() && s.charAt(colon) != ':' && s.charAt(colon) != ')') {
                    char f = s.charAt(colon++);
                    switch (f) {
                        case '-' -> on = false;
                        case 'i' -> newCi = on;
                        case 'u', 'U' -> { }
                        default -> throw new Unsupported();
                    }
                }
                if (colon >= s.length() || s.charAt(colon) != ':') {
                    throw new Unsupported(); // "(?i)" changes the rest of the expression: not followed
                }
                pos = colon + 1;
                ci = newCi;
            }
            inner = alternation();
            ci = saved;
            if (pos >= s.length() || s.charAt(pos) != ')') {
                throw new Unsupported();
            }
            pos++;
            return zeroWidth ? new ZeroWidth() : inner;
        }

        /** A small class of plain characters and ranges ("[12]", "[1-4]") is its characters; any other is opaque. */
        private Node characterClass() {
            int start = pos;
            skipClass();
            String body = s.substring(start + 1, pos - 1);
            if (!body.matches("(?:[\\p{L}\\p{N}](?:-[\\p{L}\\p{N}])?)+")) {
                return new Opaque();
            }
            Set<Literal> chars = new LinkedHashSet<>();
            for (int i = 0; i < body.length(); i++) {
                char from = body.charAt(i);
                char to = from;
                if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                    to = body.charAt(i + 2);
                    i += 2;
                }
                for (char c = from; c <= to && chars.size() <= MAX_CLASS; c++) {
                    String text = String.valueOf(c);
                    chars.add(ci ? new Literal(fold(text), true) : new Literal(text, false));
                }
            }
            if (chars.size() > MAX_CLASS) {
                return new Opaque();
            }
            return new Alt(chars.stream().<Node>map(Lit::new).toList());
        }

        private void skipClass() {
            int i = pos + 1;
            if (i < s.length() && s.charAt(i) == '^') {
                i++;
            }
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
            }
            int depth = 1;
            while (i < s.length() && depth > 0) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                }
                i++;
            }
            if (depth != 0) {
                throw new Unsupported();
            }
            pos = i;
        }

        private Node escape() {
            if (pos + 1 >= s.length()) {
                throw new Unsupported();
            }
            char c = s.charAt(pos + 1);
            pos += 2;
            switch (c) {
                case 's', 'S', 'd', 'D', 'w', 'W', 'h', 'H', 'v', 'V', 'R', 'X' -> {
                    return new Opaque();
                }
                case 'p', 'P' -> {
                    if (pos < s.length() && s.charAt(pos) == '{') {
                        int close = s.indexOf('}', pos);
                        if (close < 0) {
                            throw new Unsupported();
                        }
                        pos = close + 1;
                    } else {
                        pos++;
                    }
                    return new Opaque();
                }
                case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                    return new ZeroWidth();
                }
                case 't' -> {
                    return literal('\t');
                }
                case 'n' -> {
                    return literal('\n');
                }
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        throw new Unsupported(); // back references, hex, unicode and control escapes: not followed
                    }
                    return literal(c);
                }
            }
        }
    }
}

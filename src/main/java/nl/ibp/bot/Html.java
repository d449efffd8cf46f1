package nl.ibp.bot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Telegram's HTML parse mode: escaping, and splitting long messages without cutting a tag. */
public final class Html {

    /** Telegram's limit is 4,096 UTF-16 units; stay a little below it. */
    public static final int LIMIT = 4000;

    private Html() {
    }

    /** Escapes text for Telegram HTML: {@code & < > "}. */
    public static String esc(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The text without tags and with entities resolved: what the user sees (and the plain-text fallback). */
    public static String plain(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    private record Open(String name, String tag) {
    }

    /**
     * Splits a message into parts of at most {@code limit} UTF-16 units. Parts break between
     * words where possible (inside a word only when one word is longer than a part); a tag open
     * at a break is closed at the end of the part and opened again at the start of the next, and
     * neither a tag, an entity nor a surrogate pair is ever cut.
     */
    public static List<String> split(String html, int limit) {
        if (limit < 200) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        List<String> parts = new ArrayList<>();
        if (html.length() <= limit) {
            parts.add(html);
            return parts;
        }
        Deque<Open> open = new ArrayDeque<>(); // innermost first
        StringBuilder cur = new StringBuilder();
        int contentStart = 0;
        for (String atom : atoms(html)) {
            if (atom.startsWith("<")) {
                boolean closing = atom.startsWith("</");
                int closeCost = closingLength(open);
                if (!closing) {
                    closeCost += name(atom).length() + 3;
                }
                if (cur.length() + atom.length() + closeCost > limit && cur.length() > contentStart) {
                    contentStart = flush(parts, cur, open);
                }
                cur.append(atom);
                if (closing) {
                    if (!open.isEmpty() && open.peekFirst().name().equals(name(atom))) {
                        open.pollFirst();
                    }
                } else {
                    open.addFirst(new Open(name(atom), atom));
                }
                continue;
            }
            String word = atom;
            while (!word.isEmpty()) {
                int room = limit - cur.length() - closingLength(open);
                if (word.length() <= room) {
                    cur.append(word);
                    break;
                }
                if (cur.length() > contentStart && word.length() <= limit - contentStart - closingLength(open)) {
                    contentStart = flush(parts, cur, open);
                    continue;
                }
                int cut = safeCut(word, Math.max(1, room));
                cur.append(word, 0, cut);
                word = word.substring(cut);
                contentStart = flush(parts, cur, open);
            }
        }
        if (cur.length() > contentStart) {
            parts.add(cur.toString());
        }
        parts.removeIf(p -> plain(p).isBlank());
        return parts;
    }

    private static int flush(List<String> parts, StringBuilder cur, Deque<Open> open) {
        open.forEach(o -> cur.append("</").append(o.name()).append('>'));
        parts.add(cur.toString());
        cur.setLength(0);
        open.descendingIterator().forEachRemaining(o -> cur.append(o.tag()));
        return cur.length();
    }

    private static int closingLength(Deque<Open> open) {
        int n = 0;
        for (Open o : open) {
            n += o.name().length() + 3;
        }
        return n;
    }

    private static String name(String tag) {
        int start = tag.startsWith("</") ? 2 : 1;
        int end = start;
        while (end < tag.length() && Character.isLetterOrDigit(tag.charAt(end))) {
            end++;
        }
        return tag.substring(start, end);
    }

    /** A cut at most {@code max} units into a word that splits neither an entity nor a surrogate pair. */
    private static int safeCut(String word, int max) {
        int cut = Math.min(max, word.length());
        int amp = word.lastIndexOf('&', cut - 1);
        if (amp >= 0) {
            int semi = word.indexOf(';', amp);
            if (semi >= cut && semi - amp <= 10 && amp > 0) {
                cut = amp;
            }
        }
        if (cut < word.length() && cut > 0 && Character.isHighSurrogate(word.charAt(cut - 1))) {
            cut--;
        }
        return Math.max(1, cut);
    }

    /** Tags, and words with the whitespace after them. */
    private static List<String> atoms(String html) {
        List<String> atoms = new ArrayList<>();
        int i = 0;
        while (i < html.length()) {
            if (html.charAt(i) == '<') {
                int end = html.indexOf('>', i);
                end = end < 0 ? html.length() : end + 1;
                atoms.add(html.substring(i, end));
                i = end;
                continue;
            }
            int j = i;
            while (j < html.length() && html.charAt(j) != '<' && !Character.isWhitespace(html.charAt(j))) {
                j++;
            }
            while (j < html.length() && html.charAt(j) != '<' && Character.isWhitespace(html.charAt(j))) {
                j++;
            }
            atoms.add(html.substring(i, j));
            i = j;
        }
        return atoms;
    }
}

package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a string is HTML Telegram accepts: known tags, balanced, entities only as escapes. */
final class HtmlCheck {

    private static final Set<String> TAGS = Set.of("b", "i", "u", "s", "code", "pre", "blockquote", "a");
    private static final Pattern TOKEN = Pattern.compile("<(/?)([a-z]+)[^>]*>|&(?!(amp|lt|gt|quot);)|[<>]");

    private HtmlCheck() {
    }

    static void valid(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TOKEN.matcher(html);
        while (m.find()) {
            if (m.group(2) == null) {
                fail("unescaped '" + m.group() + "' at " + m.start() + " in: " + html);
            }
            String name = m.group(2);
            assertTrue(TAGS.contains(name), "unknown tag " + name + " in: " + html);
            if (m.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertEquals(name, open.isEmpty() ? null : open.pop(), "unbalanced </" + name + "> in: " + html);
            }
        }
        assertTrue(open.isEmpty(), "unclosed " + open + " in: " + html);
    }
}

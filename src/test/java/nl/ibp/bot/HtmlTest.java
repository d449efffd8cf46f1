package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEverythingTelegramParses() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Html.esc("a <b> & \"c\""));
        assertEquals("a <b> & \"c\"", Html.plain("<i>" + Html.esc("a <b> & \"c\"") + "</i>"));
    }

    @Test
    void shortMessagesStayWhole() {
        assertEquals(List.of("<b>kort</b>"), Html.split("<b>kort</b>", Html.LIMIT));
    }

    @Test
    void longMessagesSplitBelowTheLimitWithoutCuttingTagsOrEntities() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append("<b>Afspraak ").append(i).append("</b> <i>gemeenten &amp; provincies ").append(Html.esc("<x>"))
                    .append(" 😀 tot 2021</i>\n");
        }
        String html = "<blockquote>" + sb + "</blockquote>";
        List<String> parts = Html.split(html, Html.LIMIT);
        assertTrue(parts.size() > 3, "parts: " + parts.size());
        StringBuilder plain = new StringBuilder();
        for (String p : parts) {
            assertTrue(p.length() <= Html.LIMIT, "part of " + p.length());
            HtmlCheck.valid(p);
            assertTrue(p.startsWith("<blockquote>"), p.substring(0, 40));
            plain.append(Html.plain(p));
        }
        assertEquals(Html.plain(html).replaceAll("\\s+", ""), plain.toString().replaceAll("\\s+", ""));
    }

    @Test
    void oneHugeWordIsCutWithoutSplittingEntitiesOrSurrogates() {
        String word = "<b>" + "a&amp;😀".repeat(3000) + "</b>";
        List<String> parts = Html.split(word, 500);
        StringBuilder plain = new StringBuilder();
        for (String p : parts) {
            assertTrue(p.length() <= 500, "part of " + p.length());
            HtmlCheck.valid(p);
            assertTrue(!Character.isHighSurrogate(Html.plain(p).charAt(Html.plain(p).length() - 1)));
            plain.append(Html.plain(p));
        }
        assertEquals(Html.plain(word), plain.toString());
    }
}

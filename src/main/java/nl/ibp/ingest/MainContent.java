package nl.ibp.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The main content of a web page, as HTML: the page's {@code <main>}, {@code <article>} or
 * {@code role="main"} element when it has one, without navigation, site header and footer,
 * asides, forms, cookie bars, breadcrumbs and share buttons.
 *
 * <p>Done with jsoup on the page's own semantics rather than with Boilerpipe's text-density
 * classifier: Boilerpipe drops exactly the short blocks that matter here (headings, list items,
 * a one-line date) and returns text without the structure the passage cutter needs, while the
 * markup of government and news sites says what is navigation.
 */
final class MainContent {

    /** Elements that are never content. */
    private static final String CHROME = "nav, header, footer, aside, form, script, style, noscript, template, "
            + "button, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=dialog], "
            + "[role=search], [aria-hidden=true], [hidden]";
    /** Class or id words of cookie bars, breadcrumbs, share and skip links. */
    private static final String CHROME_NAMES =
            "(?i).*\\b(cookie|cookies|consent|cookiebar|breadcrumb|kruimelpad|share|social|skiplink|skip-link|"
                    + "sidebar|menu|navbar|newsletter|related|lees-ook)\\b.*";

    private MainContent() {
    }

    static String of(InputStream html, String baseUri) throws IOException {
        Document page = Jsoup.parse(html, null, baseUri);
        Element main = page.selectFirst("main, [role=main]");
        Element article = (main == null ? page : main).selectFirst("article");
        Element content = article != null ? article : main != null ? main : page.body();
        if (content == null) {
            return page.outerHtml();
        }
        content.select(CHROME).remove();
        for (Element e : content.select("[class], [id]")) {
            if (e.className().matches(CHROME_NAMES) || e.id().matches(CHROME_NAMES)) {
                e.remove();
            }
        }
        Document cleaned = Document.createShell(baseUri);
        cleaned.title(page.title());
        for (Element meta : page.select("head > meta[name], head > meta[property]")) {
            cleaned.head().appendChild(meta.clone());
        }
        cleaned.body().appendChild(content.clone());
        return cleaned.outerHtml();
    }
}

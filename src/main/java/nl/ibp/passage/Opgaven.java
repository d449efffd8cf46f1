package nl.ibp.passage;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ten opgaven of the IBP and the means to recognise them in headings.
 *
 * <p>The numbering follows chapter III of the Programmastart ("6. Problematische schulden…",
 * "7. Nederland en migrant voorbereid"); the overview table in chapter II swaps 6 and 7, the
 * chapters themselves are what the rest of the documents refer to.
 */
public final class Opgaven {

    public static final List<Opgave> ALL = List.of(
            new Opgave(1, "Samen aan de slag voor het klimaat", "fysiek",
                    List.of("klimaat", "klimaatadaptatie", "klimaatmitigatie", "energietransitie",
                            "circulaire economie", "aardgasvrij", "klimaatakkoord", "energie")),
            new Opgave(2, "Toekomstbestendig wonen", "fysiek",
                    List.of("wonen", "woningbouw", "woningmarkt", "woningtekort", "woningen", "huisvesting")),
            new Opgave(3, "Regionale economie als versneller", "fysiek",
                    List.of("regionale economie", "economie", "topsectoren")),
            new Opgave(4, "Naar een vitaal platteland", "fysiek",
                    List.of("platteland", "vitaal platteland", "landelijk gebied", "landbouw", "natuur")),
            new Opgave(5, "Merkbaar beter in het sociaal domein", "sociaal",
                    List.of("sociaal domein", "jeugdzorg", "jeugdhulp", "zorg", "eenzaamheid")),
            new Opgave(6, "Problematische schulden voorkomen en oplossen", "sociaal",
                    List.of("schulden", "schuldhulpverlening", "schuldenaanpak", "schuld")),
            new Opgave(7, "Nederland en migrant goed voorbereid", "sociaal",
                    List.of("migratie", "migrant", "migranten", "integratie", "inburgering", "asiel",
                            "vergunninghouders", "statushouders")),
            new Opgave(8, "Goed openbaar bestuur in een veranderende samenleving", "overkoepelend",
                    List.of("goed openbaar bestuur", "goed bestuur", "ondermijning", "democratie",
                            "weerbaar bestuur")),
            new Opgave(9, "Passende financiële verhoudingen", "overkoepelend",
                    List.of("financiële verhoudingen", "gemeentefonds", "provinciefonds",
                            "normeringsystematiek", "accres", "iusd", "emu")),
            new Opgave(10, "Overkoepelende thema's", "overkoepelend",
                    List.of("overkoepelende thema's", "krimp", "bevolkingsdaling", "europese unie",
                            "novi", "grensoverschrijdende samenwerking")));

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*\\d{1,2}\\s*[.)]\\s*");

    private Opgaven() {
    }

    public static Opgave byNumber(int number) {
        if (number < 1 || number > ALL.size()) {
            throw new IllegalArgumentException("no opgave " + number + "; opgaven are numbered 1-10");
        }
        return ALL.get(number - 1);
    }

    /**
     * The opgave whose title a heading names, e.g. "7. Nederland en migrant voorbereid": at
     * least 80% of the title's words (Jaccard over word sets) must be in the heading.
     */
    public static Optional<Opgave> byTitle(String heading) {
        Set<String> words = words(LEADING_NUMBER.matcher(heading).replaceFirst(""));
        Opgave best = null;
        double bestScore = 0;
        for (Opgave opgave : ALL) {
            Set<String> title = words(opgave.title());
            Set<String> union = new HashSet<>(title);
            union.addAll(words);
            long shared = title.stream().filter(words::contains).count();
            double score = (double) shared / union.size();
            if (score > bestScore) {
                bestScore = score;
                best = opgave;
            }
        }
        return bestScore >= 0.75 ? Optional.of(best) : Optional.empty();
    }

    /**
     * The opgave a heading outside chapter III is about (e.g. "Bijlage 1 - Complete tekst samen
     * aan de slag voor het klimaat"), by its title or an alias as whole words; the first
     * opgave that matches wins, so the most specific aliases live with the lower numbers.
     */
    public static Optional<Opgave> mentionedIn(String heading) {
        String text = padded(heading);
        for (Names n : NAMES) {
            if (text.contains(n.title())) {
                return Optional.of(n.opgave());
            }
        }
        for (Names n : NAMES) {
            for (String alias : n.aliases()) {
                if (text.contains(alias)) {
                    return Optional.of(n.opgave());
                }
            }
        }
        return Optional.empty();
    }

    /** An opgave's title and aliases, normalised once: every question is matched against them. */
    private record Names(Opgave opgave, String title, List<String> aliases) {
    }

    private static final List<Names> NAMES = ALL.stream()
            .map(o -> new Names(o, padded(o.title()), o.aliases().stream().map(Opgaven::padded).toList()))
            .toList();

    /** Normalised words joined by single spaces, with a space on either side for whole-word matching. */
    private static String padded(String text) {
        return " " + String.join(" ", normalize(text)) + " ";
    }

    /**
     * The opgave a text is about by its content, for passages outside the opgave chapters: a
     * title counts three, each alias mention one; the best must reach 2 and stand alone.
     */
    public static Optional<Opgave> about(String text) {
        String t = padded(text);
        Opgave best = null;
        int bestScore = 0;
        boolean tie = false;
        for (Names n : NAMES) {
            int score = 3 * count(t, n.title());
            for (String alias : n.aliases()) {
                score += count(t, alias);
            }
            if (score > bestScore) {
                best = n.opgave();
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return bestScore >= 2 && !tie ? Optional.of(best) : Optional.empty();
    }

    private static int count(String normalizedText, String p) {
        int n = 0;
        for (int i = normalizedText.indexOf(p); i >= 0; i = normalizedText.indexOf(p, i + 1)) {
            n++;
        }
        return n;
    }

    private static Set<String> words(String text) {
        return new HashSet<>(normalize(text));
    }

    /** Lower-cased, accent-folded words. */
    static List<String> normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(NON_WORD.split(folded)).filter(w -> !w.isEmpty()).toList();
    }
}

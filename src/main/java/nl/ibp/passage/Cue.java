package nl.ibp.passage;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kinds of answer a text holds: a date or year (for "wanneer"), a number or amount (for
 * "hoeveel"), an organisation or role (for "wie"), a commitment to act (for "wat gaan ze doen"). The index stores them per passage, so a
 * question can prefer passages that hold the kind of answer it asks for.
 */
public enum Cue {
    DATE(Pattern.compile(
            "\\b(1[89]\\d\\d|20\\d\\d)\\b|\\b\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\\b"
                    + "|\\b(voorjaar|najaar|zomer|kwartaal|helft van|jaarlijks|per jaar)\\b")),
    NUMBER(Pattern.compile(
            "\\d|(?iu)\\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|honderd|duizend|miljoen|miljard|"
                    + "twaalftal|tiental|aantal|helft)\\b|%|procent|€")),
    ACTOR(Pattern.compile(
            "\\b(VNG|IPO|UvW|Rijk|kabinet|minister|ministers|staatssecretaris|gemeenten|provincies|waterschappen|koepels|"
                    + "directeur|voorzitter|DG|regie|voortouw|verantwoordelijk|verantwoordelijkheid|trekker|trekkers|coördineert)\\b")),
    /** A commitment to act, for "wat gaan ze doen": the future and the verbs of starting and agreeing. */
    ACTION(Pattern.compile(
            "(?iu)\\b(gaan|gaat|zullen|zal|komt|komen|starten|start|ontwikkelen|ontwikkelt|investeren|investeert"
                    + "|inrichten|richten|afgesproken|spreken|afspraken|actieprogramma|programma)\\b"));

    /** A year or a span of years ("2015-2017", "in 2018"): a date, no amount. */
    private static final Pattern YEARS = Pattern.compile("\\b(?:19|20)\\d\\d(?:\\s*[-–]\\s*(?:19|20)?\\d\\d)?\\b");

    private final Pattern pattern;

    Cue(Pattern pattern) {
        this.pattern = pattern;
    }

    public boolean in(String text) {
        return pattern.matcher(text).find();
    }

    /** Whether the text holds a number or amount besides its years: what "hoeveel" asks for. */
    public static boolean amountIn(String text) {
        return NUMBER.in(YEARS.matcher(text).replaceAll(" "));
    }

    public static Set<Cue> of(String text) {
        Set<Cue> cues = EnumSet.noneOf(Cue.class);
        for (Cue cue : values()) {
            if (cue.in(text)) {
                cues.add(cue);
            }
        }
        return cues;
    }
}

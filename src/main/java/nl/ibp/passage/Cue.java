package nl.ibp.passage;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kinds of answer a text holds: a date or year (for "wanneer"), a number or amount (for
 * "hoeveel"), an organisation or role (for "wie"). The index stores them per passage, so a
 * question can prefer passages that hold the kind of answer it asks for.
 */
public enum Cue {
    DATE(Pattern.compile(
            "\\b(1[89]\\d\\d|20\\d\\d)\\b|\\b\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\\b"
                    + "|\\b(voorjaar|najaar|zomer|kwartaal|helft van|jaarlijks|per jaar)\\b")),
    NUMBER(Pattern.compile(
            "\\d|\\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|honderd|duizend|miljoen|miljard|"
                    + "twaalftal|tiental|aantal|helft)\\b|%|procent|€")),
    ACTOR(Pattern.compile(
            "\\b(VNG|IPO|UvW|Rijk|kabinet|minister|ministers|staatssecretaris|gemeenten|provincies|waterschappen|koepels|"
                    + "directeur|voorzitter|DG|regie|voortouw|verantwoordelijk|verantwoordelijkheid|trekker|trekkers|coördineert)\\b"));

    private final Pattern pattern;

    Cue(Pattern pattern) {
        this.pattern = pattern;
    }

    public boolean in(String text) {
        return pattern.matcher(text).find();
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

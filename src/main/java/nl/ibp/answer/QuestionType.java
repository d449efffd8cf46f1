package nl.ibp.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, from its question word: "wanneer" wants a date or
 * year, "hoeveel" a number or amount, "wie" an organisation or role.
 */
public enum QuestionType {
    WHEN(Pattern.compile("\\b(wanneer|welk jaar|welke datum|per wanneer|vanaf wanneer|sinds wanneer|tot wanneer|hoe lang|deadline|uiterlijk|datum)\\b")),
    HOW_MANY(Pattern.compile("\\b(hoeveel|hoe groot|hoe veel|hoe hoog|welk bedrag|hoe vaak)\\b")),
    WHO(Pattern.compile("\\b(wie|welke partij(en)?|welke minister|welke organisatie|verantwoordelijk|trekker|voortouw|regie)\\b")),
    OTHER(Pattern.compile("(?!)"));

    private final Pattern cue;

    QuestionType(Pattern cue) {
        this.cue = cue;
    }

    public static QuestionType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        for (QuestionType type : values()) {
            if (type.cue.matcher(q).find()) {
                return type;
            }
        }
        return OTHER;
    }
}

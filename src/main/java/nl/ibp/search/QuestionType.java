package nl.ibp.search;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.ibp.passage.Cue;

/**
 * What kind of answer a question asks for, from its question word: "wanneer" wants a date or
 * year, "hoeveel" a number or amount, "wie" an organisation or role.
 */
public enum QuestionType {
    /**
     * "waarom wordt de wet uitgesteld?", "wat is de reden daarvan?": a cause or purpose. Read before
     * the others, so "waarom duurt het tot 2021?" asks for the reason, not the date.
     */
    REASON(Pattern.compile("^\\W*(en\\s+)?(waarom|waardoor)\\b|\\b(om welke reden(?:en)?|wat (is|zijn|was|waren) de (reden(?:en)?|oorzaak|oorzaken|aanleiding)|hoe komt het|waardoor komt)\\b")),
    WHEN(Pattern.compile("\\b(wanneer|welk jaar|welke jaren|welke periode|welke datum|per wanneer|vanaf wanneer|sinds wanneer|tot wanneer|hoe lang|hoe oud|deadline|uiterlijk|datum)\\b")),
    HOW_OFTEN(Pattern.compile("\\b(hoe vaak|hoe dikwijls|hoe regelmatig|met welke frequentie)\\b")),
    /** "hoeveel geld is er voor …", "welk bedrag", "wat kost dat": an amount of money, not any number. Read before HOW_MANY. */
    MONEY(Pattern.compile("\\b(?:hoeveel|hoe\\s+veel|hoe\\s+groot|hoe\\s+hoog)\\s+(?:\\p{L}+\\s+){0,2}?"
            + "(?:geld|budget|bedrag|geldbedrag|middelen|euro)\\b|\\bwelk\\s+bedrag\\b|\\bwat\\s+(?:kost|kosten|kostte|kostten)\\b")),
    HOW_MANY(Pattern.compile("\\b(hoeveel|hoe groot|hoe veel|hoe hoog|welk bedrag|welke? (?:deel|aandeel|percentage)|wat (?:kost|kosten|kostte|kostten))\\b")),
    /** "wie heeft die ledenbrief ondertekend?": the signature of a letter, not its text. */
    SIGNER(Pattern.compile("\\b(ondertekend|ondertekende|ondertekenden|getekend|ondertekenaar|ondertekenaars|ondertekening|afzender)\\b")),
    WHO(Pattern.compile("\\b(wie|welke partij(en)?|welke minister|welke organisatie|verantwoordelijk|trekker|voortouw|regie)\\b")),
    /**
     * "wat vindt de VNG van de tekorten?", "wat is het standpunt van het IPO?": a position taken.
     * Read after WHO: "wie heeft daar een mening over?" asks who.
     */
    OPINION(Pattern.compile("\\bwat\\s+(vindt|vinden|vond|vonden)\\b|\\bhoe\\s+(staat|staan|kijkt|kijken)\\b[^?]*\\b(tegenover|aan\\s+tegen)\\b"
            + "|\\b(standpunt|standpunten|mening|opvatting|reactie)\\b")),
    /** "wat gaan Rijk en gemeenten daaraan doen", "wat doet de overheid aan laadpalen": what is done. */
    ACTION(Pattern.compile("\\bwat\\b[^?.]*\\b(doen|doet|gedaan|ondernemen|onderneemt|ondernomen|gebeurt|gebeuren)\\b")),
    /** "noem de vijf industrieclusters", "welke thema's staan op de agenda?": a list. */
    LIST(Pattern.compile("^\\W*(noem|som)\\b|\\bwelke\\b[^?]*\\b(zijn er|zijn dat|staan)\\b|\\bgeef\\b[^?]*\\b(overzicht|lijst|opsomming)\\b")),
    /** "wat is de brede koppeling", "wat betekent trap-op-trap-af": what something is. */
    /** "hoe wordt recidive voorkomen?", "hoe gaan gemeenten dat doen?": the way something is done, by whom. */
    HOW(Pattern.compile("^\\W*hoe\\s+(wordt?|worden|gaat|gaan|kan|kunnen|moet|moeten|zal|zullen|werkt|werken)\\b")),
    DEFINITION(Pattern.compile("^\\W*wat\\s+(is|zijn|betekent|betekenen|houdt|bedoelt|bedoelen)\\b")),
    OTHER(Pattern.compile("(?!)"));

    private final Pattern pattern;

    QuestionType(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The kind of text that answers this type of question. */
    public Optional<Cue> cue() {
        return switch (this) {
            case WHEN -> Optional.of(Cue.DATE);
            case HOW_MANY, MONEY -> Optional.of(Cue.NUMBER);
            case HOW_OFTEN -> Optional.of(Cue.FREQUENCY);
            case WHO, SIGNER, HOW -> Optional.of(Cue.ACTOR);
            case ACTION -> Optional.of(Cue.ACTION);
            case REASON -> Optional.of(Cue.REASON);
            case OPINION -> Optional.of(Cue.OPINION);
            case LIST, DEFINITION, OTHER -> Optional.empty();
        };
    }

    /** Whether the answer is an amount: a number ("hoeveel gemeenten"), or money ("hoeveel geld"). */
    public boolean asksAmount() {
        return this == HOW_MANY || this == MONEY;
    }

    /**
     * Phrases that only say what kind of answer is wanted, or ask how things stand now: "hoe lang",
     * "over welke jaren", "loopt dat nu nog". Their words ("lang", "jaren", "loopt") are no subject
     * of the question, and a passage that answers it seldom repeats them.
     */
    private static final Pattern ASKING_PHRASES = Pattern.compile("(?iu)\\b(?:"
            + "hoe\\s+(?:lang|vaak|groot|hoog|veel|snel|ver|oud)"
            + "|(?:over|voor|in|tot)?\\s*welke?\\s+(?:jaar|jaren|periode|datum|termijn|bedrag|deel|aandeel|percentage)"
            + "|(?:loopt|lopen|geldt|gelden|speelt|spelen)\\s+(?:dat|die|het|dit|deze)(?:\\s+(?:nu|nog|al|inmiddels|steeds|wel|eigenlijk))+"
            + "|(?:is|zijn)\\s+(?:dat|die|het|dit|deze)(?:\\s+(?:nu|nog|al|inmiddels))*\\s+(?:verstreken|voorbij|verlopen|geweest|gehaald|afgerond)"
            + "|(?<=wat\\s)(?:betekent|betekenen|bedoelt|bedoelen)"
            + "|(?<=wat\\s)(?:wordt|worden)\\s+(?:er\\s+)?bedoeld"
            + ")\\b");
    /** "wat houdt die challenge in?": "houdt … in" only asks what it is. */
    private static final Pattern HOLDS_IN = Pattern.compile("(?iu)\\bwat\\s+(houdt|houden)\\b(.*?)\\bin\\s*[?!.]*\\s*$");

    private static final Pattern SIGNING = Pattern.compile(SIGNER.pattern.pattern(),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The question without its {@link #ASKING_PHRASES}: what its subject words are read from. */
    public static String content(String question) {
        String asked = ASKING_PHRASES.matcher(HOLDS_IN.matcher(question).replaceAll("wat $2")).replaceAll(" ");
        // In "wie heeft die brief ondertekend?", "ondertekend" says what is asked for, as "wanneer"
        // does; the letter it names is the subject. In "wanneer worden de deals getekend?" it is the subject.
        return of(question) == SIGNER ? SIGNING.matcher(asked).replaceAll(" ") : asked;
    }

    public static QuestionType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        for (QuestionType type : values()) {
            if (type.pattern.matcher(q).find()) {
                return type;
            }
        }
        return OTHER;
    }
}

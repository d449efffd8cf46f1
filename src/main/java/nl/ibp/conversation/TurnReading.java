package nl.ibp.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a turn is to be read, from its wording alone: a switch to a new subject ("andere vraag:"),
 * a follow-up that leans on the turn before ("en wie betaalt dat?", "wat doen de provincies
 * daar?", "en wanneer?"), small talk, or a question in English. This is knowledge of Dutch, not
 * of the documents, so it lives here rather than in the corpus.
 */
final class TurnReading {

    /** "Andere vraag:", "ok, iets anders:", "Heel ander onderwerp –": the user says the subject changes. */
    private static final Pattern SWITCH = Pattern.compile(
            "(?iu)^\\W*(?:(?:ok[eé]?|oké|goed|prima|top|dank\\s*je(?:\\s*wel)?|bedankt|helder|duidelijk)\\W+)?"
                    + "(?:(?:een\\s+|heel\\s+|totaal\\s+|compleet\\s+)?(?:ander(?:e)?\\s+(?:vraag|onderwerp|punt)|iets\\s+anders"
                    + "|nieuwe\\s+vraag|nog\\s+een\\s+vraag|los\\s+daarvan|verder)\\s*[:,.!–-]+\\s*)");
    /** Starting with "en", "maar", "ook", "dus": the turn continues the one before. */
    private static final Pattern CONTINUES = Pattern.compile("(?iu)^\\W*(?:en|maar|ook|dus|oké\\s+en|ok\\s+en)\\b");
    /** "daarvoor", "hieraan", "daar": pointing back at what was said. */
    private static final Pattern POINTS_BACK = Pattern.compile(
            "(?iu)\\b(?:daar|hier)(?:voor|van|bij|in|aan|mee|over|op|door|na|om|uit|tegen|toe|naast|onder|achter|tussen)?\\b");
    /** "dat", "die", "deze": pointing back, when the turn has few words of its own. */
    private static final Pattern DEMONSTRATIVE = Pattern.compile("(?iu)\\b(?:dat|die|deze|dit|dezelfde|datzelfde|zij|ze|hun)\\b");
    private static final Pattern OPGAVE_NUMBER = Pattern.compile("(?iu)\\bopgave\\s*\\d{1,2}\\b");
    private static final String PREPOSITIONS = "voor|over|bij|met|in|van|naar|aan|op|tegen|rond|rondom|binnen";
    private static final Pattern QUESTION_WORD = Pattern.compile(
            "(?iu)\\b(?:wat|wie|welke?|hoe|waarom|waar|wanneer|hoeveel|is|zijn|wordt|worden|gaat|gaan|moet|moeten)\\b");
    /** At most this many words of its own, and a demonstrative makes a turn a follow-up. */
    private static final int FEW_WORDS = 3;

    private static final Set<String> GREETINGS = Set.of(
            "hallo", "hoi", "hey", "hee", "hai", "hi", "hello", "goedemorgen", "goedemiddag", "goedenavond", "goedendag",
            "dag", "doei", "dank", "bedankt", "dankjewel", "dankuwel", "thanks", "top", "prima", "oké", "ok", "oke",
            "super", "mooi", "fijn", "groetjes", "groeten", "tot", "ziens", "straks", "morgen", "je", "u", "wel",
            "allemaal", "iedereen", "daar", "nou", "ja", "nee", "welkom", "fijne", "avond", "middag", "en");
    private static final Set<String> ENGLISH = Set.of(
            "the", "what", "who", "when", "where", "why", "how", "which", "does", "do", "are", "were", "will", "would",
            "should", "can", "could", "of", "for", "to", "and", "with", "about", "have", "has", "there", "much", "many");
    private static final Set<String> DUTCH = Set.of(
            "de", "het", "een", "wat", "wie", "wanneer", "hoe", "is", "zijn", "van", "voor", "en", "met", "over", "er",
            "moeten", "gaan", "hoeveel", "welke", "waarom", "wordt", "worden", "ook", "niet", "die", "dat");

    private TurnReading() {
    }

    /** The turn without a leading switch marker, and whether it had one. */
    record Stripped(String text, boolean switched) {
    }

    static Stripped withoutSwitch(String text) {
        Matcher m = SWITCH.matcher(text);
        if (m.find() && m.end() < text.length()) {
            return new Stripped(text.substring(m.end()).strip(), true);
        }
        return new Stripped(text, false);
    }

    /**
     * Whether a turn leans on the one before. {@code ownTerms} is the number of content words it
     * has of its own (after analysis), so "en wanneer?" (none) leans, a full question does not.
     */
    static boolean isFollowUp(String text, int ownTerms) {
        if (OPGAVE_NUMBER.matcher(text).find()) {
            return false;
        }
        return ownTerms == 0
                || CONTINUES.matcher(text).find()
                || POINTS_BACK.matcher(text).find()
                || ownTerms <= FEW_WORDS && DEMONSTRATIVE.matcher(text).find();
    }

    /**
     * Whether a follow-up points back at what was just answered ("en wie betaalt dat?", "welke
     * opgaven hangen daaraan?", "en wanneer?"), rather than putting a new subject in the old
     * question's place ("en voor klimaatadaptatie?").
     */
    static boolean pointsBack(String text, int ownTerms) {
        return ownTerms == 0 || POINTS_BACK.matcher(text).find() || DEMONSTRATIVE.matcher(text).find();
    }

    /** "en voor klimaatadaptatie?", "en bij de provincies?": only a new object for the question before. */
    private static final Pattern ELLIPTIC = Pattern.compile(
            "(?iu)^\\W*(?:en|maar|ook|ok[eé]?\\s+en|oké\\s+en)?\\s*(?:hoe\\s+zit\\s+het\\s+)?(" + PREPOSITIONS + ")\\s+"
                    + "([^?.!,;:]{2,60}?)\\s*[?.!]*\\s*$");
    /** The question before, up to the object of its last preposition: "wie heeft de regie |over| het klimaatakkoord". */
    private static final Pattern LAST_OBJECT = Pattern.compile(
            "(?iu)^(.*\\S)\\s+(?:" + PREPOSITIONS + ")\\s+[^?.!,;:]{2,60}?\\s*[?.!]*\\s*$");

    /**
     * An elliptic follow-up read as the full question it stands for: "en voor klimaatadaptatie?"
     * after "wie heeft de regie over het klimaatakkoord?" asks "wie heeft de regie voor
     * klimaatadaptatie?". Empty when the turn is not of that form or the question before ends in no
     * object to put it in place of.
     */
    static Optional<String> inPlaceOf(String turn, String before) {
        Matcher t = ELLIPTIC.matcher(turn);
        if (!t.matches() || QUESTION_WORD.matcher(t.group(2)).find()) {
            return Optional.empty();
        }
        Matcher b = LAST_OBJECT.matcher(before.strip());
        if (!b.matches()) {
            return Optional.empty();
        }
        return Optional.of(b.group(1) + " " + t.group(1) + " " + t.group(2).strip() + "?");
    }

    /** A greeting or thanks and nothing else ("goedemorgen", "dank je wel!"). */
    static boolean isSmallTalk(String text) {
        String[] words = words(text);
        if (words.length == 0 || words.length > 6) {
            return false;
        }
        for (String w : words) {
            if (!GREETINGS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Mostly English function words: the documents are Dutch, the user is told so. */
    static boolean isEnglish(String text) {
        int english = 0;
        int dutch = 0;
        for (String w : words(text)) {
            english += ENGLISH.contains(w) ? 1 : 0;
            dutch += DUTCH.contains(w) ? 1 : 0;
        }
        return english >= 2 && english > dutch;
    }

    private static String[] words(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s']+", " ").strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}

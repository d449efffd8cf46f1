package nl.ibp.ingest;

import java.util.regex.Pattern;

/**
 * The closing formula of a Dutch letter ("Met vriendelijke groet,", "Hoogachtend,"): where the
 * message ends and the signature block starts, and what an answer about who signed leaves out.
 */
public final class Closings {

    static final Pattern CLOSING = Pattern.compile(
            "^(Met vriendelijke groet(en)?|Vriendelijke groet(en)?|Hoogachtend|Met hoogachting"
                    + "|Met collegiale groet(en)?|Met een vriendelijke groet)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORMULA = Pattern.compile(
            "^\\s*(Met vriendelijke groet(en)?|Vriendelijke groet(en)?|Hoogachtend|Met hoogachting"
                    + "|Met collegiale groet(en)?|Met een vriendelijke groet)\\s*,?\\s*", Pattern.CASE_INSENSITIVE);

    private Closings() {
    }

    /** Whether a line opens the signature block. */
    public static boolean isClosing(String line) {
        return CLOSING.matcher(line).matches();
    }

    /** The text without the closing formula it starts with ("Met vriendelijke groet, VNG" → "VNG"). */
    public static String withoutFormula(String text) {
        return FORMULA.matcher(text).replaceFirst("");
    }
}

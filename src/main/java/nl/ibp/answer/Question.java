package nl.ibp.answer;

import java.util.Objects;
import java.util.Optional;

/**
 * A question as the engine reads it: the words asked now and, for a follow-up in a conversation,
 * the earlier question it leans on ("en wie betaalt dat?" after "hoe groot is het tekortenfonds?")
 * and, when it points back at what was just answered ("dat", "daaraan"), the passage that answer
 * came from. The context narrows the search; it never replaces what is asked.
 */
public record Question(String text, Optional<String> context, Optional<String> antecedent) {

    public Question {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(antecedent, "antecedent");
        context = context.map(String::strip).filter(c -> !c.isEmpty());
    }

    public Question(String text, Optional<String> context) {
        this(text, context, Optional.empty());
    }

    /** A question read on its own. */
    public static Question of(String text) {
        return new Question(text, Optional.empty());
    }

    /** The question read after {@code previous}. */
    public static Question after(String text, String previous) {
        return new Question(text, Optional.of(previous));
    }
}

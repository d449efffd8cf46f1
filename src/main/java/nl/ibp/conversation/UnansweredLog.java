package nl.ibp.conversation;

import java.time.Instant;

/**
 * Where questions without a good answer are written down (the question only: no names, no chat
 * ids), so maintainers can see what the documents lack.
 */
@FunctionalInterface
public interface UnansweredLog {

    void record(String question, Instant when);

    /** A log that forgets: for replays and tests that do not look. */
    static UnansweredLog none() {
        return (question, when) -> { };
    }
}

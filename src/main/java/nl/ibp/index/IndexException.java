package nl.ibp.index;

/** A fatal problem with the corpus or index directory, with a message fit for the user. */
public class IndexException extends RuntimeException {
    public IndexException(String message) {
        super(message);
    }

    /** With the low-level cause kept for the log, never for the user's message. */
    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}

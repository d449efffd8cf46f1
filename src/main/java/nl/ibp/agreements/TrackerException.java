package nl.ibp.agreements;

/** A problem with the agreements database or overlay, with a message fit for the user. */
public final class TrackerException extends RuntimeException {
    public TrackerException(String message) {
        super(message);
    }
}

package nl.ibp.passage;

/**
 * A data file of the corpus (the opgaven, the actors) is unreadable or malformed. The message,
 * in Dutch for the maintainer, names the file and, where it applies, the line.
 */
public final class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataFileException(String message) {
        super(message);
    }
}

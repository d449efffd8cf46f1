package nl.ibp.index;

/** Another run (another process, or another thread outside the {@link Reindexer}) holds the index lock. */
public final class IndexBusyException extends IndexException {
    public IndexBusyException(String message) {
        super(message);
    }
}

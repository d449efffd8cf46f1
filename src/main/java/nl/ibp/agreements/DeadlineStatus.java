package nl.ibp.agreements;

/** Where a deadline stands on a given day: its span is over, it covers the day, or it lies ahead. */
public enum DeadlineStatus {
    PASSED("verstreken"), RUNNING("loopt"), UPCOMING("komend");

    private final String dutch;

    DeadlineStatus(String dutch) {
        this.dutch = dutch;
    }

    /** The word users read: "verstreken", "loopt", "komend". */
    public String dutch() {
        return dutch;
    }
}

package nl.ibp.analysis;

/**
 * A configuration file for the analysis (synonyms, compound dictionary, stem overrides) could not
 * be read or is malformed. The message names the source and, where it applies, the line number.
 */
public final class AnalysisConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AnalysisConfigException(String message) {
        super(message);
    }

    public AnalysisConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

package nl.ibp.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version and build time of this build, from the filtered {@code nl/ibp/build.properties}. */
public record Build(String version, String time) {

    private static final Build CURRENT = load();

    public static Build current() {
        return CURRENT;
    }

    /** "0.1.0 (2026-11-28T10:00:00Z)": shown by --version and written into every index generation. */
    public String id() {
        return version + " (" + time + ")";
    }

    private static Build load() {
        Properties p = new Properties();
        try (InputStream in = Build.class.getResourceAsStream("/nl/ibp/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading build.properties from the jar", e);
        }
        return new Build(p.getProperty("version", "dev"), p.getProperty("build", "unknown"));
    }
}

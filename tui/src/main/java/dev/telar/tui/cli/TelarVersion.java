package dev.telar.tui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The project version that Maven wrote into {@code dev/telar/tui/version.properties}. Apart from
 * {@link VersionProvider} so that the start line of the log, written on every start, does not
 * load picocli (see {@link DashboardStart}).
 */
public final class TelarVersion {
    static final String RESOURCE = "/dev/telar/tui/version.properties";

    private TelarVersion() {
    }

    /** The project version, or "unknown" when the resource is missing or was not filtered. */
    public static String version() {
        try (InputStream in = TelarVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            String v = props.getProperty("version", "unknown").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}

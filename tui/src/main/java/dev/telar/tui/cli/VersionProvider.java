package dev.telar.tui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version that Maven wrote into {@code dev/telar/tui/version.properties}. */
public final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "/dev/telar/tui/version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"telar " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }

    /** The project version, or "unknown" when the resource is missing or was not filtered. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
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

package dev.telar.tui.cli;

import dev.telar.config.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The usage help's texts ({@code usage_<code>.properties} beside this class) as a resource bundle
 * for picocli. The bundle is read for the language Telar resolved, not looked up by
 * {@link ResourceBundle#getBundle}, which would follow the JVM's default locale instead of
 * {@code --lang}, {@code TELAR_LANG} and the settings file.
 */
final class UsageHelp {
    private UsageHelp() {
    }

    /** The usage texts in {@code language}. */
    static ResourceBundle bundle(Language language) {
        String name = "usage_" + language.code() + ".properties";
        try (InputStream in = UsageHelp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the usage bundle " + name + " is missing from the build");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new PropertyResourceBundle(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the usage bundle " + name, e);
        }
    }
}

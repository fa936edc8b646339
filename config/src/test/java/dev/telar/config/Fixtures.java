package dev.telar.config;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Fixture files and environments for the loader's tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** The fixture under src/test/resources, e.g. {@code invalid/unknown-key.yaml}. */
    static Path fixture(String name) {
        URL url = Fixtures.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An environment with HOME=/home/ana, an English UTF-8 locale and no XDG variables, plus
     * {@code pairs} (name, value, name, value...); a null value unsets the name.
     */
    static Function<String, String> env(String... pairs) {
        Map<String, String> vars = new HashMap<>(Map.of("HOME", "/home/ana", "LANG", "en_US.UTF-8"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                vars.remove(pairs[i]);
            } else {
                vars.put(pairs[i], pairs[i + 1]);
            }
        }
        return vars::get;
    }

    /** A loader reading {@code file} (as if given with --config) in {@link #env}. */
    static Settings load(String file, String... envPairs) {
        return load(Overrides.none(), file, envPairs);
    }

    static Settings load(Overrides flags, String file, String... envPairs) {
        return new SettingsLoader(env(envPairs)).load(flags.withConfig("--config", fixture(file).toString()));
    }

    /** The defaults as the loader gives them in {@link #env}. */
    static Settings defaults() {
        return Settings.defaults().withLogFile(Path.of("/home/ana/.local/state/telar/telar.log"));
    }
}

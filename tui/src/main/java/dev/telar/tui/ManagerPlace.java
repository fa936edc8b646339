package dev.telar.tui;

import dev.telar.config.ManagerSettings;
import dev.telar.config.Settings;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerTarget;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which manager Telar's remote work talks to, as the settings' {@code manager} block, the options
 * and the environment say; used by the dashboard and every remote command alike, so they find the
 * same manager and the same key.
 */
public final class ManagerPlace {
    private ManagerPlace() {
    }

    /**
     * The manager at {@code address} with the key from {@code keyFile}; without one, from
     * {@code manager.key-file}; without that, the variable {@value ManagerKey#VARIABLE} when it is
     * set in {@code env}, else the file {@code telar manager serve} keeps in the state directory.
     * The key itself is not read here.
     */
    public static ManagerTarget target(String address, Path keyFile, ManagerSettings m, Function<String, String> env) {
        Optional<Path> file = Optional.ofNullable(keyFile != null ? keyFile.toAbsolutePath() : m.keyFile());
        String variable = env.apply(ManagerKey.VARIABLE);
        if (file.isEmpty() && (variable == null || variable.isBlank())) {
            file = Optional.of(ManagerKey.defaultFile(Settings.stateDirectory(env)));
        }
        return new ManagerTarget(address, file, m.sessionMillis());
    }

    /** The manager the settings name, if they name one (the dashboard offers remote runs only then). */
    public static Optional<ManagerTarget> configured(Settings settings, Function<String, String> env) {
        ManagerSettings m = settings.manager();
        return m.configuredAddress().map(address -> target(address, null, m, env));
    }
}

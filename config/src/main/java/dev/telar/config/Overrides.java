package dev.telar.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Values given on the command line, which override the file and the environment. Each keeps the
 * option's name so that a bad value is reported as, e.g., {@code --theme: unknown theme 'pink'}.
 * Immutable.
 */
public final class Overrides {
    private static final Overrides NONE = new Overrides(new EnumMap<>(SettingKey.class), null, null);

    private final Map<SettingKey, RawValue> values;
    private final String configOption;
    private final String configPath;

    private Overrides(Map<SettingKey, RawValue> values, String configOption, String configPath) {
        this.values = values;
        this.configOption = configOption;
        this.configPath = configPath;
    }

    /** No option given. */
    public static Overrides none() {
        return NONE;
    }

    /**
     * These overrides plus {@code key} set to {@code value} by {@code option}.
     *
     * @param value the option's argument as typed, e.g. "0.5" or "es"; null when the option was not given
     */
    public Overrides with(SettingKey key, String option, String value) {
        if (value == null) {
            return this;
        }
        Map<SettingKey, RawValue> more = new EnumMap<>(SettingKey.class);
        more.putAll(values);
        more.put(key, RawValue.scalar(value, Origin.flag(option)));
        return new Overrides(more, configOption, configPath);
    }

    /** These overrides with a switch: on or off, null when not given. */
    public Overrides with(SettingKey key, String option, Boolean on) {
        return on == null ? this : with(key, option, on ? "true" : "false");
    }

    /** These overrides with the settings file named by {@code option} (e.g. --config); null path: not given. */
    public Overrides withConfig(String option, String path) {
        return path == null ? this : new Overrides(values, option, path);
    }

    Map<SettingKey, RawValue> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The settings file's path as given, or null. */
    String configPath() {
        return configPath;
    }

    /** The option that gave {@link #configPath()}. */
    String configOption() {
        return configOption;
    }
}

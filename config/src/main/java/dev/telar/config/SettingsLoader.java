package dev.telar.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds {@link Settings} from, lowest first: the defaults, the settings file, the environment
 * variables {@code TELAR_REFRESH}, {@code TELAR_LANG} and {@code TELAR_THEME}, and the command
 * line's {@link Overrides}. Every value is checked by {@link SettingsDraft}; the first bad one
 * ends the load with a one-line {@link SettingsException} that starts with its source.
 *
 * <p>Without a file nothing but a file-existence check happens: the YAML parser is loaded only to
 * read a file, which keeps the dashboard's start quick. Stateless apart from the environment;
 * safe to share.
 */
public final class SettingsLoader {
    /** Environment variable naming the settings file, below {@code --config}. */
    public static final String CONFIG_ENV = "TELAR_CONFIG";
    /** A settings file is a few hundred bytes; anything this large is the wrong file. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private final Function<String, String> env;

    /** @param env environment variables, name to value (null when unset); {@code System::getenv} for the real ones */
    public SettingsLoader(Function<String, String> env) {
        this.env = env;
    }

    /**
     * The file to read: the one {@code flags} name ({@code --config}), else {@code $TELAR_CONFIG},
     * else {@code $XDG_CONFIG_HOME/telar/config.yaml}, else {@code ~/.config/telar/config.yaml}.
     *
     * @throws SettingsException when the option or variable holds no usable path
     */
    public ConfigLocation locate(Overrides flags) {
        if (flags.configPath() != null) {
            return new ConfigLocation(pathOf(flags.configPath(), flags.configOption()), flags.configOption());
        }
        String fromEnv = env.apply(CONFIG_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new ConfigLocation(pathOf(fromEnv, CONFIG_ENV), CONFIG_ENV);
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        // The XDG spec says to ignore a relative value.
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Settings.home(env).resolve(".config");
        return new ConfigLocation(base.resolve("telar").resolve("config.yaml"), null);
    }

    /** The settings from the file {@link #locate} finds, the environment and {@code flags}. */
    public Settings load(Overrides flags) {
        return load(locate(flags), flags);
    }

    /**
     * The settings from the file at {@code location} (a default location may be absent), the
     * environment and {@code flags}.
     *
     * @throws SettingsException for an unreadable or invalid file, or a bad variable or option value
     */
    public Settings load(ConfigLocation location, Overrides flags) {
        return assemble(readFile(location), flags);
    }

    /**
     * The settings from YAML text instead of a file, then the environment and {@code flags}.
     *
     * @param name how messages name the text, e.g. its file name
     */
    public Settings loadText(String yaml, String name, Overrides flags) {
        return assemble(YamlSettingsFile.parse(yaml, name), flags);
    }

    /** True when the file at {@code location} exists, so that {@link #load} would read it. */
    public static boolean exists(ConfigLocation location) {
        return Files.exists(location.path());
    }

    private Settings assemble(Map<SettingKey, RawValue> file, Overrides flags) {
        SettingsDraft draft = new SettingsDraft(env);
        file.forEach(draft::apply);
        for (SettingKey key : SettingKey.values()) {
            String value = key.envVar() == null ? null : env.apply(key.envVar());
            if (value != null && !value.isEmpty()) {
                draft.apply(key, RawValue.scalar(value, Origin.env(key.envVar())));
            }
        }
        flags.values().forEach(draft::apply);
        return draft.build();
    }

    private Map<SettingKey, RawValue> readFile(ConfigLocation location) {
        Path path = location.path();
        String name = path.toString();
        String fix = location.explicit() ? "check the path given with " + location.chosenBy()
                : "fix it, or name another file with --config PATH";
        if (!location.explicit() && !Files.exists(path)) {
            return Map.of(); // no file of one's own yet: the defaults apply
        }
        if (Files.isDirectory(path)) {
            throw new SettingsException("cannot read " + name + ": it is a directory; " + fix);
        }
        String text;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new SettingsException("cannot read " + name + ": " + size + " bytes is far too large for a "
                        + "settings file; " + fix);
            }
            // A strict decoder: a file saved in Latin-1 is reported instead of read as replacement characters.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            throw new SettingsException("cannot read " + name + ": no such file; " + fix);
        } catch (AccessDeniedException e) {
            throw new SettingsException("cannot read " + name + ": permission denied; fix its permissions"
                    + (location.explicit() ? " or " + fix : ", or name another file with --config PATH"));
        } catch (CharacterCodingException e) {
            throw new SettingsException("cannot read " + name + ": it is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new SettingsException("cannot read " + name + ": " + e.getMessage() + "; " + fix);
        }
        return YamlSettingsFile.parse(text, name);
    }

    private static Path pathOf(String text, String origin) {
        try {
            if (!text.isBlank()) {
                return Path.of(text);
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw new SettingsException(origin + ": '" + text + "' is not a file path; name the settings file, e.g. "
                + origin + (origin.startsWith("--") ? " " : "=") + "~/telar.yaml");
    }
}

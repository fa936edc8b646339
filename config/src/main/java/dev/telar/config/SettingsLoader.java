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
 * ends the load with a one-line {@link SettingsException} that starts with its source, in the
 * language of the messages (see {@link #language}).
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
        try {
            return where(flags);
        } catch (SettingsException e) {
            throw e.in(messageLanguage(flags, null));
        }
    }

    private ConfigLocation where(Overrides flags) {
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
        Map<SettingKey, RawValue> file;
        try {
            file = readFile(location);
        } catch (SettingsException e) {
            throw e.in(messageLanguage(flags, null));
        }
        return assemble(file, flags);
    }

    /**
     * The settings from YAML text instead of a file, then the environment and {@code flags}.
     *
     * @param name how messages name the text, e.g. its file name
     */
    public Settings loadText(String yaml, String name, Overrides flags) {
        Map<SettingKey, RawValue> file;
        try {
            file = YamlSettingsFile.parse(yaml, name);
        } catch (SettingsException e) {
            throw e.in(messageLanguage(flags, null));
        }
        return assemble(file, flags);
    }

    /**
     * The language of help and messages, known before the options are checked: the first of
     * {@code --lang}, {@code TELAR_LANG} and the settings file's {@code language} that is set
     * and valid ({@code auto} meaning the locale), else the locale (LC_ALL, LC_MESSAGES, LANG).
     * A value that is not a language is passed over, since the message may be about it, and so is
     * a file that cannot be read or located: the language then comes from the option, the
     * variable or the locale. Never throws.
     */
    public Language language(Overrides flags) {
        Language chosen = chosenLanguage(flags);
        if (chosen != null) {
            return chosen;
        }
        try {
            Language inFile = languageOf(readFile(where(flags)).get(SettingKey.LANGUAGE));
            if (inFile != null) {
                return inFile;
            }
        } catch (RuntimeException unreadable) {
            // The file's language is only wanted when the file is fine; its mistake is reported later.
        }
        return Locales.language(env);
    }

    /**
     * The language of a message about a mistake: as {@link #language}, with the file's values as
     * read ({@code file}), or without the file (null) when the file itself is what is wrong.
     */
    private Language messageLanguage(Overrides flags, Map<SettingKey, RawValue> file) {
        Language chosen = chosenLanguage(flags);
        if (chosen == null && file != null) {
            chosen = languageOf(file.get(SettingKey.LANGUAGE));
        }
        return chosen != null ? chosen : Locales.language(env);
    }

    /** The language the option, else the variable, names; the locale's for auto; null when neither names one. */
    private Language chosenLanguage(Overrides flags) {
        Language chosen = languageOf(flags.values().get(SettingKey.LANGUAGE));
        if (chosen == null) {
            String fromEnv = env.apply(SettingKey.LANGUAGE.envVar());
            if (fromEnv != null && !fromEnv.isEmpty()) {
                chosen = languageOf(RawValue.scalar(fromEnv, Origin.env(SettingKey.LANGUAGE.envVar())));
            }
        }
        return chosen;
    }

    /** The language a value names, the locale's for auto, or null for no value or one that is not a language. */
    private Language languageOf(RawValue value) {
        if (value == null || value.shape() != RawValue.Shape.SCALAR) {
            return null;
        }
        return value.text().strip().equalsIgnoreCase("auto") ? Locales.language(env)
                : Language.byCode(value.text()).orElse(null);
    }

    /** True when the file at {@code location} exists, so that {@link #load} would read it. */
    public static boolean exists(ConfigLocation location) {
        return Files.exists(location.path());
    }

    private Settings assemble(Map<SettingKey, RawValue> file, Overrides flags) {
        SettingsDraft draft = new SettingsDraft(env);
        try {
            file.forEach(draft::apply);
        } catch (SettingsException e) {
            // A mistake in the file: its own language setting is not to be trusted.
            throw e.in(messageLanguage(flags, null));
        }
        try {
            for (SettingKey key : SettingKey.values()) {
                String value = key.envVar() == null ? null : env.apply(key.envVar());
                if (value != null && !value.isEmpty()) {
                    draft.apply(key, RawValue.scalar(value, Origin.env(key.envVar())));
                }
            }
            flags.values().forEach(draft::apply);
            return draft.build();
        } catch (SettingsException e) {
            throw e.in(messageLanguage(flags, file));
        }
    }

    private Map<SettingKey, RawValue> readFile(ConfigLocation location) {
        Path path = location.path();
        String name = path.toString();
        Phrase fix = location.explicit() ? new Phrase("fix.named", location.chosenBy()) : new Phrase("fix.usual");
        if (!location.explicit() && !Files.exists(path)) {
            return Map.of(); // no file of one's own yet: the defaults apply
        }
        if (Files.isDirectory(path)) {
            throw SettingsException.of("read.directory", name, fix);
        }
        String text;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw SettingsException.of("read.toolarge", name, size, fix);
            }
            // A strict decoder: a file saved in Latin-1 is reported instead of read as replacement characters.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            throw SettingsException.of("read.missing", name, fix);
        } catch (AccessDeniedException e) {
            throw location.explicit() ? SettingsException.of("read.denied.named", name, fix)
                    : SettingsException.of("read.denied", name);
        } catch (CharacterCodingException e) {
            throw SettingsException.of("read.notutf8", name);
        } catch (IOException e) {
            throw SettingsException.of("read.failed", name, String.valueOf(e.getMessage()), fix);
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
        throw SettingsException.of("path.invalid", origin, text, origin.startsWith("--") ? " " : "=");
    }
}

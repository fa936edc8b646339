package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.config.Overrides;
import dev.telar.config.SettingKey;
import dev.telar.config.SettingsLoader;

/**
 * The language of help and of the command line's own messages, found from the raw arguments
 * before picocli parses them: help is printed, and a parse error reported, before any option has
 * a value. Uses the settings loader's rule ({@link SettingsLoader#language}): {@code --lang},
 * else {@code TELAR_LANG}, else the language of the settings file ({@code --config} or the usual
 * one) when it can be read, else the locale. Loads no picocli class, so that plain {@code telar}
 * can ask it when it fails.
 */
public final class CliLanguage {
    private CliLanguage() {
    }

    /** The language for {@code args} in {@code environment}; English when even that cannot be worked out. */
    public static Language of(String[] args, Environment environment) {
        try {
            Overrides flags = Overrides.none()
                    .withConfig(TelarCommand.CONFIG_OPTION, LogSetup.optionValue(args, TelarCommand.CONFIG_OPTION))
                    .with(SettingKey.LANGUAGE, TelarCommand.LANG_OPTION, LogSetup.optionValue(args, TelarCommand.LANG_OPTION));
            return new SettingsLoader(environment::getenv).language(flags);
        } catch (RuntimeException | LinkageError e) {
            // Reached from error paths too: a language is never worth a second failure.
            return Language.EN;
        }
    }
}

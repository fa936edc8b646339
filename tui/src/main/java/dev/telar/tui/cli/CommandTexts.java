package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.tui.text.Texts;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The language a subcommand prints in: the one its creator passed, else the one the main
 * command's options, environment and settings file choose ({@link TelarCommand#language()}, which
 * holds even when the settings cannot be loaded), else English (a command run on its own).
 */
final class CommandTexts {
    private CommandTexts() {
    }

    /** The texts for {@code spec}'s command; {@code language} null means: the main command's. */
    static Texts of(CommandSpec spec, Supplier<Language> language) {
        if (language != null) {
            return Texts.of(language.get());
        }
        Object root = spec == null ? null : spec.root().userObject();
        return root instanceof TelarCommand telar ? Errors.texts(telar::language) : Texts.of(Language.EN);
    }
}

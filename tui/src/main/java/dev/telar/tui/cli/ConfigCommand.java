package dev.telar.tui.cli;

import dev.telar.config.ConfigLocation;
import dev.telar.config.DefaultsFile;
import dev.telar.config.Settings;
import dev.telar.config.SettingsLoader;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code telar config --print-defaults | --path | --check}: the settings file's defaults, where it
 * is, and whether it (with the environment and the main command's options) is valid.
 */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Shows the settings file's defaults and place, and checks it.",
            "Start a file: mkdir -p ~/.config/telar",
            "              telar config --print-defaults > ~/.config/telar/config.yaml"})
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TelarCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Action action;

    static final class Action {
        @Option(names = "--print-defaults", description = "Print a complete settings file with every default, commented.")
        boolean printDefaults;
        @Option(names = "--path", description = "Print the settings file's path (--config, else TELAR_CONFIG, else the XDG place).")
        boolean path;
        @Option(names = "--check", description = "Check the file, the TELAR_* variables and the options; exit 2 with "
                + "one line naming the first mistake.")
        boolean check;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (action.printDefaults) {
            out.print(DefaultsFile.text());
        } else if (action.path) {
            out.println(parent.loader().locate(parent.overrides()).path());
        } else {
            ConfigLocation location = parent.loader().locate(parent.overrides());
            Settings s = parent.settings();
            String file = SettingsLoader.exists(location) ? location.path() + ": valid"
                    : "no file at " + location.path() + ", defaults apply";
            out.println(file + String.format(Locale.ROOT, " (refresh %s s, language %s, theme %s, ascii %s, mouse %s)",
                    s.refreshMillis() / 1000.0, s.language().code(), s.theme().code(), onOff(s.ascii()), onOff(s.mouse())));
        }
        out.flush();
        return 0;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}

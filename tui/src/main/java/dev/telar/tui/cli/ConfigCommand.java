package dev.telar.tui.cli;

import dev.telar.config.ConfigLocation;
import dev.telar.config.DefaultsFile;
import dev.telar.config.Settings;
import dev.telar.config.SettingsLoader;
import dev.telar.tui.text.Texts;
import java.io.PrintWriter;
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
        sortOptions = false, usageHelpAutoWidth = true)
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TelarCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Action action;

    static final class Action {
        @Option(names = "--print-defaults")
        boolean printDefaults;
        @Option(names = "--path")
        boolean path;
        @Option(names = "--check")
        boolean check;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (action.printDefaults) {
            out.print(DefaultsFile.text(CommandTexts.of(spec, null).language()));
        } else if (action.path) {
            out.println(parent.loader().locate(parent.overrides()).path());
        } else {
            ConfigLocation location = parent.loader().locate(parent.overrides());
            Settings s = parent.settings();
            Texts t = Texts.of(s.language());
            String file = t.format(SettingsLoader.exists(location) ? "cli.config.valid" : "cli.config.nofile", location.path());
            out.println(t.format("cli.config.summary", file, Double.toString(s.refreshMillis() / 1000.0), s.language().code(),
                    s.theme().code(), onOff(s.ascii()), onOff(s.mouse())));
        }
        out.flush();
        return 0;
    }

    /** A switch's value as the settings file writes it, the same in every language. */
    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}

package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.config.Overrides;
import dev.telar.config.SettingKey;
import dev.telar.config.SettingsException;
import dev.telar.config.Settings;
import dev.telar.config.SettingsLoader;
import dev.telar.tui.text.Texts;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telar}: checks the terminal, then runs the full-screen dashboard. Its help texts, and
 * those of the subcommands, are in {@code usage_<code>.properties} (see {@link UsageHelp}).
 */
@Command(name = "telar", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true)
public final class TelarCommand implements Callable<Integer> {
    /** Option that names the settings file; LogSetup reads it before picocli runs. */
    public static final String CONFIG_OPTION = "--config";

    /** Option that chooses the language; {@link CliLanguage} reads it before picocli runs. */
    public static final String LANG_OPTION = "--lang";

    /** Printed when standard output is not a terminal, in English ({@code cli.notterminal} in the texts). */
    public static final String NOT_A_TERMINAL =
            "telar: standard output is not a terminal; for headless use run: telar snapshot --json";

    @Spec
    private CommandSpec spec;

    // Values stay text until the settings loader checks them, so that an option's mistake reads
    // like a file's: "--theme: unknown theme 'pink'; use auto, dark, light or mono".
    @Option(names = CONFIG_OPTION, paramLabel = "${bundle:label.path:-PATH}")
    private String configFile;

    @Option(names = "--refresh", paramLabel = "${bundle:label.seconds:-SECONDS}")
    private String refreshSeconds;

    @Option(names = LANG_OPTION, paramLabel = "${bundle:label.lang:-LANG}")
    private String language;

    @Option(names = "--theme", paramLabel = "${bundle:label.theme:-THEME}")
    private String theme;

    @Option(names = "--ascii", negatable = true)
    private Boolean ascii;

    @Option(names = "--mouse", negatable = true)
    private Boolean mouse;

    @Option(names = LogSetup.LOG_FILE_OPTION, paramLabel = "${bundle:label.path:-PATH}")
    private Path logFile;

    // The fleet view's manager; descriptions shared with the remote commands' options.
    @Option(names = {"--manager", "--connect"}, paramLabel = "${bundle:label.manager:-HOST:PORT}", descriptionKey = "option.manager")
    private String manager;

    @Option(names = "--key-file", paramLabel = "${bundle:label.path:-PATH}", descriptionKey = "option.manager.key-file")
    private Path keyFile;

    @Option(names = "--cds-warmup", hidden = true,
            description = "Load the classes a normal run needs and exit (used by the launcher to build its class-data archive).")
    private boolean cdsWarmup;

    private final Environment environment;
    private final Path activeLogFile;
    /** The settings once read: the main command and its subcommand read them once per run. */
    private Settings settings;

    /**
     * @param environment   where Telar runs (terminal, variables)
     * @param activeLogFile the file logging was set up with, or null when logging was not set up here
     */
    public TelarCommand(Environment environment, Path activeLogFile) {
        this.environment = environment;
        this.activeLogFile = activeLogFile;
    }

    @Override
    public Integer call() throws Exception {
        if (cdsWarmup) {
            // Before the settings: a broken settings file must not cost the launcher its archive.
            return CdsWarmup.run();
        }
        Settings settings = settings();
        return DashboardStart.run(environment, settings, spec.commandLine().getErr());
    }

    /**
     * The settings: file, then environment, then these options. The log file is the one logging
     * was set up with, when it was set up here.
     *
     * @throws SettingsException one line naming the bad value's source; the command line turns it into exit code 2
     */
    Settings settings() {
        if (settings != null) {
            return settings;
        }
        if (logFile != null && logFile.toString().isBlank()) {
            throw new ParameterException(spec.commandLine(), Texts.of(language()).get("cli.logfile.blank"));
        }
        Settings loaded = loader().load(overrides());
        settings = activeLogFile != null ? loaded.withLogFile(activeLogFile) : loaded;
        return settings;
    }

    /**
     * The settings with more options than this command's (a subcommand's own {@code --lang} or
     * {@code --theme}, which then win over the main command's), read afresh.
     *
     * @throws SettingsException as {@link #settings}
     */
    Settings settingsWith(java.util.function.UnaryOperator<Overrides> more) {
        Settings loaded = loader().load(more.apply(overrides()));
        return activeLogFile != null ? loaded.withLogFile(activeLogFile) : loaded;
    }

    /** The settings of {@code spec}'s main command; the defaults for a command run without it (tests). */
    static Settings settingsOf(CommandSpec spec) {
        return spec != null && spec.root().userObject() instanceof TelarCommand root ? root.settings() : Settings.defaults();
    }

    /**
     * The language of messages about these options and settings, found as before parsing
     * ({@link SettingsLoader#language}): it holds even when the settings cannot be loaded.
     */
    Language language() {
        return loader().language(overrides());
    }

    /** Where Telar runs: its variables (the state directory, the manager's key variable). */
    Environment environment() {
        return environment;
    }

    /** The loader, reading this environment. */
    SettingsLoader loader() {
        return new SettingsLoader(environment::getenv);
    }

    /** What the options given override, including the settings file to read. */
    Overrides overrides() {
        return Overrides.none().withConfig(CONFIG_OPTION, configFile)
                .with(SettingKey.REFRESH, "--refresh", refreshSeconds)
                .with(SettingKey.LANGUAGE, LANG_OPTION, language)
                .with(SettingKey.THEME, "--theme", theme)
                .with(SettingKey.ASCII, ascii != null && !ascii ? "--no-ascii" : "--ascii", ascii)
                .with(SettingKey.MOUSE, mouse != null && !mouse ? "--no-mouse" : "--mouse", mouse)
                .with(SettingKey.LOG_FILE, LogSetup.LOG_FILE_OPTION, logFile == null ? null : logFile.toString())
                .with(SettingKey.MANAGER_ADDRESS, "--manager", manager)
                .with(SettingKey.MANAGER_KEY_FILE, "--key-file", keyFile == null ? null : keyFile.toAbsolutePath().toString());
    }
}

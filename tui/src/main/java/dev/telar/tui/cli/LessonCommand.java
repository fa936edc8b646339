package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.config.Overrides;
import dev.telar.config.SettingKey;
import dev.telar.config.Settings;
import dev.telar.config.SettingsLoader;
import dev.telar.config.Theme;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.LessonOptions;
import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.lesson.LessonSizes;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code telar lesson}: the dashboard opened on the lesson view, the lecture's five parts one step
 * at a time, each step's experiment run live in the lab with sizes measured on this machine. The
 * look options may follow the subcommand ({@code telar lesson --lang es}); the lesson is drawn in
 * the light theme unless a theme was chosen (option, variable or settings file), since it is made
 * for projectors. With {@code --handout DIR} nothing is drawn: the steps run headless and the
 * handout is written there.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true)
public final class LessonCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TelarCommand parent;

    @Option(names = "--autoplay", paramLabel = "${bundle:label.seconds:-SECONDS}")
    private Double autoplaySeconds;

    @Option(names = "--readonly")
    private boolean readonly;

    @Option(names = "--budget", paramLabel = "${bundle:label.seconds:-SECONDS}")
    private Double budgetSeconds;

    @Option(names = "--part", paramLabel = "N")
    private Integer part;

    /** Headless instead: run every step and write the handout there ({@link LessonHandout}). */
    @Option(names = "--handout", paramLabel = "${bundle:label.dir:-DIR}")
    private Path handout;

    // The main command's look options, also accepted after the subcommand; these win.
    @Option(names = TelarCommand.LANG_OPTION, paramLabel = "${bundle:label.lang:-LANG}", descriptionKey = "telar.lang")
    private String language;

    @Option(names = "--theme", paramLabel = "${bundle:label.theme:-THEME}", descriptionKey = "telar.theme")
    private String theme;

    @Option(names = "--ascii", negatable = true, descriptionKey = "telar.ascii")
    private Boolean ascii;

    @Override
    public Integer call() {
        LessonOptions options = options();
        if (handout != null) {
            if (autoplaySeconds != null || readonly || part != null) {
                throw new ParameterException(spec.commandLine(), Texts.of(messageLanguage()).get("cli.handout.alone"));
            }
            if (handout.toString().isBlank()) {
                // An empty path would name the current directory without anyone choosing it.
                throw new ParameterException(spec.commandLine(), Texts.of(messageLanguage()).get("cli.handout.blank"));
            }
            return LessonHandout.run(spec, handout, options.budgetSeconds(), messageLanguage(),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        Settings settings = settings();
        return DashboardStart.run(parent.environment(), settings, spec.commandLine().getErr(), options);
    }

    /**
     * The options checked: each bad value ends the command with one line and exit code 2.
     *
     * @throws ParameterException for a value out of its range
     */
    LessonOptions options() {
        Texts texts = Texts.of(messageLanguage());
        double autoplay = autoplaySeconds == null ? 0 : autoplaySeconds;
        if (autoplaySeconds != null && !(autoplay > 0 && autoplay <= LessonOptions.MAX_AUTOPLAY)) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.lesson.autoplay",
                    (int) LessonOptions.MAX_AUTOPLAY, number(autoplay)));
        }
        double budget = budgetSeconds == null ? LessonOptions.DEFAULT_BUDGET : budgetSeconds;
        if (!(budget >= LessonSizes.MIN_BUDGET && budget <= LessonSizes.MAX_BUDGET)) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.lesson.budget",
                    number(LessonSizes.MIN_BUDGET), number(LessonSizes.MAX_BUDGET), number(budget)));
        }
        int first = part == null ? 1 : part;
        if (first < 1 || first > LessonPart.values().length) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.lesson.part",
                    LessonPart.values().length, first));
        }
        return new LessonOptions(autoplay, readonly, budget, LessonPart.values()[first - 1]);
    }

    /**
     * The settings with this command's look options; the light theme when no theme was chosen
     * anywhere (the settings' auto would be dark), mono still when {@code NO_COLOR} is set.
     */
    Settings settings() {
        Settings settings = parent.settingsWith(this::look);
        if (settings.theme() == Theme.DARK && themeIsAuto()) {
            return settings.withTheme(Theme.LIGHT);
        }
        return settings;
    }

    /**
     * True when the theme was left to auto: auto is the one theme that turns mono with
     * {@code NO_COLOR}, so the same settings read again with it set tell.
     */
    private boolean themeIsAuto() {
        Environment env = parent.environment();
        SettingsLoader noColour = new SettingsLoader(name -> "NO_COLOR".equals(name) ? "1" : env.getenv(name));
        return noColour.load(look(parent.overrides())).theme() == Theme.MONO;
    }

    private Overrides look(Overrides main) {
        return main.with(SettingKey.LANGUAGE, TelarCommand.LANG_OPTION, language)
                .with(SettingKey.THEME, "--theme", theme)
                .with(SettingKey.ASCII, ascii != null && !ascii ? "--no-ascii" : "--ascii", ascii);
    }

    private Language messageLanguage() {
        return parent == null ? Language.EN : parent.loader().language(look(parent.overrides()));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}

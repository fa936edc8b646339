package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.env;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import dev.telar.config.Theme;
import dev.telar.probe.Probe;
import dev.telar.tui.view.LessonOptions;
import dev.telar.workloads.lesson.LessonPart;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code telar lesson}'s options: a value out of range is one line and exit code 2 (in the language
 * asked for, also when {@code --lang} follows the subcommand), good values reach the lesson's
 * options, and the lesson is light unless a theme was chosen somewhere (mono with NO_COLOR).
 */
@Timeout(30)
class LessonCommandTest {
    private static final Map<String, String> NO_FILE = Map.of("TERM", "xterm", "XDG_CONFIG_HOME",
            "/nonexistent/telar-test-config");

    @ParameterizedTest
    @CsvSource({"--autoplay, 0", "--autoplay, -1", "--autoplay, 3601", "--autoplay, NaN", "--budget, 0.01",
        "--budget, 61", "--part, 0", "--part, 6"})
    void aValueOutOfRangeIsOneLineAndExitTwo(String option, String value) {
        assertOneUsageLine(run("lesson", option, value), option, value);
    }

    @Test
    void aWordInsteadOfANumberIsOneLineAndExitTwo() {
        assertOneUsageLine(run("lesson", "--autoplay", "soon"), "--autoplay", "soon");
    }

    @Test
    void theMessageSpeaksTheLanguageGivenAfterTheSubcommand() {
        assertOneUsageLine(run("lesson", "--lang", "es", "--part", "9"), "--part debe estar entre 1 y 5; se dio 9");
    }

    @Test
    void goodValuesPassTheChecksAndWithoutATerminalTheDashboardSaysSo() {
        CliTest.Run run = run("lesson", "--autoplay", "20", "--readonly", "--budget", "0.5", "--part", "3");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not a terminal");
        assertThat(options("--autoplay", "20", "--readonly", "--budget", "0.5", "--part", "3"))
                .isEqualTo(new LessonOptions(20, true, 0.5, LessonPart.PROCESSES));
        assertThat(options()).isEqualTo(LessonOptions.DEFAULTS);
    }

    @Test
    void theLessonIsLightUnlessAThemeWasChosen() {
        assertThat(theme(Map.of())).isEqualTo(Theme.LIGHT);
        assertThat(theme(Map.of(), "--theme", "dark")).isEqualTo(Theme.DARK);
        assertThat(theme(Map.of("TELAR_THEME", "dark"))).isEqualTo(Theme.DARK);
        assertThat(theme(Map.of("NO_COLOR", "1"))).isEqualTo(Theme.MONO);
        assertThat(theme(Map.of(), "--theme", "mono")).isEqualTo(Theme.MONO);
        assertThat(theme(Map.of(), "--theme", "auto")).isEqualTo(Theme.LIGHT);
    }

    private static LessonCommand parsed(Map<String, String> vars, String... args) {
        Map<String, String> all = new HashMap<>(NO_FILE);
        all.putAll(vars);
        CommandLine cli = Cli.create(env(false, all), null, Probe::live, Language.EN);
        String[] line = new String[args.length + 1];
        line[0] = "lesson";
        System.arraycopy(args, 0, line, 1, args.length);
        CommandLine.ParseResult parsed = cli.parseArgs(line);
        return (LessonCommand) parsed.subcommand().commandSpec().userObject();
    }

    private static LessonOptions options(String... args) {
        return parsed(Map.of(), args).options();
    }

    private static Theme theme(Map<String, String> vars, String... args) {
        return parsed(vars, args).settings().theme();
    }
}

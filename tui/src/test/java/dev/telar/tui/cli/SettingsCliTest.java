package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.env;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telar.config.Overrides;
import dev.telar.config.Settings;
import dev.telar.config.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings on the command line: --config and the other options, TELAR_* variables, telar config. */
class SettingsCliTest {
    @TempDir
    Path tmp;

    /** An environment with HOME and XDG_CONFIG_HOME in the temporary directory, an English UTF-8 locale, plus {@code pairs}. */
    Environment envWith(String... pairs) {
        Map<String, String> vars = new HashMap<>(Map.of("TERM", "xterm", "HOME", tmp.toString(),
                "XDG_CONFIG_HOME", tmp.resolve("xdg").toString(), "LANG", "en_US.UTF-8"));
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], pairs[i + 1]);
        }
        return env(false, vars);
    }

    Path file(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aBadSettingsFileIsOneLineNamingItsPlaceAndExitTwo() throws IOException {
        Path file = file("config.yaml", "language: es\nrefersh: 2\n");
        CliTest.Run r = run(envWith(), "--config", file.toString());
        assertOneUsageLine(r, "telar: ");
        assertThat(r.err()).isEqualTo("telar: " + file + ":2:1: unknown key 'refersh'; did you mean 'refresh'?\n");
    }

    @Test
    void theUsualFileIsReadWithoutAnOption() throws IOException {
        file("xdg/telar/config.yaml", "theme: pink\n");
        CliTest.Run r = run(envWith(), "config", "--check");
        assertOneUsageLine(r, "telar: ");
        assertThat(r.err()).isEqualTo("telar: " + tmp.resolve("xdg/telar/config.yaml") + ":1:8: unknown theme 'pink'; "
                + "use auto, dark, light or mono\n");
    }

    @Test
    void aMissingConfigFileIsAnError() {
        Path missing = tmp.resolve("nope.yaml");
        CliTest.Run r = run(envWith(), "--config", missing.toString());
        assertOneUsageLine(r, "telar: ");
        assertThat(r.err()).isEqualTo("telar: cannot read " + missing + ": no such file; check the path given with --config\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--theme|pink|telar: --theme: unknown theme 'pink'; use auto, dark, light or mono",
        "--lang|fr|telar: --lang: unknown language 'fr'; use auto, en or es",
        "--refresh|fast|telar: --refresh: must be a number of seconds between 0.25 and 10, got 'fast'",
        "--refresh|20|telar: --refresh: must be a number of seconds between 0.25 and 10, got '20'",
    })
    void badOptionValuesAreOneLine(String option, String value, String message) {
        CliTest.Run r = run(envWith(), option, value);
        assertOneUsageLine(r, "telar: ");
        assertThat(r.err()).isEqualTo(message + "\n");
    }

    @Test
    void badVariablesAreOneLine() {
        CliTest.Run r = run(envWith("TELAR_LANG", "fr"));
        assertOneUsageLine(r, "telar: ");
        assertThat(r.err()).isEqualTo("telar: TELAR_LANG: unknown language 'fr'; use auto, en or es\n");
    }

    @Test
    void optionsOverrideVariablesWhichOverrideTheFile() throws IOException {
        Path file = file("config.yaml", "refresh: 0.5\nlanguage: es\ntheme: light\nascii: on\n");
        CliTest.Run fileOnly = run(envWith(), "--config", file.toString(), "config", "--check");
        assertThat(fileOnly.code()).isZero();
        // The file says "language: es", so the check speaks Spanish; the settings read as the file writes them.
        assertThat(fileOnly.out()).isEqualTo(file + ": válido (refresh 0.5 s, language es, theme light, ascii on, mouse on)\n");

        CliTest.Run envToo = run(envWith("TELAR_THEME", "mono", "TELAR_REFRESH", "2"), "--config", file.toString(),
                "config", "--check");
        assertThat(envToo.out()).contains("refresh 2.0 s", "language es", "theme mono");

        CliTest.Run flagsToo = run(envWith("TELAR_THEME", "mono"), "--config", file.toString(), "--theme", "dark",
                "--lang", "en", "--refresh", "1", "--no-ascii", "--no-mouse", "config", "--check");
        assertThat(flagsToo.out()).contains("refresh 1.0 s, language en, theme dark, ascii off, mouse off");
    }

    @Test
    void checkWithoutAFileSaysTheDefaultsApply() {
        CliTest.Run r = run(envWith(), "config", "--check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("no file at " + tmp.resolve("xdg/telar/config.yaml") + ", defaults apply (refresh 1.0 s");
    }

    @Test
    void pathFollowsOptionThenVariableThenXdg() {
        assertThat(run(envWith(), "config", "--path").out()).isEqualTo(tmp.resolve("xdg/telar/config.yaml") + "\n");
        assertThat(run(envWith("TELAR_CONFIG", "/etc/t.yaml"), "config", "--path").out()).isEqualTo("/etc/t.yaml\n");
        assertThat(run(envWith("TELAR_CONFIG", "/etc/t.yaml"), "--config", "/x.yaml", "config", "--path").out())
                .isEqualTo("/x.yaml\n");
    }

    @Test
    void printedDefaultsLoadBackToTheDefaults() throws IOException {
        CliTest.Run r = run(envWith(), "config", "--print-defaults");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        Path written = file("defaults.yaml", r.out());
        Environment env = envWith();
        Settings loaded = new SettingsLoader(env::getenv).load(Overrides.none().withConfig("--config", written.toString()));
        assertThat(loaded).isEqualTo(Settings.defaults().withLogFile(tmp.resolve(".local/state/telar/telar.log")));
    }

    @Test
    void printedDefaultsSpeakTheChosenLanguage() {
        CliTest.Run es = run(envWith(), "--lang", "es", "config", "--print-defaults");
        assertThat(es.code()).isZero();
        assertThat(es.out()).startsWith("# Ajustes de Telar.").contains("refresh: 1\n").doesNotContain("Environment");
        assertThat(run(envWith(), "config", "--print-defaults").out()).startsWith("# Telar settings.");
    }

    @Test
    void configNeedsOneAction() {
        assertOneUsageLine(run(envWith(), "config"), "--print-defaults");
        assertOneUsageLine(run(envWith(), "config", "--path", "--check"), "mutually exclusive");
    }

    @Test
    void runTakesItsDefaultsFromTheSettings() throws IOException {
        Path file = file("config.yaml", "experiments:\n  workers: 3\n  tasks: 3\n  draws: 1000\n");
        CliTest.Run r = run(envWith(), "--config", file.toString(), "run", "cpu", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode line = new ObjectMapper().readTree(r.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(line.get("workers").asInt()).isEqualTo(3);
        assertThat(line.get("tasks").asInt()).isEqualTo(3);
        assertThat(line.get("size").asLong()).isEqualTo(1000);

        CliTest.Run options = run(envWith(), "--config", file.toString(), "run", "cpu", "--json", "--workers", "2");
        assertThat(new ObjectMapper().readTree(options.out().lines().reduce((a, b) -> b).orElseThrow())
                .get("workers").asInt()).isEqualTo(2);
    }

    @Test
    void aBadFileStopsRunToo() throws IOException {
        Path file = file("config.yaml", "experiments:\n  workers: 99\n");
        CliTest.Run r = run(envWith(), "--config", file.toString(), "run", "cpu");
        assertOneUsageLine(r, file + ":2:12: 'experiments.workers' must be a whole number between 0 and 64");
    }

    @Test
    void plainTelarReadsTheSettingsBeforeTheTerminal() throws IOException {
        file("xdg/telar/config.yaml", "refresh: fast\n");
        StringWriter err = new StringWriter();
        int code = DashboardStart.withoutOptions(envWith(), tmp.resolve("t.log"), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("telar: " + tmp.resolve("xdg/telar/config.yaml")
                + ":1:10: 'refresh' must be a number of seconds between 0.25 and 10, got 'fast'\n");

        Files.writeString(tmp.resolve("xdg/telar/config.yaml"), "refresh: 2\n");
        StringWriter err2 = new StringWriter();
        assertThat(DashboardStart.withoutOptions(envWith(), tmp.resolve("t.log"), new PrintWriter(err2, true))).isEqualTo(2);
        assertThat(err2.toString()).isEqualTo(TelarCommand.NOT_A_TERMINAL + System.lineSeparator());
    }

    @Test
    void theLogGoesWhereTheSettingsFileSays() throws IOException {
        Path file = file("config.yaml", "log-file: " + tmp.resolve("logs/mine.log") + "\n");
        assertThat(LogSetup.settingsLogFile(new String[] {"--config", file.toString()}, envWith()))
                .isEqualTo(tmp.resolve("logs/mine.log"));
        assertThat(LogSetup.settingsLogFile(new String[] {"--config=" + tmp.resolve("missing.yaml")}, envWith()))
                .as("a mistake means the default place; the command reports it")
                .isEqualTo(tmp.resolve(".local/state/telar/telar.log"));
    }

    @Test
    void helpListsTheSettingsOptions() {
        CliTest.Run r = run(envWith(), "--help");
        assertThat(r.out()).contains("--config=PATH", "--lang=LANG", "--theme=THEME", "--[no-]ascii", "--[no-]mouse",
                "config.yaml", "TELAR_LANG", "config --print-defaults");
    }
}

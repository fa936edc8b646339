package dev.telar.config;

import static dev.telar.config.Fixtures.env;
import static dev.telar.config.Fixtures.fixture;
import static dev.telar.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Valid files, the layering of file, environment and options, and files that cannot be read. */
class SettingsLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void everyKeyOfTheFileIsMapped() {
        assertThat(load("valid/everything.yaml")).isEqualTo(new Settings(500, Language.ES, Theme.LIGHT, true, false,
                new ExperimentDefaults(50_000_000L, 8, 0, 300),
                new IpcSettings(Path.of("/var/tmp/telar-ipc"), 64 * IpcSettings.MB),
                Path.of("/home/ana/logs/telar.log"),
                new ManagerSettings("robot-1:2181,robot-2:2181,[fe80::1]:2182", Path.of("/etc/telar/lab.key"), 4_500)));
    }

    @Test
    void aFileWithOnlyCommentsOrEmptyValuesGivesTheDefaults() {
        assertThat(load("valid/comments-only.yaml")).isEqualTo(Fixtures.defaults());
        assertThat(load("valid/empty-values.yaml")).isEqualTo(Fixtures.defaults());
    }

    @Test
    void theReadmeExampleChangesLanguageRefreshAndTheme() {
        Settings s = load("valid/readme-example.yaml");
        assertThat(s.language()).isEqualTo(Language.ES);
        assertThat(s.refreshMillis()).isEqualTo(500);
        assertThat(s.theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void withoutAFileTheDefaultsApply() {
        Settings s = new SettingsLoader(env("XDG_CONFIG_HOME", tmp.toString())).load(Overrides.none());
        assertThat(s).isEqualTo(Fixtures.defaults());
    }

    @Test
    void environmentOverridesTheFileAndOptionsOverrideBoth() {
        String[] vars = {"TELAR_REFRESH", "2", "TELAR_LANG", "en", "TELAR_THEME", "mono"};
        Settings fromEnv = load("valid/readme-example.yaml", vars);
        assertThat(fromEnv.refreshMillis()).isEqualTo(2000);
        assertThat(fromEnv.language()).isEqualTo(Language.EN);
        assertThat(fromEnv.theme()).isEqualTo(Theme.MONO);

        Overrides flags = Overrides.none().with(SettingKey.REFRESH, "--refresh", "0.25")
                .with(SettingKey.LANGUAGE, "--lang", "es").with(SettingKey.THEME, "--theme", "dark")
                .with(SettingKey.ASCII, "--ascii", true).with(SettingKey.MOUSE, "--mouse", false)
                .with(SettingKey.LOG_FILE, "--log-file", "/tmp/t.log");
        Settings fromFlags = load(flags, "valid/readme-example.yaml", vars);
        assertThat(fromFlags.refreshMillis()).isEqualTo(250);
        assertThat(fromFlags.language()).isEqualTo(Language.ES);
        assertThat(fromFlags.theme()).isEqualTo(Theme.DARK);
        assertThat(fromFlags.ascii()).isTrue();
        assertThat(fromFlags.mouse()).isFalse();
        assertThat(fromFlags.logFile()).isEqualTo(Path.of("/tmp/t.log"));
    }

    @Test
    void emptyVariablesCountAsUnset() {
        assertThat(load("valid/readme-example.yaml", "TELAR_THEME", "", "TELAR_LANG", "").theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void badEnvironmentAndOptionValuesNameTheirSource() {
        assertThatThrownBy(() -> load("valid/comments-only.yaml", "TELAR_LANG", "fr"))
                .hasMessage("TELAR_LANG: unknown language 'fr'; use auto, en or es");
        assertThatThrownBy(() -> load("valid/comments-only.yaml", "TELAR_REFRESH", "0"))
                .hasMessage("TELAR_REFRESH: must be a number of seconds between 0.25 and 10, got '0'");
        assertThatThrownBy(() -> load(Overrides.none().with(SettingKey.THEME, "--theme", "pink"), "valid/comments-only.yaml"))
                .hasMessage("--theme: unknown theme 'pink'; use auto, dark, light or mono");
        assertThatThrownBy(() -> load(Overrides.none().with(SettingKey.REFRESH, "--refresh", "NaN"), "valid/comments-only.yaml"))
                .hasMessage("--refresh: must be a number of seconds between 0.25 and 10, got 'NaN'");
    }

    @Test
    void languageFollowsTheLocaleWhenNothingChoosesIt() {
        assertThat(load("valid/comments-only.yaml", "LANG", "es_ES.UTF-8").language()).isEqualTo(Language.ES);
        assertThat(load("valid/comments-only.yaml", "LANG", "es_MX.UTF-8", "LC_MESSAGES", "en_GB.UTF-8").language())
                .isEqualTo(Language.EN);
        assertThat(load("valid/comments-only.yaml", "LANG", "en_US.UTF-8", "LC_ALL", "es_AR.UTF-8").language())
                .isEqualTo(Language.ES);
        assertThat(load("valid/comments-only.yaml", "LANG", "C").language()).isEqualTo(Language.EN);
        assertThat(load("valid/comments-only.yaml", "LANG", "estonian-but-not-really").language()).isEqualTo(Language.EN);
        // The file beats the locale.
        assertThat(load("valid/readme-example.yaml", "LANG", "en_US.UTF-8").language()).isEqualTo(Language.ES);
    }

    @Test
    void asciiIsOnWhenTheLocaleIsNotUtf8() {
        assertThat(load("valid/comments-only.yaml").ascii()).isFalse();
        assertThat(load("valid/comments-only.yaml", "LANG", null).ascii()).isTrue();
        assertThat(load("valid/comments-only.yaml", "LANG", "C").ascii()).isTrue();
        assertThat(load("valid/comments-only.yaml", "LANG", "POSIX").ascii()).isTrue();
        assertThat(load("valid/comments-only.yaml", "LANG", "de_DE.ISO-8859-1").ascii()).isTrue();
        assertThat(load("valid/comments-only.yaml", "LANG", "C.utf8").ascii()).isFalse();
        assertThat(load("valid/comments-only.yaml", "LANG", "C", "LC_CTYPE", "en_US.UTF-8").ascii()).isFalse();
        assertThat(load("valid/comments-only.yaml", "LC_ALL", "C", "LC_CTYPE", "en_US.UTF-8").ascii()).isTrue();
        // An explicit choice beats the locale.
        assertThat(load("valid/everything.yaml", "LANG", "en_US.UTF-8").ascii()).isTrue();
        assertThat(load(Overrides.none().with(SettingKey.ASCII, "--no-ascii", false), "valid/comments-only.yaml",
                "LANG", "C").ascii()).isFalse();
    }

    @Test
    void noColorMeansMonoUnlessAThemeIsNamed() {
        assertThat(load("valid/comments-only.yaml", "NO_COLOR", "1").theme()).isEqualTo(Theme.MONO);
        assertThat(load("valid/comments-only.yaml", "NO_COLOR", "").theme()).isEqualTo(Theme.DARK);
        assertThat(load("valid/readme-example.yaml", "NO_COLOR", "1").theme()).isEqualTo(Theme.LIGHT);
        assertThat(load(Overrides.none().with(SettingKey.THEME, "--theme", "dark"), "valid/comments-only.yaml",
                "NO_COLOR", "1").theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void theFileIsFoundByOptionThenVariableThenXdgThenHome() {
        SettingsLoader plain = new SettingsLoader(env());
        assertThat(plain.locate(Overrides.none())).isEqualTo(new ConfigLocation(Path.of("/home/ana/.config/telar/config.yaml"), null));
        assertThat(new SettingsLoader(env("XDG_CONFIG_HOME", "/xdg")).locate(Overrides.none()).path())
                .isEqualTo(Path.of("/xdg/telar/config.yaml"));
        assertThat(new SettingsLoader(env("XDG_CONFIG_HOME", "relative/ignored")).locate(Overrides.none()).path())
                .isEqualTo(Path.of("/home/ana/.config/telar/config.yaml"));
        SettingsLoader withVar = new SettingsLoader(env("XDG_CONFIG_HOME", "/xdg", "TELAR_CONFIG", "/etc/t.yaml"));
        assertThat(withVar.locate(Overrides.none())).isEqualTo(new ConfigLocation(Path.of("/etc/t.yaml"), "TELAR_CONFIG"));
        assertThat(withVar.locate(Overrides.none().withConfig("--config", "/x.yaml")))
                .isEqualTo(new ConfigLocation(Path.of("/x.yaml"), "--config"));
    }

    @Test
    void theXdgFileIsRead() throws IOException {
        Files.createDirectories(tmp.resolve("telar"));
        Files.writeString(tmp.resolve("telar/config.yaml"), "theme: light\n");
        assertThat(new SettingsLoader(env("XDG_CONFIG_HOME", tmp.toString())).load(Overrides.none()).theme())
                .isEqualTo(Theme.LIGHT);
    }

    @Test
    void aFileNamedExplicitlyMustExist() {
        Path missing = tmp.resolve("nope.yaml");
        assertThatThrownBy(() -> new SettingsLoader(env()).load(Overrides.none().withConfig("--config", missing.toString())))
                .hasMessage("cannot read " + missing + ": no such file; check the path given with --config");
        assertThatThrownBy(() -> new SettingsLoader(env("TELAR_CONFIG", missing.toString())).load(Overrides.none()))
                .hasMessage("cannot read " + missing + ": no such file; check the path given with TELAR_CONFIG");
        assertThatThrownBy(() -> new SettingsLoader(env()).load(Overrides.none().withConfig("--config", "")))
                .hasMessage("--config: '' is not a file path; name the settings file, e.g. --config ~/telar.yaml");
    }

    @Test
    void aDirectoryOrATextInAnotherEncodingIsRefused() {
        assertThatThrownBy(() -> new SettingsLoader(env()).load(Overrides.none().withConfig("--config", tmp.toString())))
                .hasMessage("cannot read " + tmp + ": it is a directory; check the path given with --config");
        Path latin1 = fixture("invalid/not-utf8.yaml");
        assertThatThrownBy(() -> load("invalid/not-utf8.yaml"))
                .hasMessage("cannot read " + latin1 + ": it is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void anUnreadableFileSaysHowToFixIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("config.yaml"), "theme: light\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "root reads every file");
        Files.createDirectories(tmp.resolve("telar"));
        assertThatThrownBy(() -> new SettingsLoader(env()).load(Overrides.none().withConfig("--config", file.toString())))
                .hasMessage("cannot read " + file + ": permission denied; fix its permissions or check the path given with --config");
    }

    @Test
    void theDefaultFileLoadsToTheDefaults() {
        Settings parsed = new SettingsLoader(env()).loadText(DefaultsFile.text(), "defaults", Overrides.none());
        assertThat(parsed).isEqualTo(Fixtures.defaults());
    }

    @Test
    void theSpanishDefaultFileLoadsToTheSameDefaultsWithSpanishComments() {
        String es = DefaultsFile.text(Language.ES);
        Settings parsed = new SettingsLoader(env()).loadText(es, "defaults", Overrides.none());
        assertThat(parsed).isEqualTo(Fixtures.defaults());
        // the same keys and values, line for line; only the comments differ
        assertThat(es.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.replaceAll(" *#.*", "")))
                .containsExactlyElementsOf(DefaultsFile.text().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .map(l -> l.replaceAll(" *#.*", "")).toList());
        assertThat(es).contains("# Ajustes de Telar", "Entorno: TELAR_REFRESH", "de 0.25 a 10")
                .doesNotContain("Environment", "Option:", "Every key");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theDefaultFileMentionsEveryKeyAndVariable(Language language) {
        String text = DefaultsFile.text(language);
        for (SettingKey key : SettingKey.values()) {
            String last = key.path().substring(key.path().lastIndexOf('.') + 1);
            assertThat(text).contains(last + ": ");
            if (key.envVar() != null) {
                assertThat(text).contains(key.envVar());
            }
        }
        assertThat(text).contains("TELAR_CONFIG", "NO_COLOR", "--config ", "--lang", "--theme", "--ascii", "--no-ascii",
                "--no-mouse", "--refresh", "--log-file");
    }

    @Test
    void typosGetTheClosestKey() {
        assertThat(Suggestions.closest("languag", SettingKey.namesUnder(""))).contains("language");
        assertThat(Suggestions.closest("Theme", SettingKey.namesUnder(""))).contains("theme");
        assertThat(Suggestions.closest("logfile", SettingKey.namesUnder(""))).contains("log-file");
        assertThat(Suggestions.closest("disk-cap", SettingKey.namesUnder("ipc"))).isEmpty();
        assertThat(Suggestions.closest("zzz", SettingKey.namesUnder(""))).isEmpty();
    }

    @Test
    void settingsBuiltInCodeAreCheckedToo() {
        assertThatThrownBy(() -> new ExperimentDefaults(1, 0, 1, 1))
                .hasMessage("experiments.tasks must be between 1 and 64, got 0");
        assertThatThrownBy(() -> new IpcSettings(Path.of("rel"), IpcSettings.MB))
                .hasMessage("ipc.dir must be an absolute path, got rel");
        assertThat(ExperimentDefaults.DEFAULTS.workersFor(8)).isEqualTo(4);
        assertThat(new ExperimentDefaults(1, 1, 0, 1).workersFor(8)).isEqualTo(8);
    }
}

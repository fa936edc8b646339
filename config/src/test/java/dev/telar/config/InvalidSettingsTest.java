package dev.telar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture under {@code invalid/} per kind of mistake, each with the exact one-line message:
 * where (file:line:column), what is wrong, and what to write instead.
 */
class InvalidSettingsTest {
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("unknown-key", ":3:1: unknown key 'refersh'; did you mean 'refresh'?"),
                Arguments.of("unknown-section-key", ":3:3: unknown key 'experiments.worker'; did you mean 'experiments.workers'?"),
                Arguments.of("unknown-key-far-from-any", ":1:1: unknown key 'colour-scheme'; valid keys are refresh, "
                        + "language, theme, ascii, mouse, experiments, ipc, log-file, manager"),
                Arguments.of("wrong-type-number", ":2:10: 'refresh' must be a number of seconds between 0.25 and 10, got 'fast'"),
                Arguments.of("wrong-type-boolean", ":1:8: 'mouse' must be true or false, got 'sometimes'"),
                Arguments.of("wrong-type-list", ":1:8: 'theme' must be auto, dark, light or mono, got a list"),
                Arguments.of("wrong-type-section", ":1:14: 'experiments' must be a block of the keys draws, tasks, "
                        + "workers, matrix, indented below it, got '4'"),
                Arguments.of("wrong-type-fraction", ":2:10: 'experiments.tasks' must be a whole number between 1 and 64, got '2.5'"),
                Arguments.of("out-of-range-refresh", ":1:10: 'refresh' must be a number of seconds between 0.25 and 10, got '20'"),
                Arguments.of("out-of-range-workers", ":2:12: 'experiments.workers' must be a whole number between 0 and 64 "
                        + "(0: one per core), got '100'"),
                Arguments.of("out-of-range-disk-cap", ":2:16: 'ipc.disk-cap-mb' must be a whole number between 1 and 1048576 "
                        + "(MiB), got '0'"),
                Arguments.of("bad-manager-address", ":2:12: 'manager.address' must be host:port, several separated by "
                        + "commas, or none, got 'robot-1:99999'"),
                Arguments.of("out-of-range-manager-session", ":2:12: 'manager.session' must be a number of seconds "
                        + "between 2 and 60, got '0.2'"),
                Arguments.of("malformed-colon", ":2:12: malformed YAML: mapping values are not allowed here; write one "
                        + "'key: value' per line, indent section keys with spaces, quote values containing ': ' or ' #'"),
                Arguments.of("malformed-tab", ":2:1: malformed YAML: a tab in the indentation; indent with spaces"),
                Arguments.of("malformed-unclosed-quote", ":2:11: malformed YAML: while scanning a quoted scalar: found "
                        + "unexpected end of stream; close the quote"),
                Arguments.of("unknown-language", ":1:11: unknown language 'fr'; use auto, en or es"),
                Arguments.of("unknown-theme", ":1:8: unknown theme 'pink'; use auto, dark, light or mono"),
                Arguments.of("relative-path", ":1:11: 'log-file' must be auto, an absolute path or a path starting "
                        + "with ~/, got 'logs/telar.log'"),
                Arguments.of("duplicate-key", ":3:1: 'refresh' is set twice (first on line 1); keep one"),
                Arguments.of("not-a-mapping", ":1:1: expected settings as 'key: value' lines, got a list; start from "
                        + "the output of: telar config --print-defaults"),
                Arguments.of("two-documents", ":3:1: a second YAML document ('---') is not read; keep all settings in one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsOneLineStartingWithItsPlace(String fixture, String message) {
        String file = Fixtures.fixture("invalid/" + fixture + ".yaml").toString();
        assertThatThrownBy(() -> Fixtures.load("invalid/" + fixture + ".yaml"))
                .isInstanceOf(SettingsException.class)
                .hasMessage(file + message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void messagesAreOneLine(String fixture, String message) {
        assertThat(message).doesNotContain("\n").doesNotContain("\r");
    }

    /** A few mistakes in Spanish: the same place first, then the same parts in Spanish words. */
    static Stream<Arguments> spanishMistakes() {
        return Stream.of(
                Arguments.of("unknown-key", ":3:1: clave desconocida 'refersh'; ¿quería decir 'refresh'?"),
                Arguments.of("unknown-key-far-from-any", ":1:1: clave desconocida 'colour-scheme'; las claves válidas son "
                        + "refresh, language, theme, ascii, mouse, experiments, ipc, log-file, manager"),
                Arguments.of("out-of-range-workers", ":2:12: 'experiments.workers' debe ser un número entero entre 0 y 64 "
                        + "(0: uno por núcleo); se dio '100'"),
                Arguments.of("wrong-type-list", ":1:8: 'theme' debe ser auto, dark, light o mono; se dio una lista"),
                Arguments.of("bad-manager-address", ":2:12: 'manager.address' debe ser host:puerto, varios separados "
                        + "por comas, o none; se dio 'robot-1:99999'"),
                Arguments.of("out-of-range-manager-session", ":2:12: 'manager.session' debe ser un número de segundos "
                        + "entre 2 y 60; se dio '0.2'"),
                Arguments.of("malformed-colon", ":2:12: YAML mal formado: aquí no cabe otro 'clave: valor'; escriba un "
                        + "'clave: valor' por línea, sangre con espacios las claves de una sección y ponga entre comillas "
                        + "los valores que contengan ': ' o ' #'"),
                Arguments.of("malformed-unclosed-quote", ":2:11: YAML mal formado: unas comillas abiertas llegan al final "
                        + "del archivo; cierre las comillas"),
                Arguments.of("unknown-language", ":1:11: idioma desconocido 'fr'; use auto, en o es"),
                Arguments.of("duplicate-key", ":3:1: 'refresh' aparece dos veces (la primera en la línea 1); deje una"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spanishMistakes")
    void aSpanishLocaleGetsTheMistakeInSpanish(String fixture, String message) {
        String file = Fixtures.fixture("invalid/" + fixture + ".yaml").toString();
        assertThatThrownBy(() -> Fixtures.load("invalid/" + fixture + ".yaml", "LANG", "es_ES.UTF-8"))
                .isInstanceOf(SettingsException.class)
                .hasMessage(file + message)
                .satisfies(e -> assertThat(((SettingsException) e).message(Language.EN))
                        .as("the same mistake in English").startsWith(file + ":"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spanishMistakes")
    void theLanguageOptionAndVariableBeatTheLocale(String fixture, String message) {
        String file = Fixtures.fixture("invalid/" + fixture + ".yaml").toString();
        assertThatThrownBy(() -> Fixtures.load(Overrides.none().with(SettingKey.LANGUAGE, "--lang", "es"),
                "invalid/" + fixture + ".yaml", "LANG", "fr_FR.UTF-8"))
                .hasMessage(file + message);
        assertThatThrownBy(() -> Fixtures.load("invalid/" + fixture + ".yaml", "TELAR_LANG", "es"))
                .hasMessage(file + message);
        assertThatThrownBy(() -> Fixtures.load(Overrides.none().with(SettingKey.LANGUAGE, "--lang", "en"),
                "invalid/" + fixture + ".yaml", "TELAR_LANG", "es", "LANG", "es_ES.UTF-8"))
                .as("--lang en beats a Spanish variable and locale").hasMessageNotContaining("debe")
                .hasMessageNotContaining("desconocid").hasMessageNotContaining("mal formado");
    }

    @Test
    void aBrokenFileIsNotTrustedForItsOwnLanguage() {
        // unknown-key.yaml says "language: en" above its mistake; the Spanish locale decides.
        assertThatThrownBy(() -> Fixtures.load("invalid/unknown-key.yaml", "LANG", "es_ES.UTF-8"))
                .hasMessageEndingWith("clave desconocida 'refersh'; ¿quería decir 'refresh'?");
        // A sound file's language does say how a variable's mistake is told.
        assertThatThrownBy(() -> Fixtures.load("valid/readme-example.yaml", "TELAR_REFRESH", "fast"))
                .hasMessage("TELAR_REFRESH: debe ser un número de segundos entre 0.25 y 10; se dio 'fast'");
        // A bad --lang is passed over: the mistake is told in the variable's language.
        assertThatThrownBy(() -> Fixtures.load(Overrides.none().with(SettingKey.LANGUAGE, "--lang", "fr"),
                "valid/comments-only.yaml", "TELAR_LANG", "es"))
                .hasMessage("--lang: idioma desconocido 'fr'; use auto, en o es");
        // English whenever no source names a language the program speaks.
        assertThatThrownBy(() -> Fixtures.load("invalid/unknown-theme.yaml", "LANG", "fr_FR.UTF-8"))
                .hasMessageEndingWith(":1:8: unknown theme 'pink'; use auto, dark, light or mono");
    }

    @Test
    void theLanguageIsKnownBeforeTheOptionsAreChecked() {
        SettingsLoader spanishLocale = new SettingsLoader(Fixtures.env("LANG", "es_ES.UTF-8"));
        Overrides badFile = Overrides.none().withConfig("--config", Fixtures.fixture("invalid/unknown-key.yaml").toString());
        assertThat(spanishLocale.language(badFile)).isEqualTo(Language.ES);
        assertThat(spanishLocale.language(badFile.with(SettingKey.LANGUAGE, "--lang", "en"))).isEqualTo(Language.EN);
        assertThat(spanishLocale.language(badFile.with(SettingKey.LANGUAGE, "--lang", "klingon"))).isEqualTo(Language.ES);
        Overrides spanishFile = Overrides.none().withConfig("--config", Fixtures.fixture("valid/readme-example.yaml").toString());
        assertThat(new SettingsLoader(Fixtures.env()).language(spanishFile)).isEqualTo(Language.ES);
        assertThat(new SettingsLoader(Fixtures.env("TELAR_LANG", "en")).language(spanishFile)).isEqualTo(Language.EN);
        assertThat(new SettingsLoader(Fixtures.env("TELAR_LANG", "auto", "LANG", "fr_FR.UTF-8")).language(spanishFile))
                .as("auto means the locale").isEqualTo(Language.EN);
        assertThat(new SettingsLoader(Fixtures.env("LANG", "fr_FR.UTF-8")).language(Overrides.none()
                .withConfig("--config", "/nonexistent/telar.yaml"))).isEqualTo(Language.EN);
    }
}

package dev.telar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
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
                        + "language, theme, ascii, mouse, experiments, ipc, log-file"),
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
}

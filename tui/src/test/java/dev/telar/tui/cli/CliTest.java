package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.probe.Probe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line in-process: exit codes and the one-line messages. */
class CliTest {
    /** Result of one run. */
    record Run(int code, String out, String err) {
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\n");
        }
    }

    static Run run(Environment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, env, new PrintWriter(out), new PrintWriter(err), null, Probe::live);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs in an environment without a settings file, whatever the machine's own. */
    static Run run(String... args) {
        return run(env(false, Map.of("TERM", "xterm", "XDG_CONFIG_HOME", "/nonexistent/telar-test-config")), args);
    }

    static Environment env(boolean terminal, Map<String, String> vars) {
        return new Environment() {
            @Override
            public boolean stdoutIsTerminal() {
                return terminal;
            }

            @Override
            public boolean stdinIsTerminal() {
                return terminal;
            }

            @Override
            public String getenv(String name) {
                return vars.get(name);
            }
        };
    }

    static void assertOneUsageLine(Run run, String... fragments) {
        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.errLines()).as("stderr").hasSize(1);
        assertThat(run.err()).startsWith("telar: ").contains(fragments)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).as("stdout").isEmpty();
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        assertOneUsageLine(run("--bogus"), "--bogus", "telar --help");
    }

    @Test
    void unknownSubcommandIsOneLineAndExitTwo() {
        assertOneUsageLine(run("frobnicate"), "frobnicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0.1", "11", "NaN", "-1"})
    void badRefreshIsOneLineAndExitTwo(String value) {
        assertOneUsageLine(run("--refresh", value), "refresh");
    }

    @Test
    void missingOptionValueIsOneLine() {
        assertOneUsageLine(run("--refresh"), "--refresh");
    }

    @Test
    void snapshotWithoutJsonTellsTheUser() {
        assertOneUsageLine(run("snapshot"), "--json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--count=0", "--count=-3", "--count=x", "--interval=0", "--interval=-1", "--interval=abc", "--interval=99999"})
    void badSnapshotNumbersAreOneLine(String option) {
        assertOneUsageLine(run("snapshot", "--json", option), option.substring(0, option.indexOf('=')), "telar snapshot --help");
    }

    @Test
    void versionComesFromTheBuild() {
        Run run = run("--version");
        assertThat(run.code()).isZero();
        String expected = System.getProperty("telar.expected.version");
        assertThat(expected).as("surefire passes the project version").isNotBlank();
        assertThat(run.out()).startsWith("telar " + expected + System.lineSeparator());
        assertThat(TelarVersion.version()).isEqualTo(expected);
    }

    @Test
    void helpListsOptionsAndTheSnapshotCommand() {
        Run run = run("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--refresh", "--log-file", "snapshot").doesNotContain("--cds-warmup");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void dashboardRefusesWhenStdoutIsNotATerminal() {
        Run run = run(env(false, Map.of("TERM", "xterm-256color")));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(TelarCommand.NOT_A_TERMINAL + System.lineSeparator());
    }

    @Test
    void dashboardRefusesADumbTerminal() {
        assertOneUsageLine(run(env(true, Map.of("TERM", "dumb"))), "TERM=dumb", "telar snapshot --json");
    }

    @Test
    void dashboardRefusesWhenTermIsUnset() {
        assertOneUsageLine(run(env(true, Map.of())), "TERM is not set", "telar snapshot --json");
    }

    @Test
    void optionsAreValidatedBeforeTheTerminalIsLookedAt() {
        assertOneUsageLine(run(env(false, Map.of()), "--refresh", "20"), "refresh");
    }

    @Test
    void failuresAreOneLineAndExitOne() {
        StringWriter err = new StringWriter();
        int code = Cli.execute(new String[] {"snapshot", "--json", "--interval", "0.1"}, env(false, Map.of()),
                new PrintWriter(new StringWriter()), new PrintWriter(err), java.nio.file.Path.of("/tmp/x.log"),
                () -> {
                    throw new IllegalStateException("no /proc here\nsecond line");
                });
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().split("\n")).hasSize(1);
        assertThat(err.toString()).contains("no /proc here second line", "/tmp/x.log").doesNotContain("\tat ");
    }
}

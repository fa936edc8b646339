package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The settings apply to every subcommand, not only to the dashboard: a broken settings file, found
 * by {@code --config}, {@code TELAR_CONFIG} or at the usual place, stops each of them before it
 * does anything, with the dashboard's one line and exit code 2; a valid one is honoured.
 */
class SettingsEverySubcommandTest {
    /** What the settings loader says about {@code refresh: fast} on line 1 of {@code file}. */
    private static String refreshLine(Path file) {
        return "telar: " + file + ":1:10: 'refresh' must be a number of seconds between 0.25 and 10, got 'fast'\n";
    }

    @TempDir
    Path tmp;

    /** Every subcommand that does work, with arguments that would make it run (and quickly). */
    static Stream<List<String>> subcommands() {
        return Stream.of(
                List.of("snapshot", "--json"),
                List.of("sync", "lock", "--size", "1000"),
                List.of("bench", "sync", "--ops", "1000", "--idle-seconds", "0"),
                List.of("bench", "ipc", "--messages", "100", "--only", "pipe"),
                List.of("run", "cpu", "--workers", "1", "--size", "1000"),
                List.of("run", "exchange", "--via", "queue", "--processes", "1", "--draws", "1000"),
                List.of("sweep", "cpu", "--json"));
    }

    /** Each subcommand against each way of finding the file. */
    static Stream<Arguments> subcommandsAndSources() {
        return subcommands().flatMap(args -> Stream.of("--config", "TELAR_CONFIG", "usual place")
                .map(source -> Arguments.of(source, args)));
    }

    /** An environment with HOME and XDG_CONFIG_HOME in the temporary directory, plus {@code pairs}. */
    private Environment envWith(String... pairs) {
        Map<String, String> vars = new HashMap<>(Map.of("TERM", "xterm", "HOME", tmp.toString(),
                "XDG_CONFIG_HOME", tmp.resolve("xdg").toString(), "LANG", "en_US.UTF-8"));
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], pairs[i + 1]);
        }
        return CliTest.env(false, vars);
    }

    private Path file(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("subcommandsAndSources")
    void aBrokenSettingsFileStopsEverySubcommandWithTheDashboardsLine(String source, List<String> args)
            throws IOException {
        CliTest.Run r;
        Path broken;
        switch (source) {
            case "--config" -> {
                broken = file("broken.yaml", "refresh: fast\n");
                r = CliTest.run(envWith(), Stream.concat(Stream.of("--config", broken.toString()), args.stream())
                        .toArray(String[]::new));
            }
            case "TELAR_CONFIG" -> {
                broken = file("broken.yaml", "refresh: fast\n");
                r = CliTest.run(envWith("TELAR_CONFIG", broken.toString()), args.toArray(String[]::new));
            }
            default -> {
                broken = file("xdg/telar/config.yaml", "refresh: fast\n");
                r = CliTest.run(envWith(), args.toArray(String[]::new));
            }
        }
        assertOneUsageLine(r, "telar: ");
        assertThat(r.err()).isEqualTo(refreshLine(broken));
    }

    @Test
    void helpAndTheConfigToolsStillWorkWithABrokenFile() throws IOException {
        Path broken = file("xdg/telar/config.yaml", "refresh: fast\n");
        CliTest.Run help = CliTest.run(envWith(), "snapshot", "--help");
        assertThat(help.code()).as(help.err()).isZero();
        assertThat(help.out()).contains("--json");
        CliTest.Run path = CliTest.run(envWith(), "config", "--path");
        assertThat(path.code()).as(path.err()).isZero();
        assertThat(path.out()).isEqualTo(broken + "\n");
        CliTest.Run check = CliTest.run(envWith(), "config", "--check");
        assertOneUsageLine(check, "telar: ");
        assertThat(check.err()).isEqualTo(refreshLine(broken));
    }

    @Test
    @Timeout(60)
    void syncInProcessesKeepsItsFilesInTheSettingsIpcDirectory() throws Exception {
        Path ipc = tmp.resolve("ipc-files");
        Path config = file("config.yaml", "ipc:\n  dir: " + ipc + "\n");
        CliTest.Run r = CliTest.run(envWith(), "--config", config.toString(), "sync", "lock", "--mode", "processes",
                "--workers", "2", "--size", "2000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("status").asText()).isEqualTo("completed");
        assertThat(o.get("mode").asText()).isEqualTo("processes");
        // The run directory was made in Telar's own place inside ipc.dir (which did not exist
        // before) and removed at the end: only that empty place is left.
        Path own = dev.telar.workloads.ipc.RunDirectory.placeIn(ipc);
        try (Stream<Path> left = Files.list(ipc)) {
            assertThat(left).as("ipc.dir holds only Telar's own place").containsExactly(own);
        }
        try (Stream<Path> left = Files.list(own)) {
            assertThat(left).as("run directories left in Telar's place").isEmpty();
        }
    }

    /** Held before this change too (the language is read apart from the other settings); kept as a guard. */
    @Test
    void theSettingsLanguageIsSpokenBySubcommands() throws IOException {
        Path config = file("config.yaml", "language: es\n");
        CliTest.Run r = CliTest.run(envWith(), "--config", config.toString(), "snapshot");
        assertOneUsageLine(r, "telar: ");
        assertThat(r.err()).isEqualTo("telar: snapshot necesita --json (JSON es el único formato de salida): "
                + "telar snapshot --json (véase 'telar snapshot --help')\n");
    }
}

package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.proc.JvmCommand;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Telar's main class in a JVM of its own, with standard input and output that are not what a
 * command expects: the dashboard with keys that cannot come, output to a full device, and output
 * to a pipe whose reader leaves. Each says so in one line on standard error and exits non-zero.
 */
class StandardStreamsCliTest {
    @TempDir
    Path tmp;

    private ProcessBuilder telar(List<String> jvmFlags, String... args) {
        List<String> withLog = new ArrayList<>(List.of("--log-file", tmp.resolve("telar.log").toString()));
        withLog.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(JvmCommand.of(jvmFlags, "dev.telar.tui.cli.Telar", withLog))
                .redirectError(tmp.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("TELAR_LANG", "en");
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
        return builder;
    }

    private static int ended(Process process, int seconds) throws InterruptedException {
        try {
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("telar ended within %d s", seconds).isTrue();
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    private List<String> errLines() throws Exception {
        return Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8).lines().toList();
    }

    /** Plain {@code telar} on a terminal (as the launcher tells it) but with keys from /dev/null: it used to end at once, silently, with 0. */
    @Test
    @Timeout(60)
    void theDashboardRefusesStandardInputThatIsNotATerminal() throws Exception {
        // No -Dtelar.stdin.tty: the child asks the kernel about its real standard input.
        Process process = telar(List.of("-Dtelar.stdout.tty=true"))
                .redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertThat(ended(process, 45)).as("exit code").isEqualTo(2);
        assertThat(errLines()).containsExactly("telar: standard input is not a terminal; the dashboard reads its keys there"
                + " (for headless use run: telar snapshot --json)");
        assertThat(Files.size(tmp.resolve("out.txt"))).as("bytes on standard output").isZero();
    }

    /**
     * {@code telar snapshot --json > /dev/full} and {@code telar config --print-defaults > /dev/full}
     * used to end with 0; help and version, printed by picocli, with a stack trace.
     */
    @ParameterizedTest
    @ValueSource(strings = {"snapshot --json", "config --print-defaults", "--help", "fleet --help", "--version"})
    @Timeout(60)
    void outputToAFullDeviceFailsWithOneLine(String command) throws Exception {
        Process process = telar(List.of(), command.split(" ")).redirectOutput(new File("/dev/full")).start();
        assertThat(ended(process, 45)).as("exit code").isEqualTo(1);
        assertThat(errLines()).containsExactly("telar: cannot write the output: No space left on device");
    }

    /** As {@code telar snapshot --json --count 300 --interval 0.2 | head -c 10}: a minute of snapshots, stopped by the first write after the reader left. */
    @Test
    @Timeout(60)
    void repeatedSnapshotsStopWhenTheReaderLeaves() throws Exception {
        Process process = telar(List.of(), "snapshot", "--json", "--count", "300", "--interval", "0.2").start();
        try (InputStream out = process.getInputStream()) {
            byte[] first = out.readNBytes(10);
            assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("{");
        }
        long closed = System.nanoTime();
        assertThat(ended(process, 30)).as("exit code").isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - closed)).as("seconds to stop after the reader left")
                .isLessThan(10);
        assertThat(errLines()).containsExactly("telar: cannot write the output: Broken pipe");
    }
}

package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.tui.handout.HandoutDir;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.proc.JvmCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telar lesson --handout DIR} on bad input and when stopped: one line and exit code 2 before
 * anything runs for a directory that cannot take the handout (never replacing a file Telar did not
 * write), and SIGTERM in the middle of the run leaves nothing behind: no handout directory, no run
 * directory, no child process.
 */
@Timeout(30)
class HandoutCliTest {
    @TempDir
    Path tmp;

    /** Telar's arguments with a settings file that puts the run directories under {@code tmp/ipc}. */
    private List<String> withSettings(String... args) throws IOException {
        Path config = tmp.resolve("config.yaml");
        if (!Files.exists(config)) {
            Files.writeString(config, "ipc:\n  dir: " + tmp.resolve("ipc") + "\n");
        }
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return all;
    }

    private CliTest.Run lesson(String... args) throws IOException {
        return CliTest.run(CliTest.env(false, Map.of("XDG_CONFIG_HOME", tmp.resolve("no-config").toString())),
                withSettings(args).toArray(String[]::new));
    }

    @Test
    void aFileInsteadOfADirectoryIsOneLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliTest.Run r = lesson("lesson", "--handout", file.toString(), "--budget", "0.05");
        CliTest.assertOneUsageLine(r, "telar: " + file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aPathThatCannotBeMadeIsOneLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliTest.Run r = lesson("--lang", "es", "lesson", "--handout", file.resolve("out").toString());
        CliTest.assertOneUsageLine(r, "telar: no se puede escribir en " + file.resolve("out"));
    }

    @Test
    void aFileTelarDidNotWriteIsNeverReplaced() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Path theirs = Files.writeString(dir.resolve("lesson-en.md"), "someone's notes");
        CliTest.Run r = lesson("lesson", "--handout", dir.toString(), "--budget", "0.05");
        CliTest.assertOneUsageLine(r, "telar: " + theirs + " already exists and Telar did not write it");
        assertThat(Files.readString(theirs)).isEqualTo("someone's notes");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no staging directory left").containsExactly(theirs);
        }
        assertThat(tmp.resolve("ipc")).as("nothing ran").doesNotExist();
    }

    @Test
    void theViewsOptionsDoNotGoWithAHandout() throws IOException {
        CliTest.Run r = lesson("lesson", "--handout", tmp.resolve("out").toString(), "--autoplay", "5");
        CliTest.assertOneUsageLine(r, "--handout", "--autoplay");
        assertThat(tmp.resolve("out")).doesNotExist();
        CliTest.assertOneUsageLine(lesson("lesson", "--handout", tmp.resolve("out").toString(), "--budget", "0.01"),
                "--budget");
        CliTest.assertOneUsageLine(lesson("lesson", "--handout", ""), "--handout needs a directory");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    /** Stopped while a step's child processes run: the directory it made and its run directories are gone, and so are its children. */
    @Test
    @Timeout(240)
    void sigtermInTheMiddleLeavesNothingBehind() throws Exception {
        Path out = tmp.resolve("out");
        Path ipc = tmp.resolve("ipc");
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of(), "dev.telar.tui.cli.Telar",
                withSettings("lesson", "--handout", out.toString(), "--budget", "0.05")));
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
        pb.environment().put("LANG", "en_US.UTF-8");
        Process p = pb.start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            // Up to the seventh step: the eighth runs child processes, which SIGTERM then finds running.
            String seventh = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = err.readLine(); line != null; line = err.readLine()) {
                        lines.add(line);
                        if (line.startsWith("[7/")) {
                            return line;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(150, TimeUnit.SECONDS);
            assertThat(seventh).as("progress: %s", lines).isNotNull();
            assertThat(out.resolve(HandoutDir.MANIFEST)).doesNotExist();
            List<ProcessHandle> children = List.of();
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); children.isEmpty() && System.nanoTime() < end; ) {
                Thread.sleep(20);
                children = p.descendants().toList();
            }
            assertThat(children).as("the process step's children").isNotEmpty();
            p.toHandle().destroy(); // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
            assertThat(p.exitValue()).isNotZero();
            for (ProcessHandle child : children) {
                assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("child %s", child.pid()).isFalse();
            }
            assertThat(out).as("the handout directory Telar made").doesNotExist();
            Path place = RunDirectory.placeIn(ipc);
            if (Files.exists(place)) {
                try (Stream<Path> left = Files.list(place)) {
                    assertThat(left).as("run directories left").isEmpty();
                }
            }
            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).as("stdout").isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }
}

package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.proc.JvmCommand;
import dev.telar.workloads.remote.ManagerKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telar sync lock --mode remote} whose manager, a process of its own, is killed with -9 in
 * the middle of the run: the run
 * ends as failed within about a session, in one line that names the manager, with exit code 1 and
 * no worker JVM left.
 */
class RemoteSyncManagerStopsTest {
    /** The shortest session a manager grants: the run must notice the silence after about this long. */
    private static final long SESSION_SECONDS = 2;
    private static final Pattern LISTENING = Pattern.compile("manager listening on 127\\.0\\.0\\.1:(\\d+) \\(key: (.+)\\)");

    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void aManagerThatStopsEndsTheRunAsFailedInOneLineWithinAboutASession() throws Exception {
        // the manager as a process of its own, as `telar manager serve` runs, to be killed with -9
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of(), "dev.telar.tui.cli.Telar",
                List.of("manager", "serve", "--listen", "127.0.0.1:0")));
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
        pb.environment().remove(ManagerKey.VARIABLE);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process manager = pb.start();
        String address;
        Path keyFile;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(manager.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(40, TimeUnit.SECONDS);
            Matcher m = LISTENING.matcher(String.valueOf(first));
            assertThat(m.matches()).as("the manager's first line: %s", first).isTrue();
            address = "127.0.0.1:" + m.group(1);
            keyFile = Path.of(m.group(2));
        } catch (Exception | AssertionError e) {
            manager.destroyForcibly();
            throw e;
        }
        Path config = tmp.resolve("xdg/telar/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "manager:\n  session: " + SESSION_SECONDS + "\n");
        Environment env = CliTest.env(false, Map.of("TERM", "xterm", "XDG_CONFIG_HOME", tmp.resolve("xdg").toString()));
        CompletableFuture<CliTest.Run> run = CompletableFuture.supplyAsync(() -> CliTest.run(env, "sync", "lock",
                "--mode", "remote", "--manager", address, "--key-file", keyFile.toString(),
                "--workers", "2", "--size", "100000000"));
        long stopped;
        try {
            awaitWorkers(2, run);
            Thread.sleep(1500); // the workers are at work on the manager's lock
        } finally {
            manager.destroyForcibly(); // SIGKILL: the manager says nothing to its clients
            manager.waitFor(10, TimeUnit.SECONDS);
            stopped = System.nanoTime();
        }
        CliTest.Run r = run.get(45, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - stopped) / 1e9;

        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(1);
        assertThat(r.errLines()).as("stderr").containsExactly("telar: the scenario failed: the manager at " + address
                + " stopped answering: no answer for a whole session (" + SESSION_SECONDS + " s), the run is lost");
        // stdout: the run's result line, as for every failed run, with the same reason
        assertThat(r.out().strip()).doesNotContain("\n").contains("remote").contains("failed: the manager at " + address + " stopped answering");
        assertThat(r.out() + r.err()).doesNotContain("unexpected").doesNotContain("Exception");
        // a session, the client's notice of it, and room for a loaded machine; it took a minute before
        assertThat(seconds).as("seconds from the manager's stop to the command's end").isLessThan(SESSION_SECONDS + 8);
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!workers().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20); // killed ones are reaped in a moment
        }
        assertThat(workers()).as("worker JVMs left").isEmpty();
    }

    /** Waits until {@code count} worker JVMs of this JVM run. */
    private static void awaitWorkers(int count, CompletableFuture<CliTest.Run> run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (workers().size() < count) {
            assertThat(run).as("the run ended before its workers started: %s", run.getNow(null)).isNotDone();
            assertThat(System.nanoTime() - deadline).as("workers started within 30 s").isNegative();
            Thread.sleep(50);
        }
    }

    /** This JVM's scenario worker JVMs still alive. */
    private static List<ProcessHandle> workers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("ScenarioChild")).collect(Collectors.toList());
    }
}

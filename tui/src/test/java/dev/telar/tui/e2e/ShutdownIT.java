package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.tui.RunLeftovers;
import dev.telar.probe.ProcessIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Telar ended in the middle of a run, in a real terminal: by SIGTERM, by SIGHUP (the terminal
 * closed), or by Ctrl-C (which raw mode delivers as a key). Each way, Telar exits within the wait,
 * gives the terminal back, leaves no child JVM alive and removes its run directory, here in a
 * settings {@code ipc.dir} inside the test's directory so that it can be looked at.
 */
class ShutdownIT {
    /** Longest a run may take to have its children started and its directory made. */
    private static final Duration RUN_START = Duration.ofSeconds(60);

    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @ParameterizedTest(name = "{0} run ended by {1}")
    @CsvSource({
        "exchange, TERM, 143",
        "sync, HUP, 129",
        "exchange, C-c, 0",
    })
    @Timeout(120)
    void aRunEndsWithTelarAndLeavesNothingBehind(String view, String how, int status) throws Exception {
        String marker = "before-telar-" + Long.toHexString(System.nanoTime());
        pane.type("echo " + marker);
        pane.waitFor(s -> s.lines().anyMatch(l -> l.equals(marker)), "the marker line");
        Path ipc = pane.dir().resolve("ipc");
        Files.writeString(pane.dir().resolve("config.yaml"), "ipc:\n  dir: " + ipc + "\n");
        ProcessHandle telar = pane.startTelar("TELAR_CONFIG=\"$T/config.yaml\"", "",
                s -> s.contains("PID") && s.contains("X Exch"), "the process list").process();
        if (view.equals("exchange")) {
            pane.key("X");
            pane.waitFor(s -> s.contains("Mechanism") && s.contains("Processes"), "the exchange form");
        } else {
            pane.key("y");
            pane.waitFor(s -> s.contains("1 Lock") && s.contains("lecture pace"), "the sync view");
            pane.key("m");
            pane.waitFor(s -> s.contains("m processes"), "processes chosen");
        }
        pane.key("Enter");
        List<ProcessIdentity> children = awaitChildrenAndRunDirectory(telar, ipc);

        if (how.equals("C-c")) {
            pane.key("C-c");
        } else {
            Process kill = new ProcessBuilder("kill", "-" + how, Long.toString(telar.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill -%s", how).isZero();
        }
        try {
            telar.onExit().get(TmuxPane.DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("telar did not exit within " + TmuxPane.DEFAULT_WAIT.toSeconds() + " s");
        }

        assertThat(pane.exitStatusOfLastCommand()).as("exit status").isEqualTo(status);
        assertThat(pane.screen()).as("alternate screen left: earlier shell output is back").contains(marker);
        assertThat(pane.cursorVisible()).as("cursor visible").isTrue();
        pane.type("stty -a");
        String after = pane.waitFor(s -> s.lines().anyMatch(l -> l.contains("echo") && l.contains("icanon"))
                && TmuxPane.lastLine(s).equals(TmuxPane.PROMPT.strip()), "stty -a output", Duration.ofSeconds(10));
        List<String> modes = Arrays.asList(after.substring(after.lastIndexOf("stty -a")).split("[\\s;]+"));
        assertThat(modes).as("terminal modes after telar").contains("icanon", "echo").doesNotContain("-icanon", "-echo");

        assertThat(children).as("child JVMs still alive after telar exited").noneMatch(ProcessIdentity::isAlive);
        assertThat(processesNaming(ipc)).as("processes whose command line names the run's directory").isEmpty();
        RunLeftovers.assertNothingLeftIn(ipc);
    }

    /**
     * Waits until the run has made its directory under {@code ipc} and started child JVMs, and
     * returns the children then alive (pid and start time).
     */
    private static List<ProcessIdentity> awaitChildrenAndRunDirectory(ProcessHandle telar, Path ipc)
            throws IOException {
        long deadline = System.nanoTime() + RUN_START.toNanos();
        while (true) {
            List<ProcessIdentity> children = telar.children()
                    .filter(c -> c.info().arguments().map(a -> Arrays.stream(a).anyMatch(x -> x.startsWith("-Dtelar.child=")))
                            .orElse(false))
                    .map(c -> ProcessIdentity.of(c.pid()))
                    .flatMap(java.util.Optional::stream)
                    .toList();
            boolean directory = false;
            Path place = RunLeftovers.placeIn(ipc);
            if (Files.isDirectory(place)) {
                try (Stream<Path> dirs = Files.list(place)) {
                    directory = dirs.anyMatch(d -> d.getFileName().toString().startsWith("run-"));
                }
            }
            if (!children.isEmpty() && directory) {
                return children;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no run directory and child JVM within " + RUN_START.toSeconds()
                        + " s (children " + children + ", directory " + directory + ")");
            }
            TmuxPane.pause(100);
        }
    }

    /** Pids of live processes whose command line mentions {@code path} (a child is given its run directory). */
    static List<Long> processesNaming(Path path) throws IOException {
        String wanted = path.toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .contains(wanted);
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(pid -> ProcessIdentity.of(pid).isPresent())
                    .toList();
        }
    }

    /**
     * The headless commands that start child JVMs, ended by SIGTERM in the middle of their run:
     * exit 143, no child left, the run directory removed.
     */
    @ParameterizedTest(name = "telar {0}")
    @CsvSource({
        "run exchange --via queue --processes 2 --draws 100000000000",
        "sync lock --mode processes --workers 2 --slowdown 1",
    })
    @Timeout(120)
    void aHeadlessRunEndsWithSigtermAndLeavesNothingBehind(String command) throws Exception {
        Path ipc = pane.dir().resolve("ipc");
        Path config = Files.writeString(pane.dir().resolve("config.yaml"), "ipc:\n  dir: " + ipc + "\n");
        List<String> args = new java.util.ArrayList<>(List.of(Launcher.path().toString(), "--config", config.toString()));
        args.addAll(List.of(command.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(args).directory(pane.dir().toFile())
                .redirectOutput(pane.dir().resolve("out.txt").toFile()).redirectError(pane.dir().resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("XDG_STATE_HOME", pane.dir().resolve("state").toString());
        Process telar = builder.start();
        try {
            List<ProcessIdentity> children = awaitChildrenAndRunDirectory(telar.toHandle(), ipc);
            telar.destroy(); // SIGTERM
            assertThat(telar.waitFor(TmuxPane.DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS)).as("telar exited").isTrue();
            assertThat(telar.exitValue()).as("exit code; stderr: %s", Files.readString(pane.dir().resolve("err.txt")))
                    .isEqualTo(143);
            assertThat(children).as("child JVMs still alive after telar exited").noneMatch(ProcessIdentity::isAlive);
            assertThat(processesNaming(ipc)).as("processes whose command line names the run's directory").isEmpty();
            RunLeftovers.assertNothingLeftIn(ipc);
        } finally {
            telar.destroyForcibly();
        }
    }
}

package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An interactive {@code bash --norc} in a detached 120x40 tmux session on a tmux server of its own
 * (own socket), started in a fresh temporary directory. {@link #close()} kills the server and
 * deletes the directory.
 *
 * <p>The shell has {@code $L} (the launcher), {@code $T} (the temporary directory) and
 * {@code XDG_STATE_HOME} (inside {@code $T}, so Telar's log stays there); its prompt is {@link #PROMPT}.
 */
final class TmuxPane implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    static final String PROMPT = "it$ ";
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);
    private static final String TARGET = "it";

    private final String socket = "telar-it-" + UUID.randomUUID().toString().substring(0, 8);
    private Path dir;
    private boolean started;
    private Path socketPath;

    /**
     * A pane per test, as a JUnit extension: {@code @RegisterExtension final TmuxPane pane =
     * TmuxPane.perTest();}. Before each test (and before its {@code @BeforeEach} methods) it skips
     * the test when tmux is missing, builds the launcher (once per JVM) and opens the pane; after
     * each test it closes it.
     */
    static TmuxPane perTest() {
        return new TmuxPane();
    }

    private TmuxPane() {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        assumeTrue(available(), "tmux is not installed");
        Launcher.warmUp();
        open(Launcher.path());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
    }

    private void open(Path launcher) throws IOException {
        dir = Files.createTempDirectory("telar-it-");
        try {
            run("new-session", "-d", "-s", TARGET, "-x", "120", "-y", "40", "-c", dir.toString(),
                    "env", "PS1=" + PROMPT, "HISTFILE=/dev/null", "L=" + launcher, "T=" + dir,
                    "XDG_STATE_HOME=" + dir.resolve("state"), "bash", "--norc", "--noprofile");
            started = true;
            socketPath = Path.of(run("display-message", "-p", "-t", TARGET, "#{socket_path}").strip());
            waitFor(s -> lastLine(s).equals(PROMPT.strip()), "the shell prompt");
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Telar started in the pane, and the screen that showed it was ready. */
    record Started(ProcessHandle process, String screen) {
    }

    /**
     * Starts the launcher with {@code env} variables ({@code NAME=value ...}, may be empty) and
     * {@code options}, its pid recorded by the shell that execs it, and waits for {@code ready}.
     */
    Started startTelar(String env, String options, Predicate<String> ready, String what) throws IOException {
        type("bash -c 'echo $$ >\"$T/pid\"; exec " + (env.isEmpty() ? "" : "env " + env + " ") + "\"$L\""
                + (options.isEmpty() ? "" : " " + options) + "'");
        String screen = waitFor(s -> ready.test(s) && !fileLinesQuietly("pid").isEmpty(), what);
        List<String> pid = fileLines("pid");
        assertThat(pid).hasSize(1);
        ProcessHandle process = ProcessHandle.of(Long.parseLong(pid.get(0).strip()))
                .orElseThrow(() -> new AssertionError("telar's process is gone while the dashboard shows"));
        return new Started(process, screen);
    }

    /** Quits Telar with q and checks that it ended with status 0. */
    void quitTelar(ProcessHandle telar) throws Exception {
        key("q");
        telar.onExit().get(DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(exitStatusOfLastCommand()).as("exit status").isZero();
    }

    /** True when a tmux binary can be run. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resizes the pane's window to {@code columns}×{@code rows} cells (a program in it gets SIGWINCH). */
    void resize(int columns, int rows) {
        run("resize-window", "-t", TARGET, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /** The temporary directory, {@code $T} in the shell. */
    Path dir() {
        return dir;
    }

    /** Types {@code text} literally, then Enter. */
    void type(String text) {
        run("send-keys", "-t", TARGET, "-l", text);
        run("send-keys", "-t", TARGET, "Enter");
    }

    /** Sends one key by tmux name, e.g. {@code q} or {@code C-c}. */
    void key(String key) {
        run("send-keys", "-t", TARGET, key);
    }

    /** Sends {@code text} to the program in the pane as it is (no Enter), e.g. an escape sequence. */
    void literal(String text) {
        run("send-keys", "-t", TARGET, "-l", text);
    }

    /**
     * A press and release of the first mouse button on cell ({@code column}, {@code row}), 0-based,
     * as a terminal in xterm's mouse mode reports it: {@code ESC [ M} with button and coordinates
     * offset by 32 (and 1).
     */
    void click(int column, int row) {
        literal("\u001b[M " + (char) (33 + column) + (char) (33 + row));
        literal("\u001b[M#" + (char) (33 + column) + (char) (33 + row));
    }

    /** The visible screen with its colours and attributes as escape sequences. */
    String screenWithEscapes() {
        return run("capture-pane", "-p", "-e", "-t", TARGET);
    }

    /** A tmux format evaluated for the pane, e.g. {@code #{mouse_standard_flag}}. */
    String format(String tmuxFormat) {
        return run("display-message", "-p", "-t", TARGET, tmuxFormat).strip();
    }

    /** The visible screen (the alternate screen while a full-screen program shows it). */
    String screen() {
        return run("capture-pane", "-p", "-t", TARGET);
    }

    /** True when the terminal's cursor is visible (tmux {@code cursor_flag}). */
    boolean cursorVisible() {
        return run("display-message", "-p", "-t", TARGET, "#{cursor_flag}").strip().equals("1");
    }

    /** Polls the screen every 100 ms until {@code condition} holds; fails with the last screen after {@code timeout}. */
    String waitFor(Predicate<String> condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " on the screen within " + timeout.toSeconds() + " s; screen:\n" + screen);
            }
            pause(100);
            screen = screen();
        }
        return screen;
    }

    String waitFor(Predicate<String> condition, String what) {
        return waitFor(condition, what, DEFAULT_WAIT);
    }

    /** Waits for the prompt to be the last line again, then for the output of {@code echo "rc=$?"}. */
    int exitStatusOfLastCommand() {
        waitFor(s -> lastLine(s).equals(PROMPT.strip()), "shell prompt");
        type("echo \"rc=$?\"");
        String screen = waitFor(s -> s.lines().anyMatch(l -> l.matches("rc=\\d+")), "rc=N line");
        return Integer.parseInt(screen.lines().filter(l -> l.matches("rc=\\d+")).reduce((a, b) -> b).orElseThrow().substring(3));
    }

    /** Lines of a file the shell wrote into {@code $T}; empty when it does not exist. */
    List<String> fileLines(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** As {@link #fileLines}, for polling: an unreadable file reads as empty. */
    List<String> fileLinesQuietly(String name) {
        try {
            return fileLines(name);
        } catch (IOException e) {
            return List.of();
        }
    }

    static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private String run(String... tmuxArgs) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(tmuxArgs));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tmux " + String.join(" ", tmuxArgs) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("tmux " + String.join(" ", tmuxArgs) + " failed (" + p.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (started) {
            started = false;
            try {
                run("kill-server");
            } catch (AssertionError | UncheckedIOException e) {
                // already gone
            }
            if (socketPath != null) {
                Files.deleteIfExists(socketPath); // tmux leaves its socket file behind
            }
        }
        if (dir == null || !Files.exists(dir)) {
            return; // never opened (tmux missing), or closed already
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

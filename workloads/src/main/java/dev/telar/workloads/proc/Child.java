package dev.telar.workloads.proc;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started child JVM. Its standard output is a pipe the caller may read ({@link #stdout()}); its
 * error stream is drained by a daemon thread that keeps the last lines ({@link #lastError()}) and
 * logs them, so a child never blocks on a full error pipe and never writes to the terminal.
 * Thread-safe.
 */
public final class Child {
    private static final Logger LOG = LoggerFactory.getLogger(Child.class);
    private static final int KEPT_ERROR_LINES = 20;

    private final Process process;
    private final String name;
    private final BufferedReader stdout;
    private final ArrayDeque<String> errorTail = new ArrayDeque<>();
    private final Thread errorDrain;
    private final boolean input;

    Child(Process process, String name, boolean input) {
        this.process = process;
        this.name = name;
        this.input = input;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.errorDrain = new Thread(this::drainErrors, "telar-child-err-" + process.pid());
        errorDrain.setDaemon(true);
        errorDrain.start();
    }

    /** Operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** The class the child runs (simple name), for lists and messages. */
    public String name() {
        return name;
    }

    /** True while the child runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's standard output; read it if the child writes more than a few lines. */
    public BufferedReader stdout() {
        return stdout;
    }

    /**
     * Writes one line to the child's standard input and flushes it. Thread-safe.
     *
     * @throws IllegalStateException when the child was started without an input pipe
     * @throws UncheckedIOException when the child has closed its input or ended
     */
    public void sendLine(String line) {
        if (!input) {
            throw new IllegalStateException("child " + this + " was started without an input pipe");
        }
        OutputStream in = process.getOutputStream();
        synchronized (in) {
            try {
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to child " + this + ": " + e.getMessage(), e);
            }
        }
    }

    /** Waits for the child to end. */
    public ChildExit join() throws InterruptedException {
        int code = process.waitFor();
        awaitErrorDrain();
        return new ChildExit(code);
    }

    /** Waits at most {@code timeout}; empty when the child still runs. */
    public Optional<ChildExit> join(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        awaitErrorDrain();
        return Optional.of(new ChildExit(process.exitValue()));
    }

    /** Completes with the exit once the child has ended. */
    public CompletableFuture<ChildExit> onExit() {
        return process.onExit().thenApply(p -> new ChildExit(p.exitValue()));
    }

    /** Ends the child at once (SIGKILL). */
    public void kill() {
        process.destroyForcibly();
    }

    /** Asks the child to end (SIGTERM). */
    public void terminate() {
        process.destroy();
    }

    /**
     * Why the child says it failed, from the last line of its error stream: the problem it wrote
     * ({@link Problem#toLine()}), else that line in its own words ({@link ProblemCode#ERROR});
     * empty when it wrote nothing.
     */
    public Optional<Problem> lastProblem() {
        return Problem.said(lastError());
    }

    /**
     * Why the child ended, told with {@code saying} and its {@link #lastProblem()} as the cause when
     * it wrote one, else with {@code plain}; both codes take {@code args}.
     */
    public Problem endedAs(ProblemCode plain, ProblemCode saying, Object... args) {
        return Problem.ended(lastProblem(), plain, saying, args);
    }

    /** The last line the child wrote to its error stream, or "" when it wrote none. */
    public String lastError() {
        synchronized (errorTail) {
            return errorTail.isEmpty() ? "" : errorTail.peekLast();
        }
    }

    private void awaitErrorDrain() throws InterruptedException {
        // The drain ends at end-of-stream, right after the child's exit; wait briefly so
        // lastError() reflects the child's final words.
        errorDrain.join(1000);
    }

    private void drainErrors() {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                LOG.warn("child {} ({}): {}", process.pid(), name, line);
                synchronized (errorTail) {
                    if (errorTail.size() == KEPT_ERROR_LINES) {
                        errorTail.removeFirst();
                    }
                    errorTail.addLast(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("error stream of child {} closed: {}", process.pid(), e.toString());
        }
    }

    @Override
    public String toString() {
        return name + "[" + process.pid() + "]";
    }
}

package dev.telar.workloads.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts child JVMs running {@link ChildMain}, and makes sure none outlives this JVM.
 *
 * <p>Three layers keep children from becoming orphans: on a normal exit a shutdown hook kills the
 * children still running; if this JVM is killed outright, each child has asked the kernel for
 * SIGKILL when its parent goes (PR_SET_PDEATHSIG); and each child also watches its parent id in
 * case it started after the parent died. PR_SET_PDEATHSIG fires when the <em>thread</em> that
 * started the child ends, so every child is started from one thread that lives as long as this JVM.
 */
public final class ChildLauncher {
    /** Flags every child gets ({@link JvmFlags#child()}: why each, in {@code jvm.flags}). */
    public static final List<String> CHILD_FLAGS = JvmFlags.child();

    /** System property naming the class a child runs, e.g. {@code -Dtelar.child=PoolWorker}. */
    public static final String NAME_PROPERTY = "telar.child";

    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "telar-child-starter");
        t.setDaemon(true);
        return t;
    });
    private static final Set<Child> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildLauncher::killAll, "telar-child-reaper"));
    }

    private ChildLauncher() {
    }

    /** Starts a child JVM that creates a {@code target} and runs it with {@code args}. */
    public static Child startTarget(Class<? extends ProcessTarget> target, List<String> args) {
        return start(ChildMain.KIND_TARGET, target, args, List.of());
    }

    /**
     * Starts a child JVM running {@link ChildMain} for {@code type}.
     *
     * @param kind     {@link ChildMain#KIND_TARGET} or {@link ChildMain#KIND_SUBCLASS}
     * @param jvmFlags flags for this child after {@link #CHILD_FLAGS} (e.g. a heap size)
     * @throws UncheckedIOException when the JVM cannot be started
     */
    public static Child start(String kind, Class<?> type, List<String> args, List<String> jvmFlags) {
        return start(kind, type, args, jvmFlags, false);
    }

    /**
     * The command line {@link #start} runs: java, flags, {@link ChildMain}, then this JVM's pid,
     * {@code kind}, the class and {@code args}. Public so that whoever tells Telar's processes
     * apart by their command lines (the fleet's summaries) reads the real one.
     */
    public static List<String> command(String kind, Class<?> type, List<String> args, List<String> jvmFlags) {
        List<String> mainArgs = new ArrayList<>();
        mainArgs.add(Long.toString(ProcessHandle.current().pid()));
        mainArgs.add(kind);
        mainArgs.add(type.getName());
        mainArgs.addAll(args);
        List<String> flags = new ArrayList<>(CHILD_FLAGS);
        flags.addAll(jvmFlags);
        List<String> command = new ArrayList<>(JvmCommand.of(flags, ChildMain.class.getName(), mainArgs));
        // First on the command line, so a process list (Telar's, ps, htop) tells what the child is.
        command.add(1, "-D" + NAME_PROPERTY + "=" + type.getSimpleName());
        return command;
    }

    /**
     * Starts a child JVM running {@link ChildMain} for {@code type}, optionally keeping a pipe to
     * its standard input (see {@link Child#sendLine}); without one the child reads end-of-file at once.
     *
     * @param kind     {@link ChildMain#KIND_TARGET} or {@link ChildMain#KIND_SUBCLASS}
     * @param jvmFlags flags for this child after {@link #CHILD_FLAGS} (e.g. a heap size)
     * @param input    true to keep the child's standard input open for {@link Child#sendLine}
     * @throws UncheckedIOException when the JVM cannot be started
     */
    public static Child start(String kind, Class<?> type, List<String> args, List<String> jvmFlags, boolean input) {
        List<String> command = command(kind, type, args, jvmFlags);
        Future<Child> started = STARTER.submit(() -> {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            if (!input) {
                process.getOutputStream().close(); // the child reads nothing from us
            }
            Child child = new Child(process, type.getSimpleName(), input);
            LIVE.add(child);
            process.onExit().thenRun(() -> LIVE.remove(child));
            return child;
        });
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a child JVM", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new UncheckedIOException("cannot start a child JVM: " + cause.getMessage(),
                    cause instanceof IOException io ? io : new IOException(cause));
        }
    }

    /** Children started here that are still running. */
    public static List<Child> live() {
        return List.copyOf(LIVE);
    }

    /** Kills every running child (SIGKILL). */
    public static void killAll() {
        for (Child child : LIVE) {
            child.kill();
        }
    }
}

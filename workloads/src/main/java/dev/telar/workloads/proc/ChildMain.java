package dev.telar.workloads.proc;

import dev.telar.workloads.ipc.ChronicleTarget;
import dev.telar.probe.Kernel;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.util.Arrays;

/**
 * Entry point of every child JVM: {@code ChildMain <parent pid> <kind> <class> [args...]}.
 * Binds the child's life to its parent, then runs a {@link ProcessTarget} or a
 * {@link ChildProcess} subclass. Exit codes: 0 done, 1 the work threw (message on stderr),
 * 2 bad command line, 3 the parent was already gone.
 */
public final class ChildMain {
    /** Kind for a {@link ProcessTarget}. */
    public static final String KIND_TARGET = "target";
    /** Kind for a {@link ChildProcess} subclass. */
    public static final String KIND_SUBCLASS = "subclass";
    /** Exit code of a child whose parent has gone. */
    public static final int EXIT_ORPHANED = 4;
    private static final int SIGKILL = 9;

    private ChildMain() {
    }

    public static void main(String[] args) {
        quietLibraries();
        if (args.length < 3) {
            System.err.println("telar child: usage: ChildMain <parent pid> <kind> <class> [args...]");
            System.exit(2);
        }
        int parent = Integer.parseInt(args[0]);
        Kernel.dieWithParent(SIGKILL);
        // The parent may have died before prctl took effect; then we were re-parented already.
        if (Kernel.parentPid() != parent) {
            System.exit(EXIT_ORPHANED);
        }
        ParentWatch.start(parent, Long.getLong(ParentWatch.PERIOD_PROPERTY, ParentWatch.PERIOD_MS));
        String[] rest = Arrays.copyOfRange(args, 3, args.length);
        try {
            Class<?> type = Class.forName(args[2]);
            switch (args[1]) {
                case KIND_TARGET -> type.asSubclass(ProcessTarget.class).getConstructor().newInstance().run(rest);
                case KIND_SUBCLASS -> type.asSubclass(ChildProcess.class).getConstructor().newInstance().run(rest);
                default -> {
                    System.err.println("telar child: unknown kind " + args[1]);
                    System.exit(2);
                }
            }
        } catch (Throwable e) {
            // The parent reads the last line as the child's reason: a problem is written whole (the
            // parent's user interface words it), a full disk as such (a fault in a mapped file
            // otherwise reads as an InternalError), anything else in its own words.
            System.err.println(lastWords(e));
            System.exit(1);
        }
        // Chronicle and pools may leave non-daemon threads behind; the work is done.
        System.exit(0);
    }

    /** The line a failed child ends its error stream with (see {@link Child#lastProblem()}). */
    static String lastWords(Throwable e) {
        Problem p = Problem.of(e);
        return p.code() == ProblemCode.ERROR ? Problem.detail(e) : p.toLine();
    }

    /**
     * A child's standard error is logged by the parent line by line, and its last line is the
     * reason shown when the child fails; keep libraries' notices (slf4j-simple logs INFO to stderr,
     * Chronicle announces itself and watches disk space in a thread) out of it. Must run before
     * the first logger or Chronicle class is loaded.
     */
    private static void quietLibraries() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
        setIfAbsent("chronicle.announcer.disable", "true");
        setIfAbsent("chronicle.disk.monitor.disable", "true");
        setIfAbsent("chronicle.analytics.disable", "true");
        ChronicleTarget.keepOutOfTmp();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

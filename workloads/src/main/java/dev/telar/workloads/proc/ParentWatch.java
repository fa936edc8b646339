package dev.telar.workloads.proc;

import dev.telar.probe.Kernel;

/**
 * In a child JVM: ends the child when its parent is gone (its parent id changes), as a second
 * guard beside PR_SET_PDEATHSIG. Polls every 200 ms with one getppid call, a negligible cost; a
 * long-lived child that mostly sleeps (the lab JVM) asks for a longer period through
 * {@link #PERIOD_PROPERTY}, so that an idle child wakes no more often than the dashboard.
 */
public final class ParentWatch {
    static final long PERIOD_MS = 200;
    /** System property: the period in milliseconds, for children that must wake rarely. */
    public static final String PERIOD_PROPERTY = "telar.parent-watch-ms";

    private ParentWatch() {
    }

    static void start(int parent, long periodMs) {
        Thread watch = new Thread(() -> {
            while (true) {
                if (Kernel.parentPid() != parent) {
                    Runtime.getRuntime().halt(ChildMain.EXIT_ORPHANED);
                }
                try {
                    Thread.sleep(Math.max(10, periodMs));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "telar-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}

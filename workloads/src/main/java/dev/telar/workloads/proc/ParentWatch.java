package dev.telar.workloads.proc;

import dev.telar.probe.Kernel;

/**
 * In a child JVM: ends the child when its parent is gone (its parent id changes), as a second
 * guard beside PR_SET_PDEATHSIG. Polls every 200 ms with one getppid call, a negligible cost.
 */
final class ParentWatch {
    static final long PERIOD_MS = 200;

    private ParentWatch() {
    }

    static void start(int parent) {
        Thread watch = new Thread(() -> {
            while (true) {
                if (Kernel.parentPid() != parent) {
                    Runtime.getRuntime().halt(ChildMain.EXIT_ORPHANED);
                }
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "telar-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}

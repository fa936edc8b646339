package dev.telar.workloads.proc;

import java.util.List;

/** Starts the child JVMs of the exchange experiments and benchmarks. */
public final class QuietChildren {
    /**
     * Chronicle announces itself at INFO on start-up; a child's error stream ends up in the parent's
     * log as warnings, so children log warnings and errors only.
     */
    private static final List<String> FLAGS = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private QuietChildren() {
    }

    public static Child start(Class<? extends ProcessTarget> target, List<String> args) {
        return ChildLauncher.start(ChildMain.KIND_TARGET, target, args, FLAGS);
    }
}

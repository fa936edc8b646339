package dev.telar.workloads.exchange;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import dev.telar.workloads.proc.ProcessTarget;
import java.util.List;

/** Starts the child JVMs of the exchange experiments and benchmarks. */
final class ExchangeChildren {
    /**
     * Chronicle announces itself at INFO on start-up; a child's error stream ends up in the parent's
     * log as warnings, so children log warnings and errors only.
     */
    private static final List<String> FLAGS = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private ExchangeChildren() {
    }

    static Child start(Class<? extends ProcessTarget> target, List<String> args) {
        return ChildLauncher.start(ChildMain.KIND_TARGET, target, args, FLAGS);
    }
}

package dev.telar.workloads.model;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import java.util.List;

/** One child JVM per worker, made by handing a target ({@link ShareTarget}) to a generic child process. */
public final class ProcessTargetModel extends ChildPerWorkerModel {
    @Override
    public ModelKind kind() {
        return ModelKind.PROCESS_TARGET;
    }

    @Override
    public String summary() {
        return "one child JVM per worker, a target handed to a generic process";
    }

    @Override
    Child startChild(String[] args) {
        return ChildLauncher.start(ChildMain.KIND_TARGET, ShareTarget.class, List.of(args), List.of(), true);
    }
}

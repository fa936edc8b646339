package dev.telar.workloads.model;

import dev.telar.workloads.proc.Child;

/** One child JVM per worker, made from a process subclass overriding run() ({@link ShareProcess}). */
public final class ProcessSubclassModel extends ChildPerWorkerModel {
    @Override
    public ModelKind kind() {
        return ModelKind.PROCESS_SUBCLASS;
    }

    @Override
    public String summary() {
        return "one child JVM per worker, a process subclass overriding run()";
    }

    @Override
    Child startChild(String[] args) {
        return new ShareProcess().start(args);
    }
}

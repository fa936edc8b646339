package dev.telar.workloads.model;

import dev.telar.workloads.proc.Child;

/** One child JVM per worker, made from a process subclass overriding run() ({@link ShareProcess}). */
public final class ProcessSubclassModel extends ChildPerWorkerModel {
    @Override
    public String id() {
        return "process-subclass";
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

package dev.telar.workloads.model;

import dev.telar.workloads.proc.ChildProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The {@code process-subclass} child: a process subclass whose run() computes its {@link ShareWorker} share. */
public final class ShareProcess extends ChildProcess {
    @Override
    protected void run(String[] args) throws Exception {
        ShareWorker.run(args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
    }

    @Override
    protected boolean readsInput() {
        return true; // it waits for the parent's "go"
    }
}

package dev.telar.workloads.model;

import dev.telar.workloads.proc.ProcessTarget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The {@code process-target} child: a generic child JVM handed this target, which runs its {@link ShareWorker} share. */
public final class ShareTarget implements ProcessTarget {
    @Override
    public void run(String[] args) throws Exception {
        ShareWorker.run(args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
    }
}

package dev.telar.workloads.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.NumberType;
import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.proc.JvmCommand;
import dev.telar.workloads.sync.process.ProcessSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared files that name processes by pid record the PID namespace they were made in; a JVM in
 * another namespace ({@code unshare --pid}, as in a container sharing the directory) is refused at
 * open with one line, rather than taking a lock over or waiting on holders it cannot see.
 */
class PidNamespaceTest {
    @TempDir
    Path dir;

    private record Result(int code, String out) {
    }

    private static Result probe(boolean otherNamespace, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (otherNamespace) {
            cmd.addAll(List.of("unshare", "--pid", "--fork", "--mount-proc"));
        }
        cmd.addAll(JvmCommand.of(List.of("-XX:TieredStopAtLevel=1"), NamespaceProbe.class.getName(), List.of(args)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
            String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
            return new Result(p.exitValue(), last);
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "--pid", "--fork", "--mount-proc", "true")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @Timeout(180)
    void exchangeAndSyncFilesAreRefusedFromAnotherPidNamespace() throws Exception {
        assumeTrue(unshareWorks(), "unshare --pid --fork --mount-proc is refused here (needs root or user namespaces)");
        long here = ProcessIdentity.pidNamespace();
        assumeTrue(here != 0, "this process's PID namespace cannot be read");
        Path value = dir.resolve("value");
        Path queue = dir.resolve("queue");
        Path sync = dir.resolve("sync");
        SharedQueue.create(queue, 1, ExchangeLimits.defaults());
        try (SharedValue v = SharedValue.create(value, NumberType.LONG, 0); ProcessSync s = new ProcessSync(sync)) {
            s.lock("guard");
            assertThat(probe(false, "value", value.toString())).as("same namespace")
                    .isEqualTo(new Result(0, "opened"));
            String refused = " was created in another PID namespace (pid:[" + here + "], this process is in pid:[";
            String end = "]); Telar cannot tell whether its holders live";

            Result r = probe(true, "value", value.toString());
            assertThat(r.code()).as(r.out()).isEqualTo(3);
            assertThat(r.out()).startsWith(value + refused).endsWith(end);

            r = probe(true, "queue", queue.toString());
            assertThat(r.code()).as(r.out()).isEqualTo(3);
            assertThat(r.out()).startsWith(queue.resolve("control") + refused).endsWith(end);

            r = probe(true, "lock", sync.toString(), "guard");
            assertThat(r.code()).as(r.out()).isEqualTo(3);
            assertThat(r.out()).startsWith(sync.toString()).contains(refused).endsWith(end);
        }
    }
}

package dev.telar.workloads.proc;

import dev.telar.workloads.ipc.DiskFullException;
import dev.telar.workloads.pool.ProcessPool;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Small child programs for the child JVM tests; public so the child can create them. */
public final class ChildTargets {
    private ChildTargets() {
    }

    /** Prints its arguments joined by commas. */
    public static final class Echo implements ProcessTarget {
        @Override
        public void run(String[] args) {
            System.out.println(String.join(",", args));
        }
    }

    /** Throws with the first argument as message. */
    public static final class Fail implements ProcessTarget {
        @Override
        public void run(String[] args) {
            throw new IllegalStateException(args[0]);
        }
    }

    /** Fails for a full disk: the journal named by the first argument, on the place the second names. */
    public static final class DiskFull implements ProcessTarget {
        @Override
        public void run(String[] args) {
            throw new IllegalStateException("the journal could not go on",
                    new DiskFullException(Problem.of(ProblemCode.DISK_FULL_JOURNAL, args[0], args[1], "0 B", "260 KiB")));
        }
    }

    /** Prints "ready" then sleeps for a minute. */
    public static final class Sleeper implements ProcessTarget {
        @Override
        public void run(String[] args) throws InterruptedException {
            System.out.println("ready");
            Thread.sleep(60_000);
        }
    }

    /** Plays a dashboard: starts a Sleeper grandchild, prints its pid, then sleeps. */
    public static final class Spawner implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            Child grandchild = ChildLauncher.startTarget(Sleeper.class, List.of());
            if (!"ready".equals(grandchild.stdout().readLine())) {
                throw new IllegalStateException("grandchild did not start");
            }
            System.out.println(grandchild.pid());
            Thread.sleep(Duration.ofMinutes(1).toMillis());
        }
    }

    /** Plays a dashboard with a process pool: starts a one-worker pool under args[0], prints the worker's pid, sleeps. */
    public static final class PoolSpawner implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            ProcessPool pool = ProcessPool.start(1, Path.of(args[0]), new int[0]);
            System.out.println(pool.pids().get(0));
            Thread.sleep(Duration.ofMinutes(1).toMillis());
        }
    }

    /** The subclass way: squares its argument. */
    public static final class Squarer extends ChildProcess {
        @Override
        protected void run(String[] args) {
            long n = Long.parseLong(args[0]);
            System.out.println(n * n);
        }
    }
}

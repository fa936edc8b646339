package dev.telar.workloads.mechanism;

import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.shm.Backoff;
import java.nio.file.Path;

/**
 * Child programs for {@link DeadPeerTest}: each stops at a chosen point of a mechanism's protocol,
 * says so on its standard output, and stays there until the test kills it (or 120 s pass).
 */
public final class DeadPeerTargets {
    private static final long STAY_MS = 120_000;

    private DeadPeerTargets() {
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void stay() throws InterruptedException {
        Thread.sleep(STAY_MS);
    }

    /** Claims a lane of the queue in DIR, as a producer's first step, and stops there. Args: DIR. */
    public static final class LaneClaimer implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (SharedQueue q = SharedQueue.open(Path.of(args[0]))) {
                say("claimed " + q.claimLane());
                stay();
            }
        }
    }

    /** Sends keys 0, 1, 2, ... through end B of the pipe in DIR, without end. Args: DIR. */
    public static final class EndlessWriter implements ProcessTarget {
        @Override
        public void run(String[] args) {
            try (PipeEnd b = Pipe.open(Path.of(args[0]), Pipe.Side.B)) {
                for (long k = 0; ; k++) {
                    b.send(k, k);
                }
            }
        }
    }

    /** Receives N messages at end B of the pipe in DIR, then stops reading. Args: DIR N. */
    public static final class StallingReader implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (PipeEnd b = Pipe.open(Path.of(args[0]), Pipe.Side.B)) {
                int n = Integer.parseInt(args[1]);
                for (int i = 0; i < n; i++) {
                    b.recv();
                }
                say("read " + n);
                stay();
            }
        }
    }

    /** Takes N messages from the queue in DIR, then stops taking. Args: DIR N. */
    public static final class StallingConsumer implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (SharedQueue q = SharedQueue.open(Path.of(args[0])); SharedQueue.Consumer c = q.consumer()) {
                int n = Integer.parseInt(args[1]);
                for (int i = 0; i < n; i++) {
                    c.take();
                }
                say("took " + n);
                stay();
            }
        }
    }

    /** Claims one message of the queue in DIR (the first half of a take) and stops holding it. Args: DIR. */
    public static final class ClaimHolder implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (SharedQueue q = SharedQueue.open(Path.of(args[0])); SharedQueue.Consumer c = q.consumer()) {
                Backoff backoff = new Backoff();
                long held;
                while ((held = c.claimNext()) == -1) {
                    backoff.idle();
                }
                say("held " + held);
                stay();
            }
        }
    }

    /** Updates key "k" of the dict in FILE and stops inside the update (holding the entry's lock). Args: FILE. */
    public static final class DictStaller implements ProcessTarget {
        @Override
        public void run(String[] args) {
            try (SharedDict d = SharedDict.open(Path.of(args[0]))) {
                d.update("k", v -> {
                    say("inside");
                    try {
                        stay();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return v + 1;
                });
            }
        }
    }
}

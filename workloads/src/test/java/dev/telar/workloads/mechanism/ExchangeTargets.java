package dev.telar.workloads.mechanism;

import dev.telar.workloads.exchange.ExchangeExperiment;
import dev.telar.workloads.exchange.ExchangeRun;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.proc.StartGate;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.List;

/** Child programs for the cross-process exchange tests; public so a child JVM can create them. */
public final class ExchangeTargets {
    private ExchangeTargets() {
    }

    /**
     * Takes the lock of the shared value FILE, says "locked" on standard output and keeps the lock
     * until killed (at most a minute). Args: FILE.
     */
    public static final class LockHolder implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (SharedValue v = SharedValue.open(Path.of(args[0]))) {
                v.lock().lock();
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }

    /** Producer {@code ID} puts keys {@code ID << 32 | k} for k in 0..N-1. Args: DIR ID N. */
    public static final class Producer implements ProcessTarget {
        @Override
        public void run(String[] args) {
            long id = Long.parseLong(args[1]);
            int n = Integer.parseInt(args[2]);
            try (SharedQueue q = SharedQueue.open(Path.of(args[0])); SharedQueue.Producer p = q.producer()) {
                for (int k = 0; k < n; k++) {
                    p.put(id << 32 | k, k);
                }
            }
        }
    }

    /** Takes until the end of the stream and writes the keys it took, in order, to OUT. Args: DIR OUT. */
    public static final class Consumer implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (SharedQueue q = SharedQueue.open(Path.of(args[0])); SharedQueue.Consumer c = q.consumer();
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[1])))) {
                while (true) {
                    Packet m;
                    try {
                        m = c.take();
                    } catch (ExchangeClosedException end) {
                        break;
                    }
                    if (m.value() != (int) m.key()) {
                        throw new IllegalStateException("message " + m + " carries the wrong value");
                    }
                    out.writeLong(m.key());
                }
            }
        }
    }

    /** Echoes every message of end B back doubled, until end A closes. Args: DIR. */
    public static final class Echo implements ProcessTarget {
        @Override
        public void run(String[] args) {
            try (PipeEnd b = Pipe.open(Path.of(args[0]), Pipe.Side.B)) {
                while (true) {
                    Packet m;
                    try {
                        m = b.recv();
                    } catch (ExchangeClosedException end) {
                        return;
                    }
                    b.send(m.key(), m.value() * 2);
                }
            }
        }
    }

    /**
     * Adds 1, N times each, under the lock, to a shared value and to element 0 of a shared array,
     * and N/10 times to key "k" of a shared dict; sets array element 1 + INDEX to INDEX + 1. Starts at the gate.
     * Args: DIR N INDEX.
     */
    public static final class Incrementer implements ProcessTarget {
        @Override
        public void run(String[] args) {
            Path dir = Path.of(args[0]);
            long n = Long.parseLong(args[1]);
            int index = Integer.parseInt(args[2]);
            try (SharedValue v = SharedValue.open(dir.resolve("v")); SharedArray a = SharedArray.open(dir.resolve("a"));
                 SharedDict d = SharedDict.open(dir.resolve("d")); StartGate gate = StartGate.open(dir.resolve("gate"))) {
                gate.ready();
                gate.awaitOpen();
                for (long i = 0; i < n; i++) {
                    v.addLocked(1);
                    a.addLocked(0, 1);
                }
                for (long i = 0; i < n / 10; i++) {
                    if (i % 2 == 0) {
                        d.add("k", 1); // the entry's own atomic update (under its segment lock)
                    } else {
                        d.addLocked("k", 1); // the Manager idiom: the dict's lock around it
                    }
                }
                a.set(1 + index, index + 1);
            }
        }
    }

    /** Runs an exchange experiment (queue, 1 process, long) under DIR and waits. Args: DIR. */
    public static final class ExperimentHost implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            ExchangeSpec spec = new ExchangeSpec(Mechanism.QUEUE, 1, 50_000_000_000L, 1, ExchangeLimits.defaults());
            ExchangeRun run = ExchangeExperiment.start(spec, Path.of(args[0]), s -> { });
            while (run.received(0) == 0) {
                Thread.sleep(5);
            }
            System.out.println("running " + List.of(run.children().get(0).pid()));
            System.out.flush();
            run.await();
        }
    }
}

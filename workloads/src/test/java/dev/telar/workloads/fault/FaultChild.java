package dev.telar.workloads.fault;

import dev.telar.workloads.exchange.ExchangeExperiment;
import dev.telar.workloads.exchange.ExchangeRun;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.mechanism.NumberType;
import dev.telar.workloads.mechanism.Packet;
import dev.telar.workloads.mechanism.Pipe;
import dev.telar.workloads.mechanism.PipeEnd;
import dev.telar.workloads.mechanism.SharedArray;
import dev.telar.workloads.mechanism.SharedDict;
import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.shm.ProcessMutex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A fault-suite child: started ahead of time (its JVM start is paid while another run goes on),
 * it waits for one command line on its standard input and plays that role until the suite kills
 * it. Each role records what it has acknowledged in a shared {@link SharedArray} ({@link #ACKS}
 * slots), so the suite can tell, after the kill, what the dead process had handed over. Args: the
 * suite's base directory (so that a leftover process can be found by its command line).
 */
public final class FaultChild implements ProcessTarget {
    /** Slot of the ack array: messages or increments acknowledged so far. */
    public static final int ACKED = 0;
    /** Slot of the ack array: 1 once the role has opened its mechanism. */
    public static final int READY = 1;
    /** Slot of the ack array: 1 when a reader saw a message out of order (a gap or a repeat). */
    public static final int DISORDER = 2;
    /** First slot of a consumer's log of the keys it took, each plus 1 (0 is an empty slot). */
    public static final int LOG = 3;
    /** Most messages this process runs for (a bound, in case no kill comes). */
    private static final long MOST = 50_000_000;

    @Override
    public void run(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null) {
            return; // the suite ended without using this standby
        }
        String[] cmd = line.split(" ");
        Path dir = Path.of(cmd[1]);
        switch (cmd[0]) {
            case "pipe-writer" -> pipeWriter(dir);
            case "pipe-reader" -> pipeReader(dir);
            case "queue-producer" -> queueProducer(dir);
            case "queue-consumer" -> queueConsumer(dir);
            case "value" -> value(dir);
            case "array" -> array(dir);
            case "dict" -> dict(dir);
            case "collect" -> collect(dir, Mechanism.valueOf(cmd[2]));
            case "train" -> train(dir);
            default -> throw new IllegalArgumentException("unknown role " + cmd[0]);
        }
    }

    static Path acksFile(Path dir) {
        return dir.resolve("acks");
    }

    static Path pipeDir(Path dir) {
        return dir.resolve("pipe");
    }

    static Path queueDir(Path dir) {
        return dir.resolve("queue");
    }

    static Path valueFile(Path dir) {
        return dir.resolve("total.value");
    }

    static Path arrayFile(Path dir) {
        return dir.resolve("total.array");
    }

    static Path dictFile(Path dir) {
        return dir.resolve("total.dict");
    }

    /** Sends keys 0, 1, 2, ... through end B; acknowledges each once its send returned. */
    private static void pipeWriter(Path dir) {
        try (SharedArray acks = SharedArray.open(acksFile(dir)); PipeEnd b = Pipe.open(pipeDir(dir), Pipe.Side.B)) {
            acks.set(READY, 1);
            for (long k = 0; k < MOST; k++) {
                b.send(k, k);
                acks.set(ACKED, k + 1);
            }
        }
    }

    /** Receives at end B; acknowledges each message once received, and flags one out of order. */
    private static void pipeReader(Path dir) {
        try (SharedArray acks = SharedArray.open(acksFile(dir)); PipeEnd b = Pipe.open(pipeDir(dir), Pipe.Side.B)) {
            acks.set(READY, 1);
            for (long k = 0; k < MOST; k++) {
                Packet m = b.recv();
                if (m.key() != k) {
                    acks.set(DISORDER, 1);
                }
                acks.set(ACKED, k + 1);
            }
        }
    }

    /** Puts keys 1 << 32 | k for k = 0, 1, 2, ...; acknowledges each once its put returned. */
    private static void queueProducer(Path dir) {
        try (SharedArray acks = SharedArray.open(acksFile(dir)); SharedQueue q = SharedQueue.open(queueDir(dir));
             SharedQueue.Producer p = q.producer()) {
            acks.set(READY, 1);
            for (long k = 0; k < MOST; k++) {
                p.put(1L << 32 | k, k);
                acks.set(ACKED, k + 1);
            }
        }
    }

    /** Takes until the stream ends, logging each key taken, then counting it. */
    private static void queueConsumer(Path dir) {
        try (SharedArray acks = SharedArray.open(acksFile(dir)); SharedQueue q = SharedQueue.open(queueDir(dir));
             SharedQueue.Consumer c = q.consumer()) {
            acks.set(READY, 1);
            int room = acks.length() - LOG;
            for (int n = 0; n < room; n++) {
                Packet m;
                try {
                    m = c.take();
                } catch (dev.telar.workloads.mechanism.ExchangeClosedException end) {
                    return;
                }
                acks.set(LOG + n, m.key() + 1); // + 1: an empty slot reads 0
                acks.set(ACKED, n + 1);
            }
            acks.set(DISORDER, 1); // the log is full: the suite cannot check this run
        }
    }

    /** Adds 1 to the shared value under its lock, acknowledging within the lock. */
    private static void value(Path dir) {
        try (SharedArray acks = SharedArray.open(acksFile(dir)); SharedValue v = SharedValue.open(valueFile(dir))) {
            acks.set(READY, 1);
            ProcessMutex lock = v.lock();
            for (long n = 0; n < MOST; n++) {
                lock.lock();
                try {
                    v.set(v.getLong() + 1);
                    acks.set(ACKED, n + 1);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Adds 1 to element 0 of the shared array under its lock, acknowledging within the lock. */
    private static void array(Path dir) {
        try (SharedArray acks = SharedArray.open(acksFile(dir)); SharedArray a = SharedArray.open(arrayFile(dir))) {
            acks.set(READY, 1);
            ProcessMutex lock = a.lock();
            for (long n = 0; n < MOST; n++) {
                lock.lock();
                try {
                    a.set(0, a.get(0) + 1);
                    acks.set(ACKED, n + 1);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Adds 1 to key "total" of the shared dict under its lock, acknowledging within the lock. */
    private static void dict(Path dir) {
        try (SharedArray acks = SharedArray.open(acksFile(dir)); SharedDict d = SharedDict.open(dictFile(dir))) {
            acks.set(READY, 1);
            ProcessMutex lock = d.lock();
            for (long n = 0; n < MOST; n++) {
                lock.lock();
                try {
                    d.add("total", 1); // runs within the lock this process holds
                    acks.set(ACKED, n + 1);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Uses every mechanism briefly, both sides in this process, and ends normally: run with
     * {@code -XX:ArchiveClassesAtExit}, it leaves the class archive the victims then start from.
     */
    private static void train(Path dir) {
        try (SharedArray acks = SharedArray.create(acksFile(dir), NumberType.LONG, LOG + 16)) {
            Pipe.create(pipeDir(dir), ExchangeLimits.defaults());
            try (PipeEnd a = Pipe.open(pipeDir(dir), Pipe.Side.A); PipeEnd b = Pipe.open(pipeDir(dir), Pipe.Side.B)) {
                for (int k = 0; k < 1_000; k++) {
                    a.send(k, k);
                    b.recv();
                }
            }
            SharedQueue.create(queueDir(dir), 1, ExchangeLimits.defaults());
            try (SharedQueue q = SharedQueue.open(queueDir(dir)); SharedQueue.Consumer c = q.consumer()) {
                try (SharedQueue.Producer p = q.producer()) {
                    for (int k = 0; k < 1_000; k++) {
                        p.put(k, k);
                        c.take();
                    }
                }
                try {
                    c.take();
                } catch (dev.telar.workloads.mechanism.ExchangeClosedException end) {
                    acks.set(READY, 1);
                }
            }
            try (SharedValue v = SharedValue.create(valueFile(dir), NumberType.LONG, 0);
                 SharedArray a = SharedArray.create(arrayFile(dir), NumberType.LONG, 1);
                 SharedDict d = SharedDict.create(dictFile(dir), 16)) {
                v.addLocked(1);
                a.addLocked(0, 1);
                d.lock().lock();
                try {
                    d.add("total", 1);
                } finally {
                    d.lock().unlock();
                }
            }
        }
    }

    /** Runs an exchange experiment (1 process, long) under DIR as its parent: this process is the collector. */
    private static void collect(Path dir, Mechanism mechanism) throws InterruptedException {
        ExchangeSpec spec = new ExchangeSpec(mechanism, 1, 20_000_000_000L, 1, ExchangeLimits.defaults());
        ExchangeRun run = ExchangeExperiment.start(spec, dir, s -> { });
        run.await();
    }
}

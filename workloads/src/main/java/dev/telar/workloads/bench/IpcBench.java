package dev.telar.workloads.bench;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.NumberType;
import dev.telar.workloads.mechanism.Pipe;
import dev.telar.workloads.mechanism.SharedArray;
import dev.telar.workloads.mechanism.SharedDict;
import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.QuietChildren;
import dev.telar.workloads.proc.StartGate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code telar bench ipc}: each mechanism between two real child JVMs, with the Python peer's
 * counts for {@code N} messages: pipe N messages one way; queue N; value N/2 locked increments per
 * process; array N stores per process (each to its own slot); dict N/50 locked increments per
 * process. Time runs from a start signal given once both JVMs are up and warmed up; JVM start is
 * reported apart. Each mechanism runs {@link #ROUNDS} timed rounds of those counts in the same two
 * JVMs; the figure is the median round.
 */
public final class IpcBench {
    /** The peer's names, in its order. */
    public static final List<String> NAMES = List.of("pipe", "queue", "value_locked_incr", "array_store",
            "manager_dict_locked_incr");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    /**
     * Timed rounds per mechanism; the median counts. A round of the peer's counts lasts 5 to 50 ms
     * here, where one preemption of a few milliseconds (frequent on a shared 2-core machine) would
     * decide a single round's figure.
     */
    public static final int ROUNDS = 5;
    static final String VALUE = "value";
    static final String WARM_VALUE = "value-warm";
    static final String ARRAY = "array";
    static final String WARM_ARRAY = "array-warm";
    static final String DICT = "dict";
    static final String KEY = "k";
    /** As long as {@link #KEY}: a key of another length takes another branch of the hash, and the switch cost a recompilation. */
    static final String WARM_KEY = "w";

    private IpcBench() {
    }

    static Path gate(Path dir) {
        return dir.resolve("start.gate");
    }

    static Path mechanismDir(Path dir) {
        return dir.resolve("mechanism");
    }

    /**
     * Runs every mechanism in turn; files go in a run directory under {@code parentDir}.
     *
     * @param messages the peer's N
     * @param each     gets each figure as soon as it is measured
     * @throws IllegalStateException naming the child and how it ended, when one fails
     */
    public static List<BenchFigure> run(Path parentDir, long messages, Consumer<BenchFigure> each)
            throws InterruptedException, IOException {
        return run(parentDir, ExchangeLimits.defaults(), WarmUp.BENCHMARK, NAMES, messages, each);
    }

    /**
     * As {@link #run(Path, long, Consumer)} for the mechanisms {@code names} (of {@link #NAMES}, in
     * the order given), the pipe and queue with {@code limits} (e.g. a disk cap from the settings),
     * each child warming up as {@code warmUp} says.
     */
    public static List<BenchFigure> run(Path parentDir, ExchangeLimits limits, WarmUp warmUp, List<String> names,
            long messages, Consumer<BenchFigure> each) throws InterruptedException, IOException {
        if (messages < 100 || messages > 1_000_000_000L) {
            throw new IllegalArgumentException("messages must be 100..1000000000, got " + messages);
        }
        for (String name : names) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown mechanism " + name + " (valid: " + String.join(", ", NAMES) + ")");
            }
        }
        List<BenchFigure> out = new ArrayList<>();
        for (String name : names) {
            try (RunDirectory run = RunDirectory.create(parentDir)) {
                BenchFigure f = one(name, run.path(), messages, limits, warmUp);
                out.add(f);
                each.accept(f);
            }
        }
        return out;
    }

    private static BenchFigure one(String name, Path dir, long n, ExchangeLimits limits, WarmUp warmUp)
            throws InterruptedException {
        Path mech = mechanismDir(dir);
        String[] roles;
        long[] counts;
        switch (name) {
            case "pipe" -> {
                Pipe.create(mech, limits);
                roles = new String[] {"pipe-send", "pipe-recv"};
                counts = new long[] {n, n};
            }
            case "queue" -> {
                SharedQueue.create(mech, 1, limits);
                roles = new String[] {"queue-put", "queue-take"};
                counts = new long[] {n, n};
            }
            case "value_locked_incr" -> {
                SharedValue.create(mkdirs(mech).resolve(VALUE), NumberType.DOUBLE, 0).close();
                SharedValue.create(mech.resolve(WARM_VALUE), NumberType.DOUBLE, 0).close();
                roles = new String[] {"value", "value"};
                counts = new long[] {n / 2, n / 2};
            }
            case "array_store" -> {
                SharedArray.create(mkdirs(mech).resolve(ARRAY), NumberType.DOUBLE, 2).close();
                SharedArray.create(mech.resolve(WARM_ARRAY), NumberType.DOUBLE, 2).close();
                roles = new String[] {"array", "array"};
                counts = new long[] {n, n};
            }
            case "manager_dict_locked_incr" -> {
                try (SharedDict d = SharedDict.create(mkdirs(mech).resolve(DICT), 64)) {
                    d.put(KEY, 0); // as the peer's m.dict(k=0): the timed loop only updates
                }
                roles = new String[] {"dict", "dict"};
                counts = new long[] {n / 50, n / 50};
            }
            default -> throw new IllegalArgumentException(name);
        }
        List<Child> children = new ArrayList<>();
        try (StartGate gate = StartGate.open(gate(dir))) {
            long launched = System.nanoTime();
            for (int i = 0; i < 2; i++) {
                children.add(QuietChildren.start(IpcBenchChild.class, List.of(roles[i], dir.toString(),
                        Long.toString(counts[i]), Integer.toString(i), warmUp.toString(), Integer.toString(ROUNDS))));
            }
            // Two meetings before the warm-up, then one "ready" per child and round.
            long[] opened = new long[ROUNDS];
            double readyMs = 0;
            for (int r = 0; r < ROUNDS; r++) {
                if (!gate.awaitReady(4 + 2 * r, StartGate.READY_TIMEOUT, () -> children.stream().allMatch(Child::isAlive))) {
                    throw new IllegalStateException(name + ": " + whyFailed(children));
                }
                if (r == 0) {
                    readyMs = (System.nanoTime() - launched) / 1e6;
                }
                opened[r] = gate.openRound(r);
            }
            long[] ends = opened.clone();
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            for (Child c : children) {
                Optional<ChildExit> exit = c.join(RUN_TIMEOUT);
                if (exit.isEmpty() || !exit.get().ok()) {
                    throw new IllegalStateException(name + ": " + whyFailed(children));
                }
                String[] parts = lastLine(c).split(" ");
                if ((parts.length != 1 + ROUNDS && parts.length != 3 + ROUNDS) || !parts[0].equals("done")) {
                    throw new IllegalStateException(name + ": " + c + " printed no result");
                }
                for (int r = 0; r < ROUNDS; r++) {
                    ends[r] = Math.max(ends[r], Long.parseLong(parts[1 + r]));
                }
                if (parts.length == 3 + ROUNDS) {
                    p50 = Long.parseLong(parts[1 + ROUNDS]) / 1000.0;
                    p99 = Long.parseLong(parts[2 + ROUNDS]) / 1000.0;
                }
            }
            long ops = name.equals("pipe") || name.equals("queue") ? n : counts[0] + counts[1];
            double[] seconds = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                seconds[r] = (ends[r] - opened[r]) / 1e9;
            }
            return BenchFigure.ofRounds(name, ops, seconds, p50, p99, readyMs, 2,
                    verify(name, mech, ROUNDS * (counts[0] + counts[1])));
        } finally {
            children.forEach(Child::kill);
        }
    }

    /** Checks the shared counter of the increment benchmarks; true when it holds every increment. */
    private static boolean verify(String name, Path mech, long increments) {
        if (name.equals("value_locked_incr")) {
            try (SharedValue v = SharedValue.open(mech.resolve(VALUE))) {
                if (v.get() != increments) {
                    throw new IllegalStateException(name + ": value is " + v.get() + ", expected " + increments);
                }
                return true;
            }
        }
        if (name.equals("manager_dict_locked_incr")) {
            try (SharedDict d = SharedDict.open(mech.resolve(DICT))) {
                Double v = d.get(KEY);
                if (v == null || v != increments) {
                    throw new IllegalStateException(name + ": dict[k] is " + v + ", expected " + increments);
                }
                return true;
            }
        }
        return false;
    }

    private static Path mkdirs(Path dir) {
        try {
            return java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String lastLine(Child c) {
        String last = "";
        try {
            String line;
            while ((line = c.stdout().readLine()) != null) {
                last = line;
            }
        } catch (IOException e) {
            return last;
        }
        return last;
    }

    private static String whyFailed(List<Child> children) throws InterruptedException {
        for (int i = 0; i < children.size(); i++) {
            Child c = children.get(i);
            if (!c.isAlive()) {
                ChildExit exit = c.join();
                if (!exit.ok()) {
                    return "process " + i + " (pid " + c.pid() + ") " + exit.describe()
                            + (c.lastError().isEmpty() ? "" : " (" + c.lastError() + ")");
                }
            }
        }
        return "the processes did not get ready within " + StartGate.READY_TIMEOUT.toSeconds() + " s";
    }
}

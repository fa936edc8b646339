package dev.telar.workloads.bench;

import java.time.Duration;

/**
 * How long a benchmark participant runs its loop before the measured part: until the JIT compiler
 * has settled, judged by the loop's own pace. A batch of the loop is timed again and again; the
 * warm-up ends once at least {@link #least} has passed and the last {@link #STEADY_BATCHES}
 * batches took times within {@link #STEADY_SPREAD} of one another, or at {@link #most} in any
 * case (a machine too noisy to look steady). Measuring a fixed number of operations instead left
 * Chronicle Map's and the staging area's paths half-compiled: the first million operations ran at
 * a tenth of the later pace.
 *
 * @param least shortest warm-up
 * @param most  longest warm-up
 */
public record WarmUp(Duration least, Duration most) {
    /** Batches whose times must agree. */
    static final int STEADY_BATCHES = 3;
    /** Largest spread of those times, as a fraction of the shortest. */
    static final double STEADY_SPREAD = 0.10;

    /** For benchmarks: at least 1 s, at most 4 s. */
    public static final WarmUp BENCHMARK = new WarmUp(Duration.ofSeconds(1), Duration.ofSeconds(4));
    /** For tests of the benchmark's plumbing: a few batches, at most 0.2 s. */
    public static final WarmUp BRIEF = new WarmUp(Duration.ZERO, Duration.ofMillis(200));

    public WarmUp {
        if (least.isNegative() || most.compareTo(least) < 0) {
            throw new IllegalArgumentException("warm-up must satisfy 0 <= least <= most, got " + least + ", " + most);
        }
    }

    /** Parses the form {@link #toString()} gives ({@code least-ms:most-ms}), for a child's arguments. */
    public static WarmUp parse(String s) {
        String[] parts = s.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("warm-up must be LEAST_MS:MOST_MS, got " + s);
        }
        return new WarmUp(Duration.ofMillis(Long.parseLong(parts[0])), Duration.ofMillis(Long.parseLong(parts[1])));
    }

    @Override
    public String toString() {
        return least.toMillis() + ":" + most.toMillis();
    }

    /**
     * Runs {@code batch} until the pace is steady (see the class comment); each run should do the
     * same amount of work, a few milliseconds' worth.
     *
     * @return how many batches ran (at least {@link #STEADY_BATCHES})
     */
    public int run(Runnable batch) {
        long start = System.nanoTime();
        long[] last = new long[STEADY_BATCHES];
        int runs = 0;
        while (true) {
            long t = System.nanoTime();
            batch.run();
            long now = System.nanoTime();
            last[runs % STEADY_BATCHES] = now - t;
            runs++;
            long elapsed = now - start;
            if (runs >= STEADY_BATCHES && (elapsed >= most.toNanos() || elapsed >= least.toNanos() && steady(last))) {
                return runs;
            }
        }
    }

    static boolean steady(long[] times) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long t : times) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        return max <= min * (1 + STEADY_SPREAD);
    }
}

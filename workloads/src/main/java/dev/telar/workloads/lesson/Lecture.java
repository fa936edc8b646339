package dev.telar.workloads.lesson;

import dev.telar.workloads.mechanism.Mechanism;
import java.util.Map;

/**
 * The lecture's figures, as it reports them (CPython on a 4-core machine for the CPU runs; 8 fast
 * and 2 slow cores for the thread-limit table). Seconds unless said otherwise.
 */
public final class Lecture {
    /** Four tasks of 80,000,000 draws: one thread. */
    public static final double ONE_THREAD = 10.24;
    /** The same four tasks on four threads (constructor; the other three ways took 10.27–10.30 s). */
    public static final double FOUR_THREADS = 10.27;
    /** One process. */
    public static final double ONE_PROCESS = 10.76;
    /** Four processes (constructor). */
    public static final double FOUR_PROCESSES = 2.82;
    /** Process pool, one call at a time (apipe) on one process. */
    public static final double POOL_ONE = 10.84;
    /** Process pool map (amap) on four processes. */
    public static final double POOL_FOUR = 2.77;
    /** The thread-limit table: matrix product seconds per thread limit (0: the library's default). */
    public static final Map<Integer, Double> THREAD_LIMIT = Map.of(1, 32.98, 2, 16.97, 4, 8.98, 8, 5.62, 16, 10.31,
            0, 9.40);
    /** The fastest limit of that table. */
    public static final int THREAD_LIMIT_BEST = 8;
    /** The exchange table: 320,000,000 draws, 1 process then 4, per mechanism. */
    public static final Map<Mechanism, double[]> EXCHANGE = Map.of(
            Mechanism.PIPE, new double[] {11.58, 3.05},
            Mechanism.QUEUE, new double[] {11.43, 3.02},
            Mechanism.VALUE, new double[] {11.53, 3.04},
            Mechanism.ARRAY, new double[] {11.51, 3.04},
            Mechanism.MANAGER_VALUE, new double[] {11.18, 3.05});
    /** Processes of the lecture's parallel runs. */
    public static final int WORKERS = 4;

    private Lecture() {
    }

    /** The lecture's exchange figure for a mechanism with 1 or 4 processes, else NaN. */
    public static double exchange(Mechanism m, int processes) {
        double[] pair = EXCHANGE.get(m);
        if (pair == null || (processes != 1 && processes != WORKERS)) {
            return Double.NaN;
        }
        return processes == 1 ? pair[0] : pair[1];
    }

    /** The lowest 1-vs-4 speed-up of the lecture's local mechanisms. */
    public static double exchangeLowestSpeedup() {
        return EXCHANGE.entrySet().stream().filter(e -> !e.getKey().needsManager())
                .mapToDouble(e -> e.getValue()[0] / e.getValue()[1]).min().orElse(Double.NaN);
    }
}

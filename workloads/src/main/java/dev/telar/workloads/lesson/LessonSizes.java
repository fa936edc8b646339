package dev.telar.workloads.lesson;

import dev.telar.workloads.run.Experiments;

/**
 * How big each step's runs are on this machine: chosen so that the one-worker run of a step takes
 * about {@code budgetSeconds}, from the rates {@link Calibration} measured. Immutable.
 *
 * @param budgetSeconds what the one-worker run of a step should take, seconds (the lesson's pace)
 * @param cores         logical cores of this machine
 * @param cpuDraws      random draws per cpu task (4 tasks, as in the lecture)
 * @param ioWaitMillis  milliseconds per wait of an io task ({@link Experiments#IO_ROUNDS} waits a task)
 * @param matrixOrder   order n of the thread-limit step's matrix product
 * @param exchangeDraws draws the exchange step sums over all processes, per mechanism and run
 * @param raceUpdates   increments per process and phase of the race step
 * @param scenarioSize  the sync steps' amount of work (0: each scenario's default)
 * @param slowdown      the sync steps' pace (0 full speed, 1 the lecture pace)
 */
public record LessonSizes(double budgetSeconds, int cores, long cpuDraws, long ioWaitMillis, int matrixOrder,
                          long exchangeDraws, long raceUpdates, long scenarioSize, double slowdown) {
    /** Tasks of the cpu steps, and workers of the parallel runs: the lecture's four. */
    public static final int TASKS = 4;
    /** Shortest budget: below it start-up and timer noise are most of what is measured. */
    public static final double MIN_BUDGET = 0.05;
    /** Longest budget a lesson accepts, seconds. */
    public static final double MAX_BUDGET = 60;

    /**
     * Sizes for a budget from measured rates.
     *
     * @param drawsPerSecond one thread's random draws per second (cpu kernel)
     * @param matmulSeconds  seconds one thread took for one product of order {@link Calibration#PROBE_ORDER}
     */
    public static LessonSizes of(double budgetSeconds, int cores, double drawsPerSecond, double matmulSeconds) {
        double budget = Math.max(MIN_BUDGET, Math.min(MAX_BUDGET, budgetSeconds));
        long draws = clamp((long) (budget * drawsPerSecond / TASKS), 10_000, 4_000_000_000L);
        long waitMillis = clamp(Math.round(budget * 1000 / (TASKS * Experiments.IO_ROUNDS)), 1, 10_000);
        // A product's time grows as n³: the order whose one-thread product takes the budget.
        double scale = Math.cbrt(budget / Math.max(1e-6, matmulSeconds));
        int order = (int) clamp(Math.round(Calibration.PROBE_ORDER * scale), 64, 4096);
        long exchange = clamp((long) (budget * drawsPerSecond / 2), 100_000, 4_000_000_000L);
        long race = clamp((long) (budget * 250_000), 10_000, 10_000_000);
        // Below a second a step is a smoke test: the scenarios run short and at full speed.
        long scenario = budget < 1 ? 20 : 0;
        double slowdown = budget < 1 ? 0 : Math.min(1, budget / 8);
        return new LessonSizes(budget, cores, draws, waitMillis, order, exchange, race, scenario, slowdown);
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

package dev.telar.workloads.kernel;

import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * The lecture's CPU task: draw {@code draws} pseudo-random numbers in [0, 1) and return their sum.
 *
 * <p>Task {@code i} is seeded with {@code seed + i}, so its sum is fixed. Work is done in chunks of
 * {@link #CHUNK} draws (a few milliseconds) with a {@link TaskContext#checkpoint()} between them.
 */
public record CpuKernel(long draws, long seed) implements TaskKernel {
    /** Draws between two checkpoints. */
    public static final int CHUNK = 250_000;

    public CpuKernel {
        if (draws <= 0) {
            throw new IllegalArgumentException("draws must be positive, got " + draws);
        }
    }

    @Override
    public KernelKind kind() {
        return KernelKind.CPU;
    }

    @Override
    public String describeSize() {
        return String.format("%,d draws", draws);
    }

    @Override
    public double runTask(int index, TaskContext context) {
        SplittableRandom random = new SplittableRandom(seed + index);
        double sum = 0;
        long left = draws;
        while (left > 0) {
            context.checkpoint();
            int n = (int) Math.min(CHUNK, left);
            sum += draws(random, n);
            left -= n;
        }
        return sum;
    }

    /**
     * Runs task {@code index} as {@link #runTask} does, handing the sum of each chunk of
     * {@link #CHUNK} draws to {@code onChunk} as soon as it is drawn (for exchanging partial sums
     * between processes). The chunk sums added in order, starting from 0, give exactly the value
     * returned, which is also exactly what {@link #runTask} returns.
     */
    public double runTaskInChunks(int index, DoubleConsumer onChunk) {
        SplittableRandom random = new SplittableRandom(seed + index);
        double sum = 0;
        long left = draws;
        while (left > 0) {
            int n = (int) Math.min(CHUNK, left);
            double chunk = draws(random, n);
            onChunk.accept(chunk);
            sum += chunk;
            left -= n;
        }
        return sum;
    }

    /** Number of chunks one task draws in. */
    public long chunks() {
        return (draws + CHUNK - 1) / CHUNK;
    }

    /**
     * The hot loop, apart from the checkpoints: compiled on its own, its speed does not depend on
     * which models' contexts the JIT has seen at the checkpoint call (the GIL models' or not).
     */
    private static double draws(SplittableRandom random, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += random.nextDouble();
        }
        return sum;
    }
}

package dev.telar.workloads.kernel;

import java.util.SplittableRandom;

/**
 * A task that mostly waits: {@code rounds} times, it blocks for {@code waitMillis} (a real sleep of
 * the thread, as a wait on a device or a socket would be) and then computes {@code drawsPerRound}
 * random draws. Returns the sum of the draws, seeded per task like {@link CpuKernel}.
 */
public record IoKernel(int rounds, long waitMillis, long drawsPerRound, long seed) implements TaskKernel {
    public IoKernel {
        if (rounds <= 0 || waitMillis < 0 || drawsPerRound < 0) {
            throw new IllegalArgumentException("io kernel needs rounds > 0, wait >= 0 and draws >= 0");
        }
    }

    @Override
    public KernelKind kind() {
        return KernelKind.IO;
    }

    @Override
    public String describeSize() {
        return String.format("%d waits of %d ms + %,d draws", rounds, waitMillis, drawsPerRound);
    }

    @Override
    public double runTask(int index, TaskContext context) {
        SplittableRandom random = new SplittableRandom(seed + index);
        double sum = 0;
        for (int r = 0; r < rounds; r++) {
            context.blocking(() -> Thread.sleep(waitMillis));
            context.checkpoint();
            for (long k = 0; k < drawsPerRound; k++) {
                sum += random.nextDouble();
            }
        }
        return sum;
    }
}

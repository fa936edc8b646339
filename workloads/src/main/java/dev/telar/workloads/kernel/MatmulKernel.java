package dev.telar.workloads.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One task multiplies two seeded {@code n}×{@code n} matrices of doubles, spreading row bands over
 * at most {@code threadLimit} threads: the analogue of limiting a native library's threads (the
 * lecture's threadpoolctl experiment). Returns the sum of the product's elements.
 *
 * <p>Each element is computed by one thread in a fixed order, so the result does not depend on the
 * thread limit. Helper threads are named {@code telar-matmul-<k>} so the dashboard can show them.
 */
public record MatmulKernel(int n, int threadLimit, long seed) implements TaskKernel {
    public MatmulKernel {
        if (n <= 0 || n > 8192) {
            throw new IllegalArgumentException("matrix size must be 1..8192, got " + n);
        }
        if (threadLimit <= 0) {
            throw new IllegalArgumentException("thread limit must be positive, got " + threadLimit);
        }
    }

    @Override
    public KernelKind kind() {
        return KernelKind.MATMUL;
    }

    @Override
    public String describeSize() {
        return n + "x" + n + " product on " + threadLimit + (threadLimit == 1 ? " thread" : " threads");
    }

    @Override
    public double runTask(int index, TaskContext context) {
        double[] a = fill(seed + 2L * index);
        double[] b = fill(seed + 2L * index + 1);
        double[] c = new double[n * n];
        int bands = Math.min(threadLimit, n);
        // Like a native library, the product runs on its own threads and the calling task only
        // waits for them: under GIL emulation that wait releases the lock, as NumPy does.
        List<Thread> helpers = new ArrayList<>(bands);
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 0; t < bands; t++) {
            int from = (int) ((long) n * t / bands);
            int to = (int) ((long) n * (t + 1) / bands);
            Thread helper = context.helperThread("telar-matmul-" + t, () -> {
                try {
                    multiplyRows(a, b, c, from, to, context);
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
            helpers.add(helper);
            helper.start();
        }
        try {
            context.blocking(() -> {
                for (Thread helper : helpers) {
                    helper.join();
                }
            });
        } catch (CancelledException e) {
            helpers.forEach(Thread::interrupt);
            throw e;
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        double sum = 0;
        for (double v : c) {
            sum += v;
        }
        return sum;
    }

    private void multiplyRows(double[] a, double[] b, double[] c, int from, int to, TaskContext context) {
        for (int i = from; i < to; i++) {
            context.checkpoint();
            multiplyRow(a, b, c, i, n);
        }
    }

    /** Row {@code i} of the product, the hot loop kept apart from the checkpoints (see {@link CpuKernel}). */
    private static void multiplyRow(double[] a, double[] b, double[] c, int i, int n) {
        int row = i * n;
        for (int k = 0; k < n; k++) {
            double aik = a[row + k];
            int brow = k * n;
            for (int j = 0; j < n; j++) {
                c[row + j] += aik * b[brow + j];
            }
        }
    }

    private double[] fill(long s) {
        SplittableRandom random = new SplittableRandom(s);
        double[] m = new double[n * n];
        for (int k = 0; k < m.length; k++) {
            m[k] = random.nextDouble();
        }
        return m;
    }
}

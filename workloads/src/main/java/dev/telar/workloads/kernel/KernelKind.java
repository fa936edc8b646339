package dev.telar.workloads.kernel;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kernels an experiment can run, each with the name typed on the command line and printed in
 * results ({@code cpu}, {@code io}, {@code matmul}). This is the one list of them: command lines,
 * child processes and pool tasks look names up here, and the experiments form offers them in this order.
 */
public enum KernelKind {
    /** Sums of pseudo-random draws: pure computation ({@link CpuKernel}). */
    CPU("cpu"),
    /** Waits with a little computation between them ({@link IoKernel}). */
    IO("io"),
    /** A matrix product on threads of its own ({@link MatmulKernel}). */
    MATMUL("matmul");

    private final String label;

    KernelKind(String label) {
        this.label = label;
    }

    /** The name as typed on the command line, e.g. {@code matmul}. */
    public String label() {
        return label;
    }

    /**
     * The kernel called {@code label} (exact, lower case), or empty: a caller words the refusal in
     * its own language, naming the valid ones with {@link #labels()}.
     */
    public static Optional<KernelKind> byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    /** Every kernel's name, in order, comma-separated: {@code cpu, io, matmul}. */
    public static String labels() {
        return Arrays.stream(values()).map(KernelKind::label).collect(Collectors.joining(", "));
    }
}

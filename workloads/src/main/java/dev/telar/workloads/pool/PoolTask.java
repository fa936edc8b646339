package dev.telar.workloads.pool;

import java.util.Arrays;

/**
 * One task for a pool worker, as plain data: a kind named in the workers' fixed registry
 * ({@link TaskKinds}) and its integer arguments. Only these values cross to the worker; no class
 * is named or instantiated from them. Immutable.
 *
 * @param kind a kernel's label ({@link dev.telar.workloads.kernel.KernelKind#label}); checked by the worker, which
 *             reports an unknown one as that task's failure
 * @param args the kind's arguments (at most {@link TaskKinds#MAX_ARGS})
 */
public record PoolTask(String kind, long[] args) {
    public PoolTask {
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("a pool task needs a kind");
        }
        if (args.length > TaskKinds.MAX_ARGS) {
            throw new IllegalArgumentException("a pool task takes at most " + TaskKinds.MAX_ARGS + " arguments, got "
                    + args.length);
        }
        args = args.clone();
    }

    @Override
    public long[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolTask t && kind.equals(t.kind) && Arrays.equals(args, t.args);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(args);
    }
}

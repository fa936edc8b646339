package dev.telar.workloads.lab;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lab's one job slot: experiments, sweeps, exchange jobs, race demos and sync scenarios all
 * take it, so that no two jobs ever load the cores at once and no view shows another job's
 * workers. The only place where that rule is enforced. Thread-safe.
 */
public final class JobSlot {
    private final AtomicReference<JobKind> holder = new AtomicReference<>();

    /**
     * Takes the slot for {@code kind}.
     *
     * @return empty when taken; otherwise the kind of job that holds it
     */
    public Optional<JobKind> take(JobKind kind) {
        while (true) {
            if (holder.compareAndSet(null, kind)) {
                return Optional.empty();
            }
            JobKind now = holder.get();
            if (now != null) {
                return Optional.of(now);
            }
        }
    }

    /** Frees the slot held by {@code kind}; does nothing when another kind (or nothing) holds it. */
    public void release(JobKind kind) {
        holder.compareAndSet(kind, null);
    }

    /** The kind of job that holds the slot now, if any. */
    public Optional<JobKind> holder() {
        return Optional.ofNullable(holder.get());
    }
}

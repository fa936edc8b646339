package dev.telar.workloads.sync.process;

import java.util.function.BooleanSupplier;

/**
 * How a process waiter waits between two looks at shared memory: first it spins for the
 * primitive's {@link SpinBudget} (a partner process on another core usually answers within a
 * microsecond); then it sleeps on
 * the primitive's {@link WakeWord} in slices of at most {@link #SLICE_NANOS}, woken by the next
 * state change. A long wait thus costs five short wake-ups a second (to look at the holders' liveness and at interrupts). One instance per
 * wait; not thread-safe.
 */
final class WakeBackoff {
    static final long SLICE_NANOS = 200_000_000;

    private final WakeWord word;
    private final SpinBudget budget;
    private final long spinNanos;
    private final long start = System.nanoTime();
    private boolean sleeping;

    WakeBackoff(WakeWord word, SpinBudget budget) {
        this.word = word;
        this.budget = budget;
        this.spinNanos = budget.nanos();
    }

    /** Tells the spin budget how this wait went; call once when the wait is over. */
    void end() {
        budget.record(sleeping);
    }

    /** True once the spinning phase is over: the waiter is now really waiting (a panel may show it). */
    boolean parking() {
        return sleeping;
    }

    /** Nanoseconds since this wait began. */
    long elapsed() {
        return System.nanoTime() - start;
    }

    /**
     * Waits a little; the caller looks at its condition again afterwards.
     *
     * @param deadline {@link System#nanoTime()} not to sleep past, or {@link Long#MAX_VALUE}
     * @param ready    the caller's condition, checked once more just before sleeping
     * @throws InterruptedException when the thread is interrupted
     */
    void pause(long deadline, BooleanSupplier ready) throws InterruptedException {
        if (pauseUninterruptibly(deadline, ready)) {
            throw new InterruptedException();
        }
    }

    /** Like {@link #pause} but reports an interrupt (cleared) instead of throwing. */
    boolean pauseUninterruptibly(long deadline, BooleanSupplier ready) {
        if (!sleeping) {
            if (System.nanoTime() - start < spinNanos) {
                // No Thread.yield here: on a busy machine it hands the core to another process for
                // a whole time slice, just when the partner's answer is due.
                Thread.onSpinWait();
                return Thread.interrupted();
            }
            sleeping = true;
        }
        long slice = deadline == Long.MAX_VALUE ? SLICE_NANOS : Math.min(SLICE_NANOS, deadline - System.nanoTime());
        if (slice > 0) {
            word.sleep(ready, slice);
        }
        return Thread.interrupted();
    }
}

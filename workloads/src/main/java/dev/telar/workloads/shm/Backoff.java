package dev.telar.workloads.shm;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How a thread waits for another process between two looks at shared memory: first it spins (the
 * other side usually answers within a microsecond), then it sleeps. How it sleeps depends on
 * whether anyone will wake it:
 * <ul>
 *   <li><b>Polled</b> ({@link #Backoff()}, {@link #patient()}), for waits nobody announces (a
 *       message in a lane, a claim, a start gate): 100 spins, 20 yields, then parks with pauses
 *       that double from 1 µs up to {@link #MAX_PARK_NANOS}. A waiter burns a core for a few
 *       microseconds at most and costs about a thousand wake-ups a second while a wait lasts.</li>
 *   <li><b>Woken</b> ({@link #woken}), for waits whose end the other side announces on a
 *       {@link WakeWord} (a lock's release, a semaphore's permit, an event): spins for the
 *       structure's {@link SpinBudget}, then sleeps on the word (a futex: no CPU until the next
 *       change). No yields: on a busy machine a yield hands the core to another process for a
 *       whole time slice, just when the partner's answer is due. A sleep lasts at most as long as
 *       the wait so far, from {@link #FIRST_SLICE_NANOS} up to {@link #SLICE_NANOS}, so that the
 *       caller looks at holders' liveness, deadlines and interrupts in between: a holder that dies
 *       early in a wait is noticed within about {@link #FIRST_SLICE_NANOS}, and a long wait costs
 *       five short wake-ups a second. A waiter with a {@link WaiterList} lists itself before its
 *       first sleep and leaves the list at {@link #end()}.</li>
 * </ul>
 * Not thread-safe: one instance per waiting thread.
 */
public final class Backoff {
    /** Longest pause of a polled waiter between two looks, nanoseconds. */
    public static final long MAX_PARK_NANOS = 1_000_000;
    /** Longest first sleep of a woken waiter, nanoseconds. */
    public static final long FIRST_SLICE_NANOS = 10_000_000;
    /** Longest sleep of a woken waiter, nanoseconds. */
    public static final long SLICE_NANOS = 200_000_000;
    private static final int SPINS = 100;
    private static final int YIELDS = 20;
    private static final long FIRST_PARK_NANOS = 1_000;
    private static final BooleanSupplier NOT_YET = () -> false;

    /** Null for a polled waiter. */
    private final WakeWord wake;
    private final SpinBudget budget;
    private final WaiterList list;
    private final long waiter;
    /** Polled: how long a spin lasts between two looks (0: one spin hint). Woken: the whole spin. */
    private final long spinNanos;
    private long start = System.nanoTime();
    private int round;
    private long park = FIRST_PARK_NANOS;
    private boolean sleeping;
    private int place = -1;

    /** A polled waiter that looks again right after each spin (for words held for nanoseconds). */
    public Backoff() {
        this(null, null, null, 0, 0);
    }

    private Backoff(WakeWord wake, SpinBudget budget, WaiterList list, long waiter, long spinNanos) {
        this.wake = wake;
        this.budget = budget;
        this.list = list;
        this.waiter = waiter;
        this.spinNanos = spinNanos;
    }

    /**
     * A polled waiter that, while spinning, lets about a microsecond pass between looks without
     * touching shared memory: a reader polling a line the writer updates for every message would
     * steal that line from the writer each time; a short pause lets messages accumulate and be
     * read together.
     */
    public static Backoff patient() {
        return new Backoff(null, null, null, 0, 1_000);
    }

    /** A woken waiter sleeping on {@code word}, spinning first for {@code budget}; call {@link #end()} when done. */
    public static Backoff woken(WakeWord word, SpinBudget budget) {
        return woken(word, budget, null, 0);
    }

    /** As {@link #woken(WakeWord, SpinBudget)}, listed in {@code list} (may be null) as {@code waiter} while it sleeps. */
    public static Backoff woken(WakeWord word, SpinBudget budget, WaiterList list, long waiter) {
        return new Backoff(word, budget, list, waiter, budget.nanos());
    }

    /**
     * Waits a little without a deadline; the caller looks at its condition again afterwards.
     *
     * @throws WaitInterruptedException when the thread is interrupted (its flag stays set)
     */
    public void idle() {
        if (pauseUninterruptibly(Long.MAX_VALUE, NOT_YET)) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException();
        }
    }

    /**
     * Waits a little; the caller looks at its condition again afterwards.
     *
     * @param deadline {@link System#nanoTime()} not to sleep past, or {@link Long#MAX_VALUE}
     * @param ready    the caller's condition, looked at once more just before a woken waiter sleeps
     * @throws InterruptedException when the thread is interrupted
     */
    public void pause(long deadline, BooleanSupplier ready) throws InterruptedException {
        if (pauseUninterruptibly(deadline, ready)) {
            throw new InterruptedException();
        }
    }

    /** Like {@link #pause} but reports an interrupt (cleared) instead of throwing. */
    public boolean pauseUninterruptibly(long deadline, BooleanSupplier ready) {
        if (!sleeping) {
            if (spin()) {
                return Thread.interrupted();
            }
            sleeping = true;
        }
        long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
        if (wake == null) {
            LockSupport.parkNanos(this, Math.min(park, left));
            park = Math.min(MAX_PARK_NANOS, park * 2);
        } else {
            if (list != null && place == -1) {
                place = list.enter(waiter);
                if (place == -1) {
                    place = -2; // no room: stay unlisted rather than try again at every sleep
                }
            }
            long slice = Math.min(Math.min(SLICE_NANOS, Math.max(FIRST_SLICE_NANOS, elapsed())), left);
            if (slice > 0) {
                wake.sleep(ready, slice);
            }
        }
        return Thread.interrupted();
    }

    /** One spin; false once spinning (and, for a polled waiter, yielding) is over. */
    private boolean spin() {
        if (wake != null) {
            if (System.nanoTime() - start >= spinNanos) {
                return false;
            }
            Thread.onSpinWait();
            return true;
        }
        if (round >= SPINS + YIELDS) {
            return false;
        }
        if (round++ >= SPINS) {
            Thread.yield();
        } else if (spinNanos == 0) {
            Thread.onSpinWait();
        } else {
            long until = System.nanoTime() + spinNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        return true;
    }

    /** True once the waiter has stopped spinning and sleeps between looks. */
    public boolean parking() {
        return sleeping;
    }

    /** Nanoseconds since this wait began (or was {@link #reset()}). */
    public long elapsed() {
        return System.nanoTime() - start;
    }

    /** Starts over with spinning; call after the condition came true, before the next wait. */
    public void reset() {
        round = 0;
        park = FIRST_PARK_NANOS;
        sleeping = false;
        start = System.nanoTime();
    }

    /** A woken waiter's wait is over: tells its spin budget how it went and leaves the waiter list. */
    public void end() {
        if (budget != null) {
            budget.record(sleeping);
        }
        if (place >= 0) {
            list.release(place, waiter);
        }
        place = -1;
    }
}

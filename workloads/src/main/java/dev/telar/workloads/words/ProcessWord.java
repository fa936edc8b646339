package dev.telar.workloads.words;

import dev.telar.probe.ProcessIdentity;

/**
 * A process named in one 64-bit word of a shared file, so that one atomic write (or one
 * compare-and-swap) records who owns a lane, a claim, a consumer slot or a file being created: the pid in the high
 * {@value #PID_BITS} bits (Linux pids stay below 2^22), the low {@value #TICK_BITS} bits of its
 * start time in clock ticks below (about 1,400 years at 100 ticks a second). Liveness is
 * {@link ProcessIdentity}'s rule: a recycled pid with another start time is a dead owner.
 * 0 means "nobody".
 */
public final class ProcessWord {
    public static final int PID_BITS = 22;
    public static final int TICK_BITS = 64 - PID_BITS;
    private static final long TICK_MASK = (1L << TICK_BITS) - 1;
    private static final long SELF = of(ProcessIdentity.current());

    private ProcessWord() {
    }

    /** The word naming {@code id}. */
    public static long of(ProcessIdentity id) {
        if (id.pid() >= 1L << PID_BITS) {
            throw new IllegalArgumentException("pid " + id.pid() + " does not fit in " + PID_BITS + " bits");
        }
        return id.pid() << TICK_BITS | (id.startTicks() & TICK_MASK);
    }

    /** The word of live process {@code pid} as it is now; its bare pid when it has already gone. */
    public static long ofPid(long pid) {
        return ProcessIdentity.of(pid).map(ProcessWord::of).orElse(pid << TICK_BITS);
    }

    /** The word naming this JVM. */
    public static long self() {
        return SELF;
    }

    /** The pid in {@code word} (0 for nobody). */
    public static long pid(long word) {
        return word >>> TICK_BITS;
    }

    /** True while the process named by {@code word} runs; false for 0 (nobody). */
    public static boolean alive(long word) {
        if (word == SELF) {
            return true;
        }
        long pid = pid(word);
        return pid > 0 && ProcessIdentity.isAlive(pid, word & TICK_MASK, TICK_BITS);
    }
}

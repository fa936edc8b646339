package dev.telar.workloads.exchange;

import dev.telar.probe.ProcessIdentity;

/**
 * A process named in one 64-bit word of shared memory (a lock's holder, a consumer's slot, a
 * lane's writer): the pid in the top 22 bits (Linux's largest pid is 2^22), the low 40 bits of
 * its start time in clock ticks below (about 350 years at 100 ticks a second, so in practice the
 * whole start time). Never 0 for a real process, so 0 can mean "nobody". Liveness is
 * {@link ProcessIdentity}'s rule: a pid now held by a process started at another time is dead.
 */
final class PidWord {
    static final int START_BITS = 40;
    private static final long START_MASK = (1L << START_BITS) - 1;
    private static final long MAX_PID = (1L << 22) - 1;
    private static final long SELF = of(ProcessIdentity.current());

    private PidWord() {
    }

    /** The word of {@code id}. */
    static long of(ProcessIdentity id) {
        if (id.pid() > MAX_PID) {
            throw new IllegalStateException("pid " + id.pid() + " does not fit a 64-bit process word");
        }
        return id.pid() << START_BITS | (id.startTicks() & START_MASK);
    }

    /** The word of live process {@code pid} as it is now; its bare pid when it has already gone. */
    static long ofPid(long pid) {
        if (pid == ProcessIdentity.current().pid()) {
            return SELF;
        }
        return ProcessIdentity.of(pid).map(PidWord::of).orElse(pid << START_BITS);
    }

    /** This JVM's word. */
    static long current() {
        return SELF;
    }

    /** The pid a word names. */
    static long pid(long word) {
        return word >>> START_BITS;
    }

    /** True while the process the word names lives (the same pid started at the same time). */
    static boolean isAlive(long word) {
        return word == SELF || word != 0 && ProcessIdentity.isAlive(pid(word), word & START_MASK, START_BITS);
    }
}

package dev.telar.workloads.sync.process;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.shm.Ownership;
import dev.telar.workloads.sync.Participant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owner words: one 64-bit value naming a participant in shared memory, never 0 (0 means nobody).
 * Layout from the top bit: pid (22 bits, Linux's largest pid is 2^22), thread tag (18 bits, per
 * JVM, given to threads in the order they first use a process primitive), low 24 bits of the
 * process start time in clock ticks (so that a recycled pid is not taken for the dead owner).
 * A process word has tag 0 and names the JVM rather than one of its threads.
 */
final class Owner {
    private static final int TAG_BITS = 18;
    private static final int START_BITS = 24;
    private static final long TAG_MASK = (1L << TAG_BITS) - 1;
    private static final long START_MASK = (1L << START_BITS) - 1;
    static final long MAX_PID = (1L << 22) - 1;

    private static final long PID = ProcessIdentity.current().pid();
    private static final long START = ProcessIdentity.current().startTicks() & START_MASK;
    private static final AtomicInteger NEXT_TAG = new AtomicInteger(1);
    private static final ThreadLocal<Long> MINE = ThreadLocal.withInitial(Owner::newThreadWord);

    /** Ownership by the calling thread, for the shared lock under Lock and RLock and for the semaphore's permits. */
    static final Ownership PER_THREAD = new Ownership() {
        @Override
        public long current() {
            return Owner.current();
        }

        @Override
        public boolean alive(long word) {
            return isAlive(word);
        }

        @Override
        public long pid(long word) {
            return Owner.pid(word);
        }

        @Override
        public String caller() {
            return "this thread";
        }
    };

    private Owner() {
    }

    static long word(long pid, long tag, long startTicks) {
        if (pid <= 0 || pid > MAX_PID) {
            throw new IllegalStateException("pid " + pid + " does not fit an owner word");
        }
        return pid << (TAG_BITS + START_BITS) | (tag & TAG_MASK) << START_BITS | (startTicks & START_MASK);
    }

    private static long newThreadWord() {
        int tag = NEXT_TAG.getAndIncrement();
        if (tag > TAG_MASK) {
            throw new IllegalStateException("more than " + TAG_MASK + " threads of this JVM used process primitives");
        }
        return word(PID, tag, START);
    }

    /** The calling thread's owner word. */
    static long current() {
        return MINE.get();
    }

    /** This JVM's process word (tag 0). */
    static long process() {
        return word(PID, 0, START);
    }

    static long pid(long word) {
        return word >>> (TAG_BITS + START_BITS);
    }

    static long tag(long word) {
        return (word >>> START_BITS) & TAG_MASK;
    }

    static long start(long word) {
        return word & START_MASK;
    }

    /** True when the word belongs to this JVM. */
    static boolean isOwnProcess(long word) {
        return pid(word) == PID && start(word) == START;
    }

    /** The word as a participant: "pid 4321" for a JVM's first thread, "pid 4321#2" for its second. */
    static Participant participant(long word) {
        long pid = pid(word);
        long tag = tag(word);
        return new Participant(pid, tag, tag <= 1 ? "pid " + pid : "pid " + pid + "#" + tag);
    }

    /**
     * True unless the word's process has ended: own words are always alive; others by Telar's one
     * liveness rule ({@link ProcessIdentity#isAlive(long, long, int)} on the kept 24 bits of the
     * start time): a non-zombie process with that pid, started at the recorded time.
     */
    static boolean isAlive(long word) {
        return isOwnProcess(word) || ProcessIdentity.isAlive(pid(word), start(word), START_BITS);
    }
}

package dev.telar.workloads.lab;

import dev.telar.probe.Futex;
import dev.telar.workloads.shm.MappedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The small mapped file beside the lab's two queues that lets a reader sleep until there is
 * something to read. Chronicle Queue has no blocking read; so each direction has a 32-bit word
 * here that its writer increments after every append, then wakes the word's sleepers (FUTEX_WAKE).
 * A reader reads the word ({@link #ticket}), drains its queue, and sleeps on the word only if it
 * still holds that ticket ({@link #await}, FUTEX_WAIT): an append between the ticket and the sleep
 * changed the word, so the sleep ends at once and nothing is missed. Sleeps are bounded, so a
 * reader also gets to look at its peer's liveness. A third word says that the dashboard asked the
 * lab to leave.
 *
 * <p>Layout, one cache line each: magic; the commands word (rung by the dashboard); the events
 * word (rung by the lab, and by the dashboard itself to wake its own reader); the leave word.
 * Where futexes are missing the reader naps at most {@link #FALLBACK_NAP_NANOS} instead.
 * {@link #ring} and {@link #close} may be called from any thread; a ring after close does nothing.
 */
final class Doorbell implements AutoCloseable {
    /** The word the dashboard rings after appending a command. */
    static final long COMMANDS = 64;
    /** The word the lab rings after appending an event. */
    static final long EVENTS = 128;
    private static final long LEAVE = 192;
    private static final long MAGIC = 0;
    private static final long MAGIC_VALUE = 0x54454c41524c4231L; // "TELARLB1"
    private static final long SIZE = 4096;
    private static final boolean FUTEX = Futex.available();
    static final long FALLBACK_NAP_NANOS = 10_000_000;

    private final MappedFile region;
    private boolean closed;

    private Doorbell(MappedFile region) {
        this.region = region;
    }

    /** Makes the doorbell file (the dashboard, before it starts the lab). */
    static Doorbell create(Path file) {
        MappedFile region = MappedFile.map(file, SIZE);
        region.putOrdered(MAGIC, MAGIC_VALUE);
        return new Doorbell(region);
    }

    /**
     * Opens the doorbell file the dashboard made (the lab).
     *
     * @throws IllegalArgumentException when the file is missing or is not a doorbell
     */
    static Doorbell open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no lab doorbell at " + file);
        }
        MappedFile region = MappedFile.map(file, SIZE);
        if (region.getVolatile(MAGIC) != MAGIC_VALUE) {
            region.close();
            throw new IllegalArgumentException("not a lab doorbell: " + file);
        }
        return new Doorbell(region);
    }

    /** The value of {@code word} now; read it before draining the queue it guards. */
    int ticket(long word) {
        return region.getIntVolatile(word);
    }

    /** Announces an append (or any reason to look) to whoever sleeps on {@code word}. */
    synchronized void ring(long word) {
        if (closed) {
            return;
        }
        region.addAndGetInt(word, 1);
        if (FUTEX) {
            Futex.wake(region.address(word), Integer.MAX_VALUE);
        }
    }

    /**
     * Sleeps while {@code word} still holds {@code ticket}, at most {@code nanos}; may return
     * early. Only the thread that will {@link #close} this doorbell may call it.
     */
    void await(long word, int ticket, long nanos) {
        if (nanos <= 0) {
            return;
        }
        if (FUTEX) {
            Futex.await(region.address(word), ticket, nanos);
        } else if (region.getIntVolatile(word) == ticket) {
            LockSupport.parkNanos(this, Math.min(nanos, FALLBACK_NAP_NANOS));
        }
    }

    /** The dashboard asks the lab to leave; the lab sees it at its next look (ring the commands word). */
    void askToLeave() {
        region.putVolatile(LEAVE, 1);
    }

    /** True once the dashboard asked the lab to leave. */
    boolean askedToLeave() {
        return region.getVolatile(LEAVE) != 0;
    }

    /** Unmaps the file (the file stays). Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            region.close();
        }
    }
}

package dev.telar.workloads.words;

/**
 * One thread's view of shared {@link Words} that lets its release writes be overtaken, as a weakly
 * ordered processor (ARM, POWER) may: a release write orders only what came <em>before</em> it, so a
 * later plain write may reach other threads first. Here each release write stays pending, invisible
 * to others, until this thread's next release write, volatile write, read-modify-write or fence, or
 * until {@link #flush}; its plain writes go through at once. The thread itself reads its pending
 * write. x86 never shows this; ARM may, which is why under Lincheck (whose model checker
 * interleaves threads but keeps each thread's writes in program order) a missing fence shows only
 * through this view.
 *
 * <p>For one writing thread; readers use the shared words directly.
 */
public final class ReorderingWords implements Words {
    private final Words shared;
    private boolean pending;
    private long pendingAt;
    private long pendingValue;

    public ReorderingWords(Words shared) {
        this.shared = shared;
    }

    /** Makes the pending release write visible (a processor does so eventually). */
    public void flush() {
        if (pending) {
            pending = false;
            shared.putOrdered(pendingAt, pendingValue);
        }
    }

    @Override
    public long getVolatile(long offset) {
        return pending && offset == pendingAt ? pendingValue : shared.getVolatile(offset);
    }

    @Override
    public long get(long offset) {
        return pending && offset == pendingAt ? pendingValue : shared.get(offset);
    }

    @Override
    public void put(long offset, long value) {
        if (pending && offset == pendingAt) {
            flush(); // two writes to one word keep their order
        }
        shared.put(offset, value);
    }

    @Override
    public void putOrdered(long offset, long value) {
        flush(); // everything before this release write is visible before it
        pending = true;
        pendingAt = offset;
        pendingValue = value;
    }

    @Override
    public void putVolatile(long offset, long value) {
        flush();
        shared.putVolatile(offset, value);
    }

    @Override
    public boolean compareAndSet(long offset, long expected, long value) {
        flush();
        return shared.compareAndSet(offset, expected, value);
    }

    @Override
    public long addAndGet(long offset, long delta) {
        flush();
        return shared.addAndGet(offset, delta);
    }

    @Override
    public void releaseFence() {
        flush();
    }
}

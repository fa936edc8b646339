package dev.telar.workloads.sync.process;

/**
 * A waiter's entry in a {@link SlotTable} while it waits, so that panels can list who waits.
 * Entered lazily, once the waiter stops spinning: short waits never touch the table. A full table
 * only means the waiter is not listed; slots of waiters whose process died are freed to make room. Not thread-safe (one per wait).
 */
final class WaiterRegistration implements AutoCloseable {
    private final SlotTable table;
    private final long word;
    private int slot = -1;
    private boolean tried;

    WaiterRegistration(SlotTable table, long word) {
        this.table = table;
        this.word = word;
    }

    /** Enters the table once the backoff is parking. */
    void update(WakeBackoff backoff) {
        if (!tried && backoff.parking()) {
            tried = true;
            slot = table.claim(word, (int) Owner.tag(word));
        }
    }

    @Override
    public void close() {
        if (slot >= 0) {
            table.release(slot, word);
            slot = -1;
        }
    }
}

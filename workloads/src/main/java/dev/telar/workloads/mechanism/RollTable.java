package dev.telar.workloads.mechanism;

import dev.telar.workloads.words.Words;

/**
 * A lane's table of journal cycles: for each roll cycle the writer started, the number of the first
 * message in it. A ring of the last {@code slots} entries (cycle, first message) of 16 bytes, and a
 * count of entries ever recorded; entry {@code e} is in slot {@code e % slots}, so recording entry
 * {@code e} overwrites entry {@code e - slots}.
 *
 * <p>Writer: writes the entry, publishes the count by a release write, then a release fence, so
 * that the next entry's writes never show before this count. Reader: reads the count, copies the
 * entries (acquire reads), reads the count again and leaves out every entry that an entry recorded
 * by then may have been overwriting during the copy: a half-overwritten entry pairs a cycle with
 * another cycle's first message, and deleting journal files by it could lose messages. Leaving an
 * entry out only makes {@link Lane#reclaim} keep more. Single writer; readers thread-safe.
 */
final class RollTable {
    private final Words words;
    private final long countAt;
    private final long tableAt;
    private final int slots;

    RollTable(Words words, long countAt, long tableAt, int slots) {
        this.words = words;
        this.countAt = countAt;
        this.tableAt = tableAt;
        this.slots = slots;
    }

    /** Entries ever recorded. */
    long count() {
        return words.getVolatile(countAt);
    }

    /** Writer: cycle {@code cycle} starts with message {@code firstSeq}. */
    void record(long cycle, long firstSeq) {
        long n = words.get(countAt);
        long slot = tableAt + (n % slots) * 16;
        words.put(slot, cycle);
        words.put(slot + 8, firstSeq);
        words.putOrdered(countAt, n + 1);
        words.releaseFence();
    }

    /**
     * Reader: copies the entries still whole, oldest first, into {@code cycles} and {@code firsts}
     * (both at least {@code slots} long).
     *
     * @return how many were copied
     */
    int read(long[] cycles, long[] firsts) {
        long n = words.getVolatile(countAt);
        long from = Math.max(0, n - slots);
        int count = (int) (n - from);
        for (int k = 0; k < count; k++) {
            long slot = tableAt + ((from + k) % slots) * 16;
            cycles[k] = words.getVolatile(slot);
            firsts[k] = words.getVolatile(slot + 8);
        }
        // Entry e is overwritten by entry e + slots, which the writer may have begun once it
        // published count e + slots (and not before: the fence). Keep e >= now - slots + 1.
        long now = words.getVolatile(countAt);
        int skip = (int) Math.min(count, Math.max(0, now - slots + 1 - from));
        if (skip > 0) {
            System.arraycopy(cycles, skip, cycles, 0, count - skip);
            System.arraycopy(firsts, skip, firsts, 0, count - skip);
        }
        return count - skip;
    }

    /**
     * Reader: the cycle whose journal documents hold message {@code seq}, or -1 when no entry still
     * whole says. The first document of a cycle starts at the cycle's recorded message, so the
     * newest entry recorded at or below {@code seq} names it. Allocation-free.
     */
    long cycleHolding(long seq) {
        long n = words.getVolatile(countAt);
        for (long e = n - 1; e >= Math.max(0, n - slots); e--) {
            long slot = tableAt + (e % slots) * 16;
            long cycle = words.getVolatile(slot);
            long first = words.getVolatile(slot + 8);
            if (first <= seq) {
                // Whole only if no entry that overwrites it had begun (see read).
                return e >= words.getVolatile(countAt) - slots + 1 ? cycle : -1;
            }
        }
        return -1;
    }
}

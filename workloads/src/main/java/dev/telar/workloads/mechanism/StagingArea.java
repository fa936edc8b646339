package dev.telar.workloads.mechanism;

import dev.telar.workloads.words.Words;

/**
 * The staging area of a {@link Lane}: up to {@code slots} messages in shared memory, written by one
 * writer, read by any number of readers. One word, {@code base << 16 | count}, says that message
 * {@code base + i} is in slot {@code i} for every {@code i < count}; messages below {@code base} are
 * elsewhere (the lane's journal). Each slot is 16 bytes: the key, then the value's IEEE bits.
 *
 * <p>Writer: per message it writes the slot, then the word with the count one higher by a release
 * write, so that a reader that sees the count also sees the slot. Once the staged messages are kept
 * elsewhere it writes the word with the new base and count 0 ({@link #restart}) and then a release
 * fence, before any slot is written again: without the fence, a weakly ordered processor (ARM) may
 * show the first reused slot before the new base, and a reader that still sees the old base would
 * pass its check and return the new message under the old message's number.
 *
 * <p>Reader: reads the word, copies the slots it wants (acquire reads, so they stay before the next
 * read), reads the word again: the copy is good only if the base did not change meanwhile (a
 * sequence lock; the base only grows). Single writer; readers are thread-safe; no allocation.
 */
final class StagingArea {
    /** {@link #read} result: the message is not written yet. */
    static final int NOT_WRITTEN = 0;
    /** {@link #read} result: the message is not (or no longer) staged; look elsewhere. */
    static final int ELSEWHERE = -1;

    private final Words words;
    private final long wordAt;
    private final long slotsAt;
    private final int slots;

    /** The area whose word is at {@code wordAt} and whose {@code slots} slots start at {@code slotsAt}. */
    StagingArea(Words words, long wordAt, long slotsAt, int slots) {
        if (slots < 1 || slots > 0xFFFF) {
            throw new IllegalArgumentException("a staging area has 1..65535 slots, not " + slots);
        }
        this.words = words;
        this.wordAt = wordAt;
        this.slotsAt = slotsAt;
        this.slots = slots;
    }

    int slots() {
        return slots;
    }

    /** The staging word (acquire read). */
    long word() {
        return words.getVolatile(wordAt);
    }

    static long base(long word) {
        return word >>> 16;
    }

    static int count(long word) {
        return (int) (word & 0xFFFF);
    }

    /** Messages written so far (elsewhere plus staged). */
    long written() {
        long w = word();
        return base(w) + count(w);
    }

    /**
     * Writer: stages message {@code base + index} in slot {@code index} and publishes it. The slot is
     * written first; the word's release write then makes it visible together with the new count.
     */
    void stage(long base, int index, long key, double value) {
        long slot = slotsAt + index * 16L;
        words.put(slot, key);
        words.put(slot + 8, Double.doubleToRawLongBits(value));
        words.putOrdered(wordAt, base << 16 | (index + 1));
    }

    /**
     * Writer: empties the area at {@code base}, after every staged message was kept elsewhere. The
     * fence keeps the next {@link #stage}'s slot writes behind the new base (see the class comment).
     */
    void restart(long base) {
        words.putOrdered(wordAt, base << 16);
        words.releaseFence();
    }

    /** A writer taking the lane over: copies the staged messages; returns the staging word. */
    long recover(long[] keys, double[] values) {
        long w = word();
        for (int i = 0; i < count(w); i++) {
            keys[i] = words.get(slotsAt + i * 16L);
            values[i] = Double.longBitsToDouble(words.get(slotsAt + i * 16L + 8));
        }
        return w;
    }

    /**
     * Reader: copies message {@code seq} and every later staged one into {@code keys} and
     * {@code values} from index 0 (both at least {@link #slots} long).
     *
     * @return how many were copied (at least 1), {@link #NOT_WRITTEN}, or {@link #ELSEWHERE} (the
     *     arrays may then hold garbage)
     */
    int read(long seq, long[] keys, double[] values) {
        long w = words.getVolatile(wordAt);
        long base = w >>> 16;
        if (seq < base) {
            return ELSEWHERE;
        }
        long end = base + (w & 0xFFFF);
        if (seq >= end) {
            return NOT_WRITTEN;
        }
        // Everything staged from seq on: one look at the shared lines serves several messages
        // when the reader is behind, instead of one cache miss each.
        int n = (int) (end - seq);
        long slot = slotsAt + (seq - base) * 16;
        for (int i = 0; i < n; i++, slot += 16) {
            keys[i] = words.getVolatile(slot);
            values[i] = Double.longBitsToDouble(words.getVolatile(slot + 8));
        }
        // Valid only if the writer did not move the batch elsewhere and reuse its slots meanwhile.
        return words.getVolatile(wordAt) >>> 16 == base ? n : ELSEWHERE;
    }
}

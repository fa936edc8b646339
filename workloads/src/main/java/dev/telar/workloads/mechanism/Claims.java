package dev.telar.workloads.mechanism;

import dev.telar.workloads.words.Words;

/**
 * One queue consumer's claims on the lanes of a {@link SharedQueue}, over shared words (the mapped
 * files in production, heap words under Lincheck). Each lane has a "taken" word: the next message
 * number shifted left by {@link Lane#CLAIMANT_BITS}, and in the low bits which consumer (slot + 1)
 * made the last move. A consumer owns message {@code n} of a lane once its compare-and-swap moved
 * that word from {@code n} to {@code n + 1}, so every message is claimed exactly once.
 *
 * <p>Each consumer has a claim word in its slot: {@link #IDLE}, or lane, state and message number,
 * with the state claiming (published with a volatile write before the swap), held (after the swap
 * succeeded) or returned (handed to the caller). A consumer that finds the previous mover still
 * marked claiming marks it held for it before it claims the next message, so a claim is never in
 * doubt, even when its consumer died right after its swap. Readers of the claim words use them to
 * keep journal files a consumer still fetches from, and to name the claims of dead consumers.
 *
 * <p>How much a lane has written is read again only when the last count seen is used up: reading
 * the writer's cache line for every message would take it from the writer each time. Used by one
 * thread at a time; no allocation per claim.
 */
final class Claims {
    /** A claim word's value when its consumer holds no claim. */
    static final long IDLE = -1;
    static final int CLAIMING = 0;
    static final int HELD = 1;
    static final int RETURNED = 2;
    private static final long SEQ_MASK = (1L << 54) - 1;
    private static final long CLAIMANT_MASK = (1L << Lane.CLAIMANT_BITS) - 1;

    private final Words slots;
    private final long slotsAt;
    private final long claimAt;
    private final long claimant;
    private final long[] writtenSeen;

    /**
     * @param slots    the words holding every consumer's slot (16 bytes each: process, claim)
     * @param slotsAt  offset of slot 0 in {@code slots}
     * @param slot     this consumer's slot
     * @param maxLanes most lanes there can be
     */
    Claims(Words slots, long slotsAt, int slot, int maxLanes) {
        if (slot + 1 > CLAIMANT_MASK) {
            throw new IllegalArgumentException("slot " + slot + " does not fit the taken word");
        }
        this.slots = slots;
        this.slotsAt = slotsAt;
        this.claimAt = claimAt(slotsAt, slot);
        this.claimant = slot + 1;
        this.writtenSeen = new long[maxLanes];
    }

    /** Offset of the claim word of consumer {@code slot}. */
    static long claimAt(long slotsAt, int slot) {
        return slotsAt + slot * 16L + 8;
    }

    /**
     * Claims the next message of lane {@code lane}, whose taken word is at {@code takenAt} of
     * {@code laneWords} and whose messages are counted by {@code staged}.
     *
     * @return the claim word, marked held; {@link #IDLE} when every message written so far is claimed
     */
    long claim(int lane, Words laneWords, long takenAt, StagingArea staged) {
        while (true) {
            long word = laneWords.getVolatile(takenAt);
            long next = word >>> Lane.CLAIMANT_BITS;
            if (next >= writtenSeen[lane] && next >= (writtenSeen[lane] = staged.written())) {
                return IDLE;
            }
            long previous = word & CLAIMANT_MASK;
            if (previous != 0 && previous != claimant) {
                settle((int) previous - 1, lane, next - 1);
            }
            long claiming = word(lane, CLAIMING, next);
            slots.putVolatile(claimAt, claiming);
            if (laneWords.compareAndSet(takenAt, word, (next + 1) << Lane.CLAIMANT_BITS | claimant)) {
                long held = word(lane, HELD, next);
                slots.compareAndSet(claimAt, claiming, held); // fails only if another consumer did it
                return held;
            }
        }
    }

    /** Marks the claim of consumer {@code other} held when it is still marked claiming. */
    private void settle(int other, int lane, long seq) {
        long at = claimAt(slotsAt, other);
        long claiming = word(lane, CLAIMING, seq);
        if (slots.getVolatile(at) == claiming) {
            slots.compareAndSet(at, claiming, word(lane, HELD, seq));
        }
    }

    /** The held claim was read and handed to the caller (a release write, after the fetch's reads). */
    void returned(long held) {
        slots.putOrdered(claimAt, word(laneOf(held), RETURNED, seqOf(held)));
    }

    /** This consumer holds no claim. */
    void idle() {
        slots.putOrdered(claimAt, IDLE);
    }

    static long word(int lane, int state, long seq) {
        return (long) lane << 56 | (long) state << 54 | seq;
    }

    static int laneOf(long claim) {
        return (int) (claim >>> 56);
    }

    static int stateOf(long claim) {
        return (int) (claim >>> 54) & 3;
    }

    static long seqOf(long claim) {
        return claim & SEQ_MASK;
    }
}

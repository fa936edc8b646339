package dev.telar.workloads.exchange;

import dev.telar.workloads.words.Words;

/**
 * One consumer's claims on the lanes of a {@link SharedQueue}: each lane has a shared "next to take"
 * word, and a consumer owns message {@code n} of a lane once its compare-and-swap moved that word
 * from {@code n} to {@code n + 1}, so every message is claimed exactly once. Before the swap the
 * consumer publishes {@code lane << 48 | n} in its hazard word (a volatile write, ordered before the
 * swap), so that whoever reads "next to take" and then the hazards never deletes a message a
 * consumer is still fetching; {@link #done} clears it with a release write, after the fetch's reads.
 *
 * <p>How much a lane has written is read again only when the last count seen is used up: reading
 * the writer's cache line for every message would take it from the writer each time. Used by one
 * thread at a time; no allocation per claim.
 */
final class Claims {
    /** A hazard word's value when the consumer is not between a claim and its end. */
    static final long NO_HAZARD = -1;

    private final Words hazards;
    private final long hazardAt;
    private long[] writtenSeen = new long[0];

    /** Claims publishing their hazard in the word at {@code hazardAt} of {@code hazards}. */
    Claims(Words hazards, long hazardAt) {
        this.hazards = hazards;
        this.hazardAt = hazardAt;
    }

    /** Makes room for lanes 0 to {@code lanes - 1}. */
    void lanes(int lanes) {
        if (lanes > writtenSeen.length) {
            writtenSeen = java.util.Arrays.copyOf(writtenSeen, lanes);
        }
    }

    /**
     * Claims the next message of lane {@code lane}, whose "next to take" word is at {@code takenAt}
     * of {@code laneWords} and whose messages are counted by {@code staged}.
     *
     * @return the claimed message's number, or -1 when every message written so far is claimed
     */
    long claim(int lane, Words laneWords, long takenAt, StagingArea staged) {
        while (true) {
            long next = laneWords.getVolatile(takenAt);
            if (next >= writtenSeen[lane] && next >= (writtenSeen[lane] = staged.written())) {
                return -1;
            }
            hazards.putVolatile(hazardAt, (long) lane << 48 | next);
            if (laneWords.compareAndSet(takenAt, next, next + 1)) {
                return next;
            }
        }
    }

    /** Ends the claim: the claimed message was read (or none was claimed). */
    void done() {
        hazards.putOrdered(hazardAt, NO_HAZARD);
    }
}

package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.WaiterList;
import dev.telar.workloads.sync.Participant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed row of owner-word slots in a shared region (0 = free), used to list waiters, holders or
 * member processes. Claiming a slot is one compare-and-swap; slots of dead owners are freed when
 * the table is full ({@link #claim}). Thread-safe.
 */
final class SlotTable implements WaiterList {
    private final MappedFile region;
    private final long base;
    private final int slots;

    SlotTable(MappedFile region, long base, int slots) {
        this.region = region;
        this.base = base;
        this.slots = slots;
    }

    /** Bytes a table of {@code slots} slots takes. */
    static int bytes(int slots) {
        return slots * 8;
    }

    long offset(int slot) {
        return base + 8L * slot;
    }

    long get(int slot) {
        return region.getVolatile(offset(slot));
    }

    /**
     * Puts {@code word} in a free slot.
     *
     * @return the slot, or -1 when all are taken
     */
    int tryClaim(long word, int hint) {
        for (int k = 0; k < slots; k++) {
            int i = Math.floorMod(hint + k, slots);
            long off = offset(i);
            if (region.getVolatile(off) == 0 && region.compareAndSet(off, 0, word)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Puts {@code word} in a free slot; when all are taken, first frees the slots of owners whose
     * process died (a waiter killed while waiting leaves its slot behind) and tries again.
     *
     * @return the slot, or -1 when all are taken by live owners
     */
    int claim(long word, int hint) {
        int slot = tryClaim(word, hint);
        if (slot < 0 && pruneDead() > 0) {
            slot = tryClaim(word, hint);
        }
        return slot;
    }

    /** Lists a waiter, starting at a slot that depends on its thread so that threads rarely collide. */
    @Override
    public int enter(long waiter) {
        return claim(waiter, (int) Owner.tag(waiter));
    }

    /** Frees {@code slot} if it still holds {@code word}. */
    @Override
    public boolean release(int slot, long word) {
        return region.compareAndSet(offset(slot), word, 0);
    }

    /** Frees every slot whose owner process is gone; returns how many. */
    @Override
    public int pruneDead() {
        int n = 0;
        for (int i = 0; i < slots; i++) {
            long w = get(i);
            if (w != 0 && !Owner.isAlive(w) && release(i, w)) {
                n++;
            }
        }
        return n;
    }

    /** The participants in the slots, in slot order; dead owners skipped when {@code liveOnly}. */
    List<Participant> participants(boolean liveOnly) {
        List<Participant> out = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            long w = get(i);
            if (w != 0 && (!liveOnly || Owner.isAlive(w))) {
                out.add(Owner.participant(w));
            }
        }
        return out;
    }
}

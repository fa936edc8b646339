package dev.telar.workloads.shared;

import java.util.List;
import java.util.OptionalDouble;

/**
 * String keys to numbers, shared by many processes: the Manager's dict.
 *
 * <p><b>Units.</b> Entries are {@code double}s, with the exactness of {@link NumberValue}. Keys
 * of 1 to 64 characters without '/' or control characters, other than "." and "..", are
 * accepted by every implementation; a key an implementation refuses is an {@link
 * IllegalArgumentException} naming it.
 *
 * <p><b>Guarantees.</b> Each call on one key is atomic across threads and processes.
 * {@link #getDouble(String)} tells an absent key as empty (never as 0). {@link
 * #addDouble(String, double)} loses no addition and applies none twice, however many processes
 * add to one key at once. {@link #putDouble} and {@link #remove}: the last one wins. {@link
 * #size()} and {@link #keys()} are snapshots that another process may change at once.
 * Implementations are thread-safe; a failure is an unchecked exception saying what happened (as
 * for {@link NumberValue}), never a guess.
 */
public interface NumberDict {
    /** The number under {@code key}, or empty when there is no such entry. */
    OptionalDouble getDouble(String key);

    /** Sets {@code key} to {@code value}, creating the entry if needed. */
    void putDouble(String key, double value);

    /**
     * Adds {@code delta} to the entry under {@code key} atomically (an absent entry counts as 0
     * and is created); returns the sum this addition produced.
     */
    double addDouble(String key, double delta);

    /** Removes {@code key}'s entry; false when there was none. */
    boolean remove(String key);

    /** How many entries there are now. */
    int size();

    /** The keys now, sorted. */
    List<String> keys();
}

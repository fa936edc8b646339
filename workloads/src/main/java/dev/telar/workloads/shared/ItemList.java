package dev.telar.workloads.shared;

/**
 * An append-only list of {@code long} items shared by many processes: the Manager's list.
 *
 * <p><b>Guarantees.</b> Every {@link #append} that returned is in the list exactly once, at one
 * place that never changes and that every process sees alike (items are never removed or moved).
 * {@link #size()} and {@link #get(int)} see at least the appends that returned before they were
 * asked. Implementations are thread-safe. A full list (implementations with a bound say it), a
 * manager out of reach or an append whose outcome a dropped connection left unknown is an {@link
 * IllegalStateException}; an index past the end, an {@link IndexOutOfBoundsException}.
 */
public interface ItemList {
    /** Appends {@code item} at the end. */
    void append(long item);

    /** The item at {@code index} (from 0). */
    long get(int index);

    /** How many items there are now. */
    int size();
}

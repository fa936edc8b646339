package dev.telar.workloads.shm;

/**
 * Places in a shared structure where waiters list themselves while they sleep, so that a view can
 * name who waits (the sync primitives keep one; an exchange lock has none). A woken
 * {@link Backoff} enters its waiter before the first sleep, so that short waits never touch the
 * list, and leaves it when the wait ends. A full list only means that a waiter goes unlisted.
 */
public interface WaiterList {
    /** Lists {@code waiter} (an owner word); returns its place, or -1 when there is no room. */
    int enter(long waiter);

    /** Unlists {@code waiter} from {@code place}; false when it was no longer there. */
    boolean release(int place, long waiter);

    /** Unlists every waiter whose process has gone (it was killed while waiting); returns how many. */
    int pruneDead();
}

package dev.telar.workloads.sync.scenario;

import java.util.List;

/**
 * The Lock scenario's figures: the shared total against the sum it should reach.
 *
 * @param lockOn      whether the workers take the lock around their updates (the switch)
 * @param total       the shared total as the workers wrote it back, a sum of numbers 0..999
 * @param expected    the sum of the chunks of every update made (written back): what the total is
 *                    without lost updates; a chunk waiting for the lock is not in it yet
 * @param updates     read-then-write updates of the total made so far (one per chunk)
 * @param lostUpdates updates overwritten by another worker's write between its read and its write
 * @param numbers     per worker (index = worker), how many numbers it has summed so far
 */
public record LockFigures(boolean lockOn, long total, long expected, long updates, long lostUpdates,
                          List<Long> numbers) implements PrimitiveFigures {
    public LockFigures {
        numbers = List.copyOf(numbers);
    }

    @Override
    public Primitive primitive() {
        return Primitive.LOCK;
    }

    /** How many numbers all workers have summed so far. */
    public long summed() {
        return numbers.stream().mapToLong(Long::longValue).sum();
    }
}

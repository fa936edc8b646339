package dev.telar.workloads.sync.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lock scenario's figures: the shared total against the sum it should reach.
 *
 * @param lockOn         whether the workers take the lock around their updates (the switch)
 * @param total          the shared total as the workers wrote it back, a sum of numbers 0..999
 * @param expected       the sum of every chunk the workers added: what the total is without lost updates
 * @param updates        read-then-write updates of the total made so far (one per chunk)
 * @param lostUpdates    updates overwritten by another worker's write between its read and its write
 * @param numbersSummed  per worker (index = worker), the numbers it has summed so far
 */
public record LockFigures(boolean lockOn, long total, long expected, long updates, long lostUpdates,
                          List<Long> numbersSummed) implements PrimitiveFigures {
    public LockFigures {
        numbersSummed = List.copyOf(numbersSummed);
    }

    @Override
    public Primitive primitive() {
        return Primitive.LOCK;
    }

    /** Numbers summed by all workers so far. */
    public long summed() {
        return numbersSummed.stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public Map<String, Long> named() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("lock_on", lockOn ? 1L : 0L);
        m.put("total", total);
        m.put("expected", expected);
        m.put("updates", updates);
        m.put("lost_updates", lostUpdates);
        for (int w = 0; w < numbersSummed.size(); w++) {
            m.put("numbers_" + w, numbersSummed.get(w));
        }
        return m;
    }
}

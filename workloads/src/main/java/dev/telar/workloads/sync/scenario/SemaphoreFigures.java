package dev.telar.workloads.sync.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Semaphore scenario's figures: workers using a few connections.
 *
 * @param permits    the semaphore's permits (connections)
 * @param inside     workers holding a permit now
 * @param mostInside the most workers that held a permit at once; never above {@code permits}
 * @param uses       connection uses so far (permits taken and given back)
 */
public record SemaphoreFigures(long permits, long inside, long mostInside, long uses) implements PrimitiveFigures {
    @Override
    public Primitive primitive() {
        return Primitive.SEMAPHORE;
    }

    @Override
    public Map<String, Long> named() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("permits", permits);
        m.put("inside", inside);
        m.put("most_inside", mostInside);
        m.put("uses", uses);
        return m;
    }
}

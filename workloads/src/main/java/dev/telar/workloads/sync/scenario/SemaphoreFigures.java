package dev.telar.workloads.sync.scenario;

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
}

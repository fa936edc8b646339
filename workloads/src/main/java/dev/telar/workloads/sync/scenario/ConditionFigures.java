package dev.telar.workloads.sync.scenario;

/**
 * The Condition scenario's figures: producers and consumers over a bounded buffer.
 *
 * @param capacity slots of the buffer
 * @param inBuffer items in the buffer now
 * @param produced items put in so far, by all producers
 * @param consumed items taken out so far, by all consumers
 * @param fullest  the most items the buffer held at once; never above {@code capacity}
 */
public record ConditionFigures(long capacity, long inBuffer, long produced, long consumed, long fullest)
        implements PrimitiveFigures {
    @Override
    public Primitive primitive() {
        return Primitive.CONDITION;
    }
}

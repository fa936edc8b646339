package dev.telar.workloads.sync.scenario;

/**
 * The RLock scenario's figures: two accounts whose sum the transfers keep.
 *
 * @param accountA         balance of the account transfers take from (starts at 1,000,000)
 * @param accountB         balance of the account transfers give to (starts at 0)
 * @param transfers        transfers done, each moving 1 from A to B under the lock
 * @param deepestHoldCount the most times one worker held the RLock at once (2 inside a transfer)
 * @param violations       transfers after which the two balances did not add up to the start
 */
public record RLockFigures(long accountA, long accountB, long transfers, long deepestHoldCount, long violations)
        implements PrimitiveFigures {
    @Override
    public Primitive primitive() {
        return Primitive.RLOCK;
    }
}

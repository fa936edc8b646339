package dev.telar.workloads.sync;

import java.util.List;

/**
 * Snapshot of a Barrier.
 *
 * @param parties    how many must arrive for all to continue
 * @param arrived    how many have arrived in the current generation
 * @param waiting    who is waiting at the barrier now
 * @param generation the current generation: 0 at creation, +1 each time the barrier opens or is reset
 * @param rounds     how many times all parties arrived and went on
 * @param broken     true after a timeout, abort, failed action or dead party, until reset
 */
public record BarrierState(int parties, int arrived, List<Participant> waiting, long generation, long rounds,
                           boolean broken) implements SyncState {
    public BarrierState {
        waiting = List.copyOf(waiting);
    }
}

package dev.telar.tui.view;

import java.util.HashSet;
import java.util.Set;

/**
 * What the controllers ask of the sampler: the refresh interval, and the processes whose threads
 * the samples list, which follow from what the screen shows. Asks only when that changed. UI thread only.
 */
final class Sampling {
    private final SamplerControl sampler;
    private final ViewState view;
    /** The processes whose threads the sampler was last asked for. */
    private Set<Integer> asked = Set.of();

    Sampling(SamplerControl sampler, ViewState view) {
        this.sampler = sampler;
        this.view = view;
    }

    /**
     * Asks the sampler for the threads of the processes the screen shows threads of, when they
     * changed, and for a sample now when {@code now}: the expanded process; in the experiments
     * view, the lab's process and the run's child processes (the worker list); in the exchange
     * view, the run's live children (the core each is on).
     */
    void follow(boolean now) {
        Set<Integer> pids = new HashSet<>();
        if (view.expandedPid() >= 0) {
            pids.add(view.expandedPid());
        }
        if (view.mode() == ViewState.Mode.EXPERIMENTS) {
            pids.add((int) view.labPid());
            pids.addAll(view.experiments().children());
        } else if (view.mode() == ViewState.Mode.EXCHANGE) {
            for (long pid : view.exchange().livePids()) {
                pids.add((int) pid);
            }
        }
        if (!pids.equals(asked)) {
            asked = Set.copyOf(pids);
            sampler.setThreadsFor(asked);
        }
        if (now) {
            sampler.requestNow();
        }
    }

    /** Asks for a sample now rather than at the end of the interval. */
    void now() {
        sampler.requestNow();
    }

    /** Sets the refresh interval; REDRAW when the interval in force changed. */
    Outcome interval(long millis) {
        long applied = sampler.setIntervalMillis(millis);
        if (applied == view.intervalMillis()) {
            return Outcome.IGNORED;
        }
        view.setIntervalMillis(applied);
        return Outcome.REDRAW;
    }
}

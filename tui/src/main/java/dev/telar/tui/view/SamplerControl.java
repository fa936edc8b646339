package dev.telar.tui.view;

import dev.telar.probe.Sampler;
import java.util.Set;

/**
 * What the dashboard may ask of the sampler. Called from the UI thread only, and only in answer
 * to a key stroke, so the sampler is never steered by rendering.
 */
public interface SamplerControl {
    /** Sets the interval between samples; returns the interval applied (clamped), milliseconds. */
    long setIntervalMillis(long millis);

    /** Chooses the processes whose threads the next samples list (empty: none). */
    void setThreadsFor(Set<Integer> pids);

    /** Asks for a sample now rather than at the end of the interval. */
    void requestNow();

    /** Steers a real {@link Sampler}. */
    static SamplerControl of(Sampler sampler) {
        return new SamplerControl() {
            @Override
            public long setIntervalMillis(long millis) {
                return sampler.setIntervalMillis(millis);
            }

            @Override
            public void setThreadsFor(Set<Integer> pids) {
                sampler.setThreadsFor(pids);
            }

            @Override
            public void requestNow() {
                sampler.requestNow();
            }
        };
    }
}

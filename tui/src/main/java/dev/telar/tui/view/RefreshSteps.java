package dev.telar.tui.view;

/**
 * The refresh intervals offered by {@code +} and {@code -}, milliseconds, within the sampler's
 * limits (250 ms .. 10 s). Pure functions.
 */
public final class RefreshSteps {
    private static final long[] STEPS = {250, 500, 1000, 2000, 5000, 10_000};

    private RefreshSteps() {
    }

    /** The next shorter step below {@code current}, or the shortest step when already there. */
    public static long faster(long current) {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < current) {
                return STEPS[i];
            }
        }
        return STEPS[0];
    }

    /** The next longer step above {@code current}, or the longest step when already there. */
    public static long slower(long current) {
        for (long step : STEPS) {
            if (step > current) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }
}

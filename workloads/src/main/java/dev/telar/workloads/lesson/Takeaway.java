package dev.telar.workloads.lesson;

import java.util.List;

/**
 * A step's one-line lesson, chosen from what was measured: a code (worded per step by the tui) and
 * the figures its sentence quotes, in order. {@link Code#holds} states, for every code, what the
 * figures must show for the sentence to be true; a step picks the first of its codes that holds.
 *
 * @param code what the sentence says
 * @param args the figures it quotes, in the order the sentence uses them
 */
public record Takeaway(Code code, List<Figure> args) {
    /** Speed-ups at or above this count as faster; below it as no faster (noise, start-up). */
    public static final double FASTER_AT = 1.2;

    public Takeaway {
        args = List.copyOf(args);
    }

    /** What a takeaway can say. */
    public enum Code {
        /** The step could not measure: the sentence gives the reason instead (args: none). */
        NOT_MEASURED,
        /** This machine has one core: nothing can run in parallel (args: cores). */
        ONE_CORE,
        /** Faster with more workers (args: speed-up, workers, cores). */
        FASTER,
        /** No faster with more workers (args: speed-up, workers). */
        NOT_FASTER,
        /** Threads of one process kept more than one core busy (args: cores busy, threads). */
        CORES_SHARED,
        /** Threads of one process kept about one core busy (args: cores busy, threads). */
        ONE_CORE_BUSY,
        /** The fastest thread limit is at most the core count (args: best limit, its seconds, cores). */
        BEST_WITHIN_CORES,
        /** The fastest thread limit is above the core count (args: best limit, its seconds, cores). */
        BEST_ABOVE_CORES,
        /** Every mechanism gave the exact total, and N processes were faster (args: lowest speed-up, processes). */
        EXACT_AND_FASTER,
        /** Every mechanism gave the exact total, but N processes were not all faster (args: lowest speed-up, processes). */
        EXACT_NOT_FASTER,
        /** Some mechanism's total was wrong (args: mechanisms wrong). */
        TOTAL_WRONG,
        /** Updates were lost without the lock, none with it (args: lost, updates). */
        LOST_WITHOUT_LOCK,
        /** No update was lost, with or without the lock, this time (args: updates). */
        NONE_LOST,
        /** Updates were lost even with the lock (args: lost with the lock). */
        LOST_WITH_LOCK,
        /** The scenario kept its primitive's rule (args: the step's key figure). */
        RULE_KEPT,
        /** The scenario broke its primitive's rule (args: violations). */
        RULE_BROKEN;

        /** True when {@code figures} support this code's sentence. */
        public boolean holds(StepFigures figures) {
            double key = figures.key().value();
            return switch (this) {
                case NOT_MEASURED -> figures.outcome() != StepFigures.Outcome.MEASURED;
                case ONE_CORE -> figures.outcome() == StepFigures.Outcome.MEASURED && figures.cores() == 1;
                case FASTER, EXACT_AND_FASTER -> measured(figures) && key >= FASTER_AT && figures.allExact();
                case NOT_FASTER, EXACT_NOT_FASTER -> measured(figures) && key < FASTER_AT && figures.allExact();
                case CORES_SHARED -> measured(figures) && key >= FASTER_AT;
                case ONE_CORE_BUSY -> measured(figures) && key < FASTER_AT;
                case BEST_WITHIN_CORES -> measured(figures) && figures.bestCount() <= figures.cores();
                case BEST_ABOVE_CORES -> measured(figures) && figures.bestCount() > figures.cores();
                case TOTAL_WRONG -> measured(figures) && !figures.allExact();
                case LOST_WITHOUT_LOCK -> measured(figures) && key > 0 && figures.lostWithLock() == 0;
                case NONE_LOST -> measured(figures) && key == 0 && figures.lostWithLock() == 0;
                case LOST_WITH_LOCK -> measured(figures) && figures.lostWithLock() > 0;
                case RULE_KEPT -> measured(figures) && figures.violations() == 0 && figures.allExact();
                case RULE_BROKEN -> measured(figures) && (figures.violations() > 0 || !figures.allExact());
            };
        }

        private static boolean measured(StepFigures f) {
            return f.outcome() == StepFigures.Outcome.MEASURED && !Double.isNaN(f.key().value());
        }
    }
}

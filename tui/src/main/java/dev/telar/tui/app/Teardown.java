package dev.telar.tui.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends what the dashboard started (the run in progress, its child JVMs, its run directory, the
 * sampler) exactly once, whoever asks first: the dashboard on its way out after q, Ctrl-C or an
 * error, or the JVM shutdown hook on SIGTERM, SIGHUP or SIGINT, which must finish the job before
 * the JVM halts its daemon threads.
 *
 * <p>The steps run in order on a thread of their own, and every caller waits for them at most
 * {@link #LIMIT}: a step that hangs cannot keep Telar from exiting. Should that happen, the child
 * JVMs still die with Telar (the child launcher's reaper and their parent-death signal); only their
 * run directory would be left, for the next start to remove. Thread-safe.
 */
final class Teardown implements Runnable {
    /** Longest any caller waits for the steps, in all. */
    static final Duration LIMIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

    private final List<Step> steps;
    private final AtomicBoolean begun = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    /** One thing to end, named for the log. */
    record Step(String name, Runnable action) {
    }

    /** @param steps what to end, in this order */
    Teardown(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Runs the steps the first time (later calls only wait for them) and returns once they are done or after {@link #LIMIT}. */
    @Override
    public void run() {
        if (begun.compareAndSet(false, true)) {
            Thread worker = new Thread(this::runSteps, "telar-teardown");
            worker.setDaemon(true);
            worker.start();
        }
        try {
            if (!done.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("ending the runs took longer than {} s; exiting anyway", LIMIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once every step has ended. */
    boolean done() {
        return done.getCount() == 0;
    }

    private void runSteps() {
        try {
            for (Step step : steps) {
                long start = System.nanoTime();
                try {
                    step.action().run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("ending {} failed", step.name(), e);
                }
                LOG.debug("{} ended in {} ms", step.name(), (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            done.countDown();
        }
    }
}

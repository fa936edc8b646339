package dev.telar.workloads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Named participant threads for the contract tests, with bounded joins that re-throw what a
 * thread threw, and bounded polling of a primitive's state (a test waits for the state it needs,
 * never for a fixed time). Every thread started here is interrupted and joined by {@link #close()}.
 */
public final class Workers implements AutoCloseable {
    /** Upper bound for anything a test waits for; reaching it fails the test. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);
    private final List<Worker<?>> started = new ArrayList<>();

    /** One participant thread and its outcome. */
    public static final class Worker<T> {
        private final Thread thread;
        private final AtomicReference<T> result = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Worker(String name, Callable<T> body) {
            thread = new Thread(() -> {
                try {
                    result.set(body.call());
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, name);
            thread.setDaemon(true);
        }

        public Thread thread() {
            return thread;
        }

        /** Waits for the thread (at most {@link #PATIENCE}) and returns its result, re-throwing its failure. */
        public T join() throws Exception {
            thread.join(PATIENCE.toMillis());
            assertThat(thread.isAlive()).as("%s still running after %s", thread.getName(), PATIENCE).isFalse();
            Throwable f = failure.get();
            if (f instanceof Exception e) {
                throw e;
            }
            if (f instanceof Error e) {
                throw e;
            }
            return result.get();
        }

        /** Waits for the thread and returns what it threw (fails when it threw nothing). */
        public Throwable failure() throws InterruptedException {
            thread.join(PATIENCE.toMillis());
            assertThat(thread.isAlive()).as("%s still running after %s", thread.getName(), PATIENCE).isFalse();
            assertThat(failure.get()).as("%s should have thrown", thread.getName()).isNotNull();
            return failure.get();
        }

        public boolean isAlive() {
            return thread.isAlive();
        }
    }

    /** Starts a participant thread named {@code name}. */
    public <T> Worker<T> start(String name, Callable<T> body) {
        Worker<T> w = new Worker<>(name, body);
        started.add(w);
        w.thread.start();
        return w;
    }

    /** Polls until {@code condition} holds; fails after {@link #PATIENCE}. */
    public static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(1);
        }
    }

    /** Polls until {@code value} yields {@code expected}; fails with the last value seen. */
    public static <T> void eventuallyEquals(String what, Supplier<T> value, T expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = value.get();
        while (!expected.equals(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + ": expected " + expected + " but was " + last);
            }
            Thread.sleep(1);
            last = value.get();
        }
    }

    /** Names of participants, for comparing with thread names or pids. */
    public static List<String> names(List<Participant> ps) {
        return ps.stream().map(Participant::name).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (Worker<?> w : started) {
            w.thread.interrupt();
        }
        for (Worker<?> w : started) {
            w.thread.join(PATIENCE.toMillis());
        }
    }
}

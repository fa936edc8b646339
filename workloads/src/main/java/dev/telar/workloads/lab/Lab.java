package dev.telar.workloads.lab;

import java.util.function.Consumer;

/**
 * A host of the lab engine: in this JVM ({@link LabEngine}) or in a lab JVM driven over queues.
 * Thread-safe. {@link #send} never blocks on the job: it returns at once, and everything that
 * follows comes back as events, on a thread of the host, to every subscriber in order.
 */
public interface Lab extends AutoCloseable {
    /** Adds a listener; it must hand events over quickly (e.g. to a queue). */
    void subscribe(Consumer<LabEvent> listener);

    /**
     * A job may come soon (a view that starts jobs opened): a host that needs time to get ready may
     * start getting ready now. Returns at once; does nothing by default.
     */
    default void warmUp() {
    }

    /** Asks for a job, a cancel or a switch; the answer comes as events. */
    void send(LabCommand command);

    /**
     * Cancels the job in progress and ends the host: workers stopped, children killed, run
     * directories removed, within a few seconds.
     */
    @Override
    void close();
}

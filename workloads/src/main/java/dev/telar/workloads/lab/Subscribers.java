package dev.telar.workloads.lab;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of a lab host ({@link LabEngine}, {@link LabClient}). Events reach every listener
 * one at a time, in the order they are emitted, whichever thread emits them; a listener that throws
 * is logged and the others still hear the event. The latest {@link LabEvent.Ready} is remembered,
 * so a listener added later is told at once which process computes, before any later event.
 * Thread-safe.
 */
final class Subscribers {
    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    private final List<Consumer<LabEvent>> listeners = new CopyOnWriteArrayList<>();
    private LabEvent.Ready ready;

    /** @param ready the process that computes, or null while none is known */
    Subscribers(LabEvent.Ready ready) {
        this.ready = ready;
    }

    /** Adds a listener, telling it the process that computes when one is known. */
    synchronized void add(Consumer<LabEvent> listener) {
        listeners.add(listener);
        if (ready != null) {
            tell(listener, ready);
        }
    }

    /** Hands {@code event} to every listener; a {@link LabEvent.Ready} is also remembered for later ones. */
    synchronized void emit(LabEvent event) {
        if (event instanceof LabEvent.Ready r) {
            ready = r;
        }
        for (Consumer<LabEvent> l : listeners) {
            tell(l, event);
        }
    }

    /** The process that computed has ended: later listeners are told nothing until the next Ready. */
    synchronized void forgetReady() {
        ready = null;
    }

    /** The process that computes, if known. */
    synchronized Optional<LabEvent.Ready> ready() {
        return Optional.ofNullable(ready);
    }

    private static void tell(Consumer<LabEvent> listener, LabEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("a lab listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }
}

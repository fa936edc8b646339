package dev.telar.workloads.model;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * One virtual (user-level) thread per worker, scheduled by the JVM onto a few carrier threads:
 * the JVM's counterpart of the lecture's user-level threads. Needs Java 21; Telar is built for
 * Java 17, so the API is reached by reflection and reported unavailable on older JVMs.
 */
public final class VirtualThreads extends WorkerThreadsModel {
    private static final Method[] API = lookup();

    @Override
    public ModelKind kind() {
        return ModelKind.VIRTUAL;
    }

    @Override
    public String summary() {
        return "one virtual thread per worker, on the JVM's carrier threads";
    }

    @Override
    public Optional<Problem> unavailableReason() {
        return API != null ? Optional.empty() : Optional.of(Problem.of(ProblemCode.RUN_VIRTUAL, Runtime.version().feature()));
    }

    @Override
    Thread newWorker(Job job, int index, Runnable body) {
        if (API == null) {
            throw new ProblemException(unavailableReason().orElseThrow());
        }
        try {
            Object builder = API[0].invoke(null);
            builder = API[1].invoke(builder, kind().workerName(index));
            return (Thread) API[2].invoke(builder, body);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not make a virtual thread: " + e.getMessage(), e);
        }
    }

    /** Thread.ofVirtual(), OfVirtual.name(String), Builder.unstarted(Runnable); null before Java 21. */
    private static Method[] lookup() {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
            return new Method[] {ofVirtual, builder.getMethod("name", String.class),
                builder.getMethod("unstarted", Runnable.class)};
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}

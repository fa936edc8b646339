package dev.telar.workloads.mechanism;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The lecture's ways of returning results from processes, as typed on the command line. */
public enum Mechanism {
    /** One {@link Pipe} per process, each chunk's sum sent as a message. */
    PIPE,
    /** One {@link SharedQueue}: every process produces, the parent consumes. */
    QUEUE,
    /** One {@link SharedValue} total, each process adding its partial sum under the lock. */
    VALUE,
    /** One {@link SharedArray} slot per process. */
    ARRAY,
    /** One {@link SharedDict} entry per process (the Manager's dict). */
    DICT,
    /**
     * One entry per process in a dict of a remote manager (the lecture's Manager served over the
     * network): needs a manager to talk to.
     */
    MANAGER_DICT,
    /**
     * One total in a remote manager, each process adding its partial sum under the manager's lock
     * (the lecture's "manager value + manager lock"): needs a manager to talk to.
     */
    MANAGER_VALUE;

    /** Command-line names, in declaration order. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Mechanism::cliName).toList();

    /** The mechanisms that need nothing but this machine's files, in declaration order. */
    public static final List<Mechanism> LOCAL = Arrays.stream(values()).filter(m -> !m.needsManager()).toList();

    /** The name typed on the command line, e.g. {@code pipe} or {@code manager-dict}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for the mechanisms that run through a remote manager, which the run must be given. */
    public boolean needsManager() {
        return this == MANAGER_DICT || this == MANAGER_VALUE;
    }

    /** The mechanism called {@code name}, if any. */
    public static Optional<Mechanism> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.cliName().equals(name)).findFirst();
    }

    /** True for the mechanisms that carry messages (and so have a backlog and latencies). */
    public boolean carriesMessages() {
        return this == PIPE || this == QUEUE;
    }
}

package dev.telar.workloads.lab;

import dev.telar.workloads.exchange.TotalCheck;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host of the lab may be asked, as plain records: they cross the process boundary field by
 * field, never through Java serialization. A job command ({@link Job}) either starts at once or is
 * refused ({@link LabEvent.Refused}) because another job holds the one slot.
 */
public sealed interface LabCommand {
    /** A command that starts a job and needs the job slot. */
    sealed interface Job extends LabCommand {
        /** Which kind of job this starts. */
        JobKind kind();
    }

    /** Runs an experiment, preceded by its baseline (same work on one worker) when {@code baseline}. */
    record RunExperiment(RunSpec spec, boolean baseline) implements Job {
        @Override
        public JobKind kind() {
            return JobKind.EXPERIMENT;
        }
    }

    /** Sweeps the spec's kernel and model over the standard worker counts, baseline first. */
    record RunSweep(RunSpec spec) implements Job {
        @Override
        public JobKind kind() {
            return JobKind.SWEEP;
        }
    }

    /**
     * The exchange comparison: for each mechanism, {@code draws} summed by 1 process (when
     * {@code withOne} and {@code processes > 1}), then by {@code processes} processes; the totals
     * are checked against the sequential sum as {@code check} says.
     */
    record CompareExchange(List<Mechanism> mechanisms, int processes, long draws, boolean withOne, TotalCheck check,
                           Optional<ManagerTarget> manager) implements Job {
        public CompareExchange {
            mechanisms = List.copyOf(mechanisms);
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(manager, "manager");
        }

        /** A comparison of mechanisms that need no manager, or that use the lab's own. */
        public CompareExchange(List<Mechanism> mechanisms, int processes, long draws, boolean withOne, TotalCheck check) {
            this(mechanisms, processes, draws, withOne, check, Optional.empty());
        }

        /** The dashboard's comparison: each completed run's total checked after it. */
        public CompareExchange(List<Mechanism> mechanisms, int processes, long draws, boolean withOne) {
            this(mechanisms, processes, draws, withOne, TotalCheck.AFTER_RUN);
        }

        @Override
        public JobKind kind() {
            return JobKind.EXCHANGE;
        }
    }

    /** The race demo: {@code processes} processes add 1 {@code increments} times each, unlocked then locked. */
    record RunRace(int processes, long increments) implements Job {
        @Override
        public JobKind kind() {
            return JobKind.RACE;
        }
    }

    /**
     * Runs one sync scenario; its defaults (workers, size) are filled in by the scenario.
     *
     * @param manager the manager a remote run meets at (its address and where its key is, never
     *                the key); empty for threads and processes
     */
    record RunScenario(ScenarioSpec spec, Optional<ManagerTarget> manager) implements Job {
        /** A run of threads or processes, which needs no manager. */
        public RunScenario(ScenarioSpec spec) {
            this(spec, Optional.empty());
        }

        @Override
        public JobKind kind() {
            return JobKind.SCENARIO;
        }
    }

    /** Cancels the job in progress, if any; the job ends as usual, reporting a cancelled run. */
    record Cancel() implements LabCommand {
    }

    /** The Lock scenario's switch: its workers take the lock around their updates, or not. */
    record SetLock(boolean on) implements LabCommand {
    }
}

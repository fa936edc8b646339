package dev.telar.workloads.lab;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;

/**
 * What a host of the lab reports, in order, on one thread of the host. Plain records, like
 * {@link LabCommand}. A job's events lie between its {@link JobStarted} and its {@link JobEnded};
 * progress events ({@link ExchangeProgressed}, {@link RaceSampled}, {@link ScenarioUpdated}) come
 * about five times a second while their job runs, and never while the lab is idle.
 */
public sealed interface LabEvent {
    /** The host is ready; {@code pid} is the process whose threads compute (the lab JVM, or this JVM). */
    record Ready(long pid) implements LabEvent {
    }

    /** A job took the slot. */
    record JobStarted(JobKind kind) implements LabEvent {
    }

    /** The job that held the slot ended, however it ended; none of its threads or children run any more. */
    record JobEnded(JobKind kind) implements LabEvent {
    }

    /** A job was not started because {@code running} holds the slot. */
    record Refused(JobKind asked, JobKind running) implements LabEvent {
    }

    /** A job was not started because its spec does not suit it, or could not be sent to the lab. */
    record Rejected(JobKind asked, Problem reason) implements LabEvent {
    }

    /** News of an experiment or sweep job. */
    record Experiment(ExperimentEvent event) implements LabEvent {
    }

    /** News of an exchange or race job. */
    record Exchange(ExchangeEvent event) implements LabEvent {
    }

    /** The exchange run in progress: statistics and children. */
    record ExchangeProgressed(ExchangeProgress progress) implements LabEvent {
    }

    /** The race demo's latest sample. */
    record RaceSampled(RaceDemo.Sample sample) implements LabEvent {
    }

    /**
     * The sync scenario began; {@code spec} is the one asked for with the scenario's defaults
     * filled in (the workers and size it actually runs). Comes before its first {@link ScenarioUpdated}.
     */
    record ScenarioStarted(ScenarioSpec spec) implements LabEvent {
    }

    /** The sync scenario in progress, as a panel draws it; the last one comes before its {@link ScenarioEnded}. */
    record ScenarioUpdated(ScenarioSnapshot snapshot) implements LabEvent {
    }

    /** The sync scenario ended (files removed, children gone). */
    record ScenarioEnded(ScenarioOutcome outcome) implements LabEvent {
    }

    /**
     * The lab JVM died (crashed, ran out of memory, was killed) or could not be started; the
     * {@code reason} is one of the {@code LAB_} problems. The job it ran has been reported as
     * failed with this reason just before; the next job starts a new lab.
     */
    record LabLost(Problem reason) implements LabEvent {
    }
}

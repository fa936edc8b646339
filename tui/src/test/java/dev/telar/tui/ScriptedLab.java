package dev.telar.tui;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.JobSlot;
import dev.telar.workloads.lab.Lab;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A lab whose jobs run nowhere: it takes the real {@link JobSlot} as the engine does and answers
 * every job command at once with {@code JobStarted} or {@code Refused}; what a job then reports is
 * what the test hands to {@link #report}, wrapped and ended as the engine does (an {@code Idle}
 * frees the slot with {@code JobEnded}). Records every command, so tests see what the views asked.
 * Events go to the listeners on the calling thread.
 */
public final class ScriptedLab implements Lab {
    private final List<Consumer<LabEvent>> listeners = new ArrayList<>();
    private final JobSlot slot = new JobSlot();
    /** Every command sent, in order. */
    public final List<LabCommand> sent = new ArrayList<>();
    /** The job commands that started, in order. */
    public final List<LabCommand.Job> started = new ArrayList<>();
    private long pid = -1;
    /** Recorded jobs to play back, oldest first: each job sent takes the next one's events. */
    private final Deque<List<LabEvent>> playback = new ArrayDeque<>();

    /**
     * Plays back jobs a real engine ran ({@link LessonRecording}): from now on each job sent is
     * answered with the next recorded job's events, its {@code JobStarted} to its {@code JobEnded},
     * at once; a job of another kind than the one recorded next is a test mistake. Once they are
     * used up, jobs are answered as before.
     */
    public void playBack(List<List<LabEvent>> jobs) {
        playback.addAll(jobs);
    }

    /** Recorded jobs not yet played back. */
    public int toPlayBack() {
        return playback.size();
    }

    /** Tells every listener (and, on subscribing, each later one) that {@code labPid} computes. */
    public void ready(long labPid) {
        pid = labPid;
        emit(new LabEvent.Ready(labPid));
    }

    /** True once {@link #ready} was called. */
    public boolean announced() {
        return pid >= 0;
    }

    @Override
    public void subscribe(Consumer<LabEvent> listener) {
        listeners.add(listener);
        if (pid >= 0) {
            listener.accept(new LabEvent.Ready(pid));
        }
    }

    @Override
    public void send(LabCommand command) {
        sent.add(command);
        if (command instanceof LabCommand.Job job && !playback.isEmpty()) {
            List<LabEvent> script = playback.poll();
            LabEvent first = script.get(0);
            JobKind recorded = first instanceof LabEvent.JobStarted s ? s.kind() : ((LabEvent.Refused) first).asked();
            if (recorded != job.kind()) {
                throw new IllegalStateException("played back a " + recorded + " job for a " + job.kind() + " job");
            }
            started.add(job);
            script.forEach(this::emit);
            return;
        }
        if (command instanceof LabCommand.Job job) {
            Optional<JobKind> busy = slot.take(job.kind());
            if (busy.isPresent()) {
                emit(new LabEvent.Refused(job.kind(), busy.get()));
            } else {
                started.add(job);
                emit(new LabEvent.JobStarted(job.kind()));
            }
        }
    }

    /** The started jobs of one command type, in order. */
    public <T extends LabCommand.Job> List<T> started(Class<T> type) {
        return started.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** How many {@link LabCommand.Cancel}s were sent. */
    public long cancels() {
        return sent.stream().filter(LabCommand.Cancel.class::isInstance).count();
    }

    /** The lock switches sent, in order. */
    public List<Boolean> lockSwitches() {
        return sent.stream().filter(LabCommand.SetLock.class::isInstance).map(c -> ((LabCommand.SetLock) c).on()).toList();
    }

    /** An experiment job's news; a run started with no job in the slot takes it first, as if asked for. */
    public void report(ExperimentEvent event) {
        if (event instanceof ExperimentEvent.Started && slot.holder().isEmpty()) {
            take(JobKind.EXPERIMENT);
        }
        emit(new LabEvent.Experiment(event));
        if (event instanceof ExperimentEvent.Idle) {
            slot.holder().filter(k -> k == JobKind.EXPERIMENT || k == JobKind.SWEEP).ifPresent(this::end);
        }
    }

    /** An exchange or race job's news, as {@link #report(ExperimentEvent)}. */
    public void report(ExchangeEvent event) {
        if (slot.holder().isEmpty() && (event instanceof ExchangeEvent.RunStarted || event instanceof ExchangeEvent.RaceStarted)) {
            take(event instanceof ExchangeEvent.RaceStarted ? JobKind.RACE : JobKind.EXCHANGE);
        }
        emit(new LabEvent.Exchange(event));
        if (event instanceof ExchangeEvent.Idle) {
            slot.holder().filter(k -> k == JobKind.EXCHANGE || k == JobKind.RACE).ifPresent(this::end);
        }
    }

    /** The exchange run's progress. */
    public void report(ExchangeProgress progress) {
        emit(new LabEvent.ExchangeProgressed(progress));
    }

    /** The race demo's sample. */
    public void report(RaceDemo.Sample sample) {
        emit(new LabEvent.RaceSampled(sample));
    }

    /** The scenario's state. */
    public void report(ScenarioSnapshot snapshot) {
        emit(new LabEvent.ScenarioUpdated(snapshot));
    }

    /** The scenario's end: its outcome, then the slot is free. */
    public void report(ScenarioOutcome outcome) {
        emit(new LabEvent.ScenarioEnded(outcome));
        end(JobKind.SCENARIO);
    }

    /** Frees the slot held by {@code kind}, as a job that ended. */
    public void end(JobKind kind) {
        if (slot.holder().orElse(null) == kind) {
            slot.release(kind);
            emit(new LabEvent.JobEnded(kind));
        }
    }

    /** A job asked for was not started: {@code reason} says why, as the engine's {@code Rejected}. */
    public void reject(JobKind kind, Problem reason) {
        emit(new LabEvent.Rejected(kind, reason));
    }

    /** The lab went away: its job failed ({@code JobEnded}), then {@code LabLost}. */
    public void lose(Problem reason) {
        slot.holder().ifPresent(this::end);
        emit(new LabEvent.LabLost(reason));
    }

    private void take(JobKind kind) {
        slot.take(kind);
        emit(new LabEvent.JobStarted(kind));
    }

    private void emit(LabEvent event) {
        for (Consumer<LabEvent> l : List.copyOf(listeners)) {
            l.accept(event);
        }
    }

    @Override
    public void close() {
    }
}

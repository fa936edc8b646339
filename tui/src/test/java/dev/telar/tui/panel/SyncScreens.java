package dev.telar.tui.panel;

import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.sync.BarrierState;
import dev.telar.workloads.sync.ConditionState;
import dev.telar.workloads.sync.EventState;
import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SemaphoreState;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.BarrierFigures;
import dev.telar.workloads.sync.scenario.ConditionFigures;
import dev.telar.workloads.sync.scenario.EventFigures;
import dev.telar.workloads.sync.scenario.LockFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.RLockFigures;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import dev.telar.workloads.sync.scenario.SemaphoreFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sync view with fixed state records: each primitive's panel while its scenario runs, and a
 * few ended runs, drawn through the real keys, frame and panels on a virtual terminal.
 */
final class SyncScreens {
    private SyncScreens() {
    }

    static Participant thread(int n) {
        return new Participant(4242, 100 + n, "worker-" + n);
    }

    static Participant process(long pid) {
        return new Participant(pid, 1, "pid " + pid);
    }

    static List<Participant> threads(int... n) {
        List<Participant> out = new ArrayList<>();
        for (int i : n) {
            out.add(thread(i));
        }
        return out;
    }

    static List<Participant> processes(long... pids) {
        List<Participant> out = new ArrayList<>();
        for (long pid : pids) {
            out.add(process(pid));
        }
        return out;
    }

    /** Lock, threads, lock on: worker-2 holds it, three wait; half the numbers summed. */
    static final LockState LOCK = new LockState(false, Optional.of(thread(2)), 1, threads(0, 1, 3), 2_345, false, 0);
    static final LockFigures LOCK_FIGURES = new LockFigures(true, 1_000_123_456L, 1_000_123_456L, 2_345, 0,
            List.of(500_000L, 500_000L, 500_000L, 500_000L));
    /** Lock, processes, taken over from a dead holder, lock off: updates lost. */
    static final LockState LOCK_ABANDONED = new LockState(false, Optional.of(process(4321)), 1, processes(4322, 4323),
            812, true, 1);
    static final LockFigures LOCK_OFF_FIGURES = new LockFigures(false, 1_990_000_000L, 1_998_000_000L, 4_000, 17,
            List.of(1_000_000L, 1_000_000L, 1_000_000L, 1_000_000L));
    static final LockState RLOCK = new LockState(true, Optional.of(thread(0)), 2, threads(1), 41, false, 0);
    static final RLockFigures RLOCK_FIGURES = new RLockFigures(999_993, 7, 7, 2, 0);
    static final SemaphoreState SEMAPHORE = new SemaphoreState(3, true, 0, processes(101, 102, 103),
            processes(104, 105, 106, 107, 108), 20, true, 1);
    static final SemaphoreFigures SEMAPHORE_FIGURES = new SemaphoreFigures(3, 3, 3, 20);
    static final ConditionState CONDITION = new ConditionState(
            new LockState(false, Optional.of(thread(1)), 1, List.of(), 300, false, 0), threads(0, 2), 40, 75);
    static final ConditionFigures CONDITION_FIGURES = new ConditionFigures(4, 4, 25, 21, 4);
    static final EventState EVENT = new EventState(false, threads(0, 1, 2, 3), 1);
    static final EventFigures EVENT_FIGURES = new EventFigures(2, 8, 4, 4, 0);
    static final BarrierState BARRIER = new BarrierState(4, 3, threads(1, 2, 3), 2, 2, false);
    static final BarrierFigures BARRIER_FIGURES = new BarrierFigures(2, 5, 11, 0);

    /** The state record and figures of each primitive's screen. */
    static SyncState state(Primitive p) {
        return switch (p) {
            case LOCK -> LOCK;
            case RLOCK -> RLOCK;
            case SEMAPHORE -> SEMAPHORE;
            case CONDITION -> CONDITION;
            case EVENT -> EVENT;
            case BARRIER -> BARRIER;
        };
    }

    static PrimitiveFigures figures(Primitive p) {
        return switch (p) {
            case LOCK -> LOCK_FIGURES;
            case RLOCK -> RLOCK_FIGURES;
            case SEMAPHORE -> SEMAPHORE_FIGURES;
            case CONDITION -> CONDITION_FIGURES;
            case EVENT -> EVENT_FIGURES;
            case BARRIER -> BARRIER_FIGURES;
        };
    }

    /** Workers as the scenario names them. */
    static List<String> workers(Mode mode, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(mode == Mode.THREADS ? "worker-" + i : "pid " + (101 + i));
        }
        return out;
    }

    /**
     * Opens the sync view, chooses {@code p} ({@code mode}), starts it, and shows {@code state} and
     * {@code figures} as its running state.
     */
    static VirtualScreen running(VirtualScreen vs, Primitive p, Mode mode, SyncState state, PrimitiveFigures figures) {
        vs.show(Snapshots.lab().build());
        vs.press('y');
        vs.press((char) ('1' + p.ordinal()));
        if (mode == Mode.PROCESSES) {
            vs.press('m');
        }
        if (figures instanceof LockFigures lock && !lock.lockOn()) {
            vs.press('l');
        }
        vs.press(' ');
        return vs.scenario(new ScenarioSnapshot(p, mode, ScenarioStatus.RUNNING, Optional.of(state),
                Optional.of(figures), workers(mode, workers(vs)), List.of(), 3.25));
    }

    /** As {@link #running}, then the run ends with {@code status}. */
    static VirtualScreen ended(VirtualScreen vs, Primitive p, Mode mode, SyncState state, PrimitiveFigures figures,
                               ScenarioStatus status, boolean correct) {
        running(vs, p, mode, state, figures);
        vs.scenario(new ScenarioSnapshot(p, mode, status, Optional.of(state), Optional.of(figures),
                workers(mode, workers(vs)), List.of(), 4.5));
        return vs.scenario(new ScenarioOutcome(p, mode, status, Optional.of(figures), correct,
                status == ScenarioStatus.FAILED ? "failed" : "summary", 4.5,
                status == ScenarioStatus.FAILED ? Problem.of(ProblemCode.SCENARIO_WORKER_ENDED, 102, 137) : Problem.NONE));
    }

    /** How many workers the scenario the view started has (its default when the view left it open). */
    static int workers(VirtualScreen vs) {
        return vs.view.sync().shownSpec().orElseThrow().workers();
    }

    /** Every sync screen by name. */
    static Map<String, java.util.function.Function<VirtualScreen, VirtualScreen>> all() {
        Map<String, java.util.function.Function<VirtualScreen, VirtualScreen>> out = new LinkedHashMap<>();
        out.put("sync, before a run", vs -> {
            vs.show(Snapshots.lab().build());
            vs.press('y');
            return vs;
        });
        out.put("sync help", vs -> {
            vs.show(Snapshots.lab().build());
            vs.press('y');
            vs.press('h');
            return vs;
        });
        for (Primitive p : Primitive.values()) {
            Mode mode = p == Primitive.SEMAPHORE ? Mode.PROCESSES : Mode.THREADS;
            out.put("sync " + p.label() + " running", vs -> running(vs, p, mode, state(p), figures(p)));
        }
        out.put("sync lock abandoned, lock off, done", vs -> ended(vs, Primitive.LOCK, Mode.PROCESSES, LOCK_ABANDONED,
                LOCK_OFF_FIGURES, ScenarioStatus.COMPLETED, false));
        out.put("sync barrier done", vs -> ended(vs, Primitive.BARRIER, Mode.THREADS,
                new BarrierState(4, 0, List.of(), 5, 5, false), new BarrierFigures(5, 5, 20, 0),
                ScenarioStatus.COMPLETED, true));
        out.put("sync event failed", vs -> ended(vs, Primitive.EVENT, Mode.PROCESSES, new EventState(true, List.of(), 1),
                EVENT_FIGURES, ScenarioStatus.FAILED, false));
        out.put("sync semaphore cancelled", vs -> {
            ended(vs, Primitive.SEMAPHORE, Mode.THREADS, SEMAPHORE, SEMAPHORE_FIGURES, ScenarioStatus.CANCELLED, false);
            return vs;
        });
        out.put("sync busy", vs -> {
            running(vs, Primitive.CONDITION, Mode.THREADS, CONDITION, CONDITION_FIGURES);
            vs.press(' ');
            return vs;
        });
        return out;
    }
}

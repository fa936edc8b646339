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
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
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

    static Map<String, Long> map(Object... keysAndValues) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).longValue());
        }
        return m;
    }

    /** Lock, threads, lock on: worker-2 holds it, three wait; half the numbers summed. */
    static final LockState LOCK = new LockState(false, Optional.of(thread(2)), 1, threads(0, 1, 3), 2_345, false, 0);
    static final Map<String, Long> LOCK_PROGRESS = map("lock_on", 1, "total", 1_000_123_456L, "expected", 1_000_123_456L,
            "updates", 2_345, "lost_updates", 0, "numbers_0", 500_000, "numbers_1", 500_000, "numbers_2", 500_000,
            "numbers_3", 500_000);
    /** Lock, processes, taken over from a dead holder, lock off: updates lost. */
    static final LockState LOCK_ABANDONED = new LockState(false, Optional.of(process(4321)), 1, processes(4322, 4323),
            812, true, 1);
    static final Map<String, Long> LOCK_OFF_PROGRESS = map("lock_on", 0, "total", 1_990_000_000L, "expected",
            1_998_000_000L, "updates", 4_000, "lost_updates", 17, "numbers_0", 1_000_000, "numbers_1", 1_000_000,
            "numbers_2", 1_000_000, "numbers_3", 1_000_000);
    static final LockState RLOCK = new LockState(true, Optional.of(thread(0)), 2, threads(1), 41, false, 0);
    static final Map<String, Long> RLOCK_PROGRESS = map("account_a", 999_993, "account_b", 7, "transfers", 7,
            "deepest_hold_count", 2, "violations", 0);
    static final SemaphoreState SEMAPHORE = new SemaphoreState(3, true, 0, processes(101, 102, 103),
            processes(104, 105, 106, 107, 108), 20, true, 1);
    static final Map<String, Long> SEMAPHORE_PROGRESS = map("permits", 3, "inside", 3, "most_inside", 3, "uses", 20);
    static final ConditionState CONDITION = new ConditionState(
            new LockState(false, Optional.of(thread(1)), 1, List.of(), 300, false, 0), threads(0, 2), 40, 75);
    static final Map<String, Long> CONDITION_PROGRESS = map("capacity", 4, "in_buffer", 4, "produced", 25, "consumed",
            21, "fullest", 4);
    static final EventState EVENT = new EventState(false, threads(0, 1, 2, 3), 1);
    static final Map<String, Long> EVENT_PROGRESS = map("cycles", 2, "ready", 8, "passes", 4, "phases_done", 4,
            "violations", 0);
    static final BarrierState BARRIER = new BarrierState(4, 3, threads(1, 2, 3), 2, 2, false);
    static final Map<String, Long> BARRIER_PROGRESS = map("rounds", 2, "target_rounds", 5, "phases_done", 11,
            "violations", 0);

    /** The state record and counters of each primitive's screen. */
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

    static Map<String, Long> progress(Primitive p) {
        return switch (p) {
            case LOCK -> LOCK_PROGRESS;
            case RLOCK -> RLOCK_PROGRESS;
            case SEMAPHORE -> SEMAPHORE_PROGRESS;
            case CONDITION -> CONDITION_PROGRESS;
            case EVENT -> EVENT_PROGRESS;
            case BARRIER -> BARRIER_PROGRESS;
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
     * {@code progress} as its running state.
     */
    static VirtualScreen running(VirtualScreen vs, Primitive p, Mode mode, SyncState state, Map<String, Long> progress) {
        vs.show(Snapshots.lab().build());
        vs.press('y');
        vs.press((char) ('1' + p.ordinal()));
        if (mode == Mode.PROCESSES) {
            vs.press('m');
        }
        if (p == Primitive.LOCK && progress.getOrDefault("lock_on", 1L) == 0) {
            vs.press('l');
        }
        vs.press(' ');
        return vs.scenario(new ScenarioSnapshot(p, mode, ScenarioStatus.RUNNING, Optional.of(state), progress,
                workers(mode, workers(vs)), List.of(), 3.25));
    }

    /** As {@link #running}, then the run ends with {@code status}. */
    static VirtualScreen ended(VirtualScreen vs, Primitive p, Mode mode, SyncState state, Map<String, Long> progress,
                               ScenarioStatus status, boolean correct) {
        running(vs, p, mode, state, progress);
        vs.scenario(new ScenarioSnapshot(p, mode, status, Optional.of(state), progress, workers(mode, workers(vs)),
                List.of(), 4.5));
        return vs.scenario(new ScenarioOutcome(p, mode, status, progress, correct,
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
            out.put("sync " + p.label() + " running", vs -> running(vs, p, mode, state(p), progress(p)));
        }
        out.put("sync lock abandoned, lock off, done", vs -> ended(vs, Primitive.LOCK, Mode.PROCESSES, LOCK_ABANDONED,
                LOCK_OFF_PROGRESS, ScenarioStatus.COMPLETED, false));
        out.put("sync barrier done", vs -> ended(vs, Primitive.BARRIER, Mode.THREADS,
                new BarrierState(4, 0, List.of(), 5, 5, false), map("rounds", 5, "target_rounds", 5, "phases_done", 20,
                        "violations", 0), ScenarioStatus.COMPLETED, true));
        out.put("sync event failed", vs -> ended(vs, Primitive.EVENT, Mode.PROCESSES, new EventState(true, List.of(), 1),
                EVENT_PROGRESS, ScenarioStatus.FAILED, false));
        out.put("sync semaphore cancelled", vs -> {
            ended(vs, Primitive.SEMAPHORE, Mode.THREADS, SEMAPHORE, SEMAPHORE_PROGRESS, ScenarioStatus.CANCELLED, false);
            return vs;
        });
        out.put("sync busy", vs -> {
            running(vs, Primitive.CONDITION, Mode.THREADS, CONDITION, CONDITION_PROGRESS);
            vs.press(' ');
            return vs;
        });
        return out;
    }
}

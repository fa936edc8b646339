package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.view.Outcome;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.LockFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import dev.telar.workloads.sync.scenario.SemaphoreFigures;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync view's keys: real scenarios started, switched and cancelled from the view through a real lab, and the mode toggle. */
class SyncKeysTest {
    private final BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();
    private LabEngine lab;
    private ViewState view;
    private Dispatcher keys;

    @BeforeEach
    void liveView() {
        lab = new LabEngine(RunDirectory.defaultParent(System.getenv()), ExchangeLimits.defaults());
        view = new ViewState(1000);
        keys = new Dispatcher(view, new VirtualScreen.RecordingSampler(), lab);
        lab.subscribe(events::add);
        keys.onSnapshot(Snapshots.lab().build());
        press('y');
        assertThat(view.mode()).isEqualTo(ViewState.Mode.SYNC);
    }

    @AfterEach
    void closeLab() {
        lab.close();
    }

    private Outcome press(char c) {
        return keys.onKey(new KeyStroke(c, false, false));
    }

    /** Feeds the lab's events to the handler, as the event loop does, until {@code done} holds; at most 30 s. */
    private void tickUntil(Predicate<SyncViewState> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.test(view.sync())) {
            long left = deadline - System.nanoTime();
            assertThat(left).as("%s within 30 s", what).isPositive();
            LabEvent e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e != null) {
                keys.onLab(e);
            }
        }
    }

    @Test
    void aSemaphoreScenarioWithThreadsRunsToItsOutcome() throws InterruptedException {
        press('3');
        press('s');
        press('s'); // lecture pace -> slower -> full speed
        assertThat(view.sync().slowdown()).isZero();
        assertThat(keys.onKey(new KeyStroke(KeyType.Enter))).isEqualTo(Outcome.REDRAW);
        tickUntil(SyncViewState::running, "the lab's start of the scenario");
        tickUntil(s -> s.outcome().isPresent(), "the semaphore outcome");
        ScenarioOutcome o = view.sync().outcome().orElseThrow();
        assertThat(o.primitive()).isEqualTo(Primitive.SEMAPHORE);
        assertThat(o.mode()).isEqualTo(Mode.THREADS);
        assertThat(o.status()).isEqualTo(ScenarioStatus.COMPLETED);
        assertThat(o.correct()).isTrue();
        SemaphoreFigures f = o.figures(SemaphoreFigures.class).orElseThrow();
        assertThat(f.uses()).isEqualTo(8L * 2_000);
        assertThat(f.mostInside()).isBetween(1L, 3L);
        assertThat(f.inside()).isZero();
        assertThat(view.sync().running()).isFalse();
        assertThat(view.sync().shownSpec().orElseThrow().workers()).isEqualTo(8);
        assertThat(view.sync().snapshot().orElseThrow().status()).isEqualTo(ScenarioStatus.COMPLETED);
    }

    @Test
    void aLockScenarioWithThreadsAddsUpExactly() throws InterruptedException {
        press('s');
        press('s');
        keys.onKey(new KeyStroke(' ', false, false));
        tickUntil(s -> s.outcome().isPresent(), "the lock outcome");
        ScenarioOutcome o = view.sync().outcome().orElseThrow();
        assertThat(o.status()).isEqualTo(ScenarioStatus.COMPLETED);
        LockFigures f = o.figures(LockFigures.class).orElseThrow();
        assertThat(f.lockOn()).isTrue();
        assertThat(f.total()).isEqualTo(f.expected()).isPositive();
        assertThat(f.lostUpdates()).isZero();
    }

    @Test
    void theLockIsSwitchedOffLiveAndCancelEndsTheRun() throws InterruptedException {
        keys.onKey(new KeyStroke(KeyType.Enter)); // lecture pace: each update takes 40 ms inside the lock
        tickUntil(s -> s.snapshot().map(x -> x.status() == ScenarioStatus.RUNNING).orElse(false), "the run going");
        assertThat(press('l')).isEqualTo(Outcome.REDRAW);
        assertThat(view.sync().lockEnabled()).isFalse();
        tickUntil(s -> s.snapshot().orElseThrow().figures(LockFigures.class).map(f -> !f.lockOn()).orElse(false),
                "the lock off");
        assertThat(press('c')).isEqualTo(Outcome.REDRAW);
        tickUntil(s -> s.outcome().isPresent() && view.labJob().isEmpty(), "the cancelled outcome and the slot free");
        assertThat(view.sync().outcome().orElseThrow().status()).isEqualTo(ScenarioStatus.CANCELLED);
        assertThat(press('c')).as("nothing left to cancel").isEqualTo(Outcome.IGNORED);
    }

    @Test
    void mTogglesThreadsAndProcessesAndRestartsARunOnceTheCancelledOneEnded() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('y');
        assertThat(vs.text()).contains("m threads");
        vs.press('m');
        assertThat(vs.view.sync().mode()).isEqualTo(Mode.PROCESSES);
        assertThat(vs.text()).contains("m processes");
        assertThat(vs.lab.sent).as("only the choice changed").isEmpty();
        vs.press(KeyType.Enter);
        assertThat(specs(vs)).containsExactly(ScenarioSpec.of(Primitive.LOCK, Mode.PROCESSES).withSlowdown(1));
        vs.press('m'); // the same scenario again, with threads, once the lab reports the first one's end
        assertThat(vs.lab.cancels()).isEqualTo(1);
        assertThat(specs(vs)).hasSize(1);
        vs.lab.end(JobKind.SCENARIO);
        vs.settle();
        assertThat(specs(vs)).hasSize(2);
        assertThat(specs(vs).get(1).mode()).isEqualTo(Mode.THREADS);
        assertThat(vs.view.sync().running()).isTrue();
        vs.press('s'); // slower: restarts again
        vs.lab.end(JobKind.SCENARIO);
        vs.settle();
        assertThat(specs(vs).get(2).slowdown()).isEqualTo(2);
        vs.press('l');
        assertThat(vs.lab.lockSwitches()).containsExactly(false);
        vs.press(KeyType.ArrowRight); // another primitive: the run is cancelled, nothing starts
        assertThat(vs.lab.cancels()).isEqualTo(3);
        assertThat(vs.view.sync().primitive()).isEqualTo(Primitive.RLOCK);
        assertThat(vs.view.sync().running()).isFalse();
        vs.lab.end(JobKind.SCENARIO);
        vs.settle();
        assertThat(vs.press('l')).as("no lock switch outside the Lock scenario").isEqualTo(Outcome.IGNORED);
        assertThat(specs(vs)).hasSize(3);
        vs.press('y');
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.PROCESSES);
    }

    private static List<ScenarioSpec> specs(VirtualScreen vs) {
        return vs.lab.started(LabCommand.RunScenario.class).stream().map(LabCommand.RunScenario::spec).toList();
    }
}

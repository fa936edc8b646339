package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.view.Outcome;
import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exchange view's keys, against a scripted lab and against the real one with child JVMs. */
class ExchangeKeysTest {
    /** Longest any real job here may take (JVM starts on a busy 2-core machine included). */
    private static final long JOB_SECONDS = 90;

    @TempDir
    Path ipc;
    private LabEngine lab;

    @AfterEach
    void closeLab() throws IOException {
        if (lab != null) {
            lab.close(); // kills any child still running
        }
        // Every run directory was removed when its run ended; nothing is left under the parent.
        try (Stream<Path> left = Files.list(ipc)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith("run-"));
        }
    }

    private static VirtualScreen exchangeView() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('X');
        return vs;
    }

    private static void press(VirtualScreen vs, KeyType key, int n) {
        for (int i = 0; i < n; i++) {
            vs.press(key);
        }
    }

    @Test
    void theFormDescribesWhatEnterAndRStart() {
        VirtualScreen vs = exchangeView();
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.EXCHANGE);
        vs.press(KeyType.Enter);
        assertThat(comparisons(vs)).containsExactly("[PIPE, QUEUE, VALUE, ARRAY, DICT] 4 320000000 true");
        vs.event(new ExchangeEvent.Idle());
        press(vs, KeyType.ArrowRight, 2);            // all -> pipe -> queue
        vs.press(KeyType.ArrowDown);
        press(vs, KeyType.ArrowLeft, 2);             // 2 processes
        vs.press(KeyType.ArrowDown);
        press(vs, KeyType.ArrowLeft, 5);             // stops at the smallest, 10M draws
        assertThat(vs.press(KeyType.ArrowLeft)).isEqualTo(Outcome.IGNORED);
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.ArrowRight);                // compare off
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.ArrowLeft);                 // 100k increments
        assertThat(vs.text()).contains("  Mechanism   queue").contains("  Processes   2").contains("  Draws       10M draws")
                .contains("  Compare     off").contains("▸ Race      ◂ 100k each ▸");
        vs.press(KeyType.Enter);
        assertThat(comparisons(vs)).last().isEqualTo("[QUEUE] 2 10000000 false");
        vs.event(new ExchangeEvent.Idle());
        vs.press('r');
        assertThat(races(vs)).containsExactly("2 100000");
        assertThat(vs.view.exchange().showRace()).isTrue();
        assertThat(vs.text()).contains("racing");
    }

    @Test
    void oneJobAtATimeAcrossBothViewsAndCancelGoesToTheLab() {
        VirtualScreen vs = exchangeView();
        vs.press(KeyType.Enter);
        vs.press(KeyType.Enter);
        vs.press('r');
        assertThat(comparisons(vs)).hasSize(1);
        assertThat(races(vs)).isEmpty();
        assertThat(vs.text()).contains("an exchange job is running; c or Esc cancels it");
        // The experiments view is refused by the lab while child processes compute.
        vs.press('x');
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.EXPERIMENTS);
        vs.press(KeyType.Enter);
        assertThat(vs.lab.started(LabCommand.RunExperiment.class)).isEmpty();
        assertThat(vs.text()).contains("an exchange job is running: cancel it (c) before starting an experiment");
        vs.press('X');
        vs.press('c');
        assertThat(vs.lab.cancels()).isEqualTo(1);
        assertThat(vs.text()).contains("cancelling…");
        vs.press(KeyType.Escape);
        assertThat(vs.lab.cancels()).isEqualTo(2);
        vs.event(new ExchangeEvent.Idle());
        assertThat(vs.press('c')).as("nothing to cancel").isEqualTo(Outcome.IGNORED);
        // And the other way round: no exchange while a thread experiment runs.
        vs.event(new ExperimentEvent.Started(new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 4, 10_000_000, 1,
                2, 5, new int[0], RunSpec.SEED)));
        vs.press(KeyType.Enter);
        assertThat(comparisons(vs)).hasSize(1);
        assertThat(vs.text()).contains("an experiment is running: cancel it (c) before starting an exchange job");
        vs.event(new ExperimentEvent.Idle());
        assertThat(vs.text()).as("the refusal spoke of the job that ended").doesNotContain("cancel it (c)");
        vs.press(KeyType.Enter);
        assertThat(comparisons(vs)).hasSize(2);
    }

    @Test
    void xAndXSwitchViewsAndClicksWorkOnTheExchangeForm() {
        VirtualScreen vs = exchangeView();
        assertThat(vs.text()).contains(" Exchange").doesNotContain("PID USER");
        vs.press('x');
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.EXPERIMENTS);
        vs.press('X');
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.EXCHANGE);
        int row = vs.rowOf("Draws");
        vs.click(4, row);
        assertThat(vs.view.exchange().field()).isEqualTo(ExchangeState.Field.DRAWS);
        int arrow = vs.rows().get(row).indexOf('◂');
        vs.click(arrow, row);
        assertThat(vs.view.exchange().draws()).isEqualTo(50_000_000L);
        vs.wheel(10, row, false);
        assertThat(vs.view.exchange().field()).isEqualTo(ExchangeState.Field.COMPARE);
        vs.press('X');
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.PROCESSES);
        assertThat(vs.text()).contains("PID USER");
    }

    /** A real handler on a real lab whose runs go under the test's directory. */
    private final class Real {
        final BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();
        final VirtualScreen.RecordingSampler sampler = new VirtualScreen.RecordingSampler();
        final ViewState view = new ViewState(1000);
        final Dispatcher keys;

        Real() {
            lab = new LabEngine(ipc, ExchangeLimits.defaults().withDiskCap(64L << 20));
            keys = new Dispatcher(view, sampler, lab);
            lab.subscribe(events::add);
            keys.onSnapshot(Snapshots.lab().build());
            key(new KeyStroke('X', false, false));
        }

        void key(KeyStroke k) {
            keys.onKey(k);
        }

        void key(KeyType type, int times) {
            for (int i = 0; i < times; i++) {
                keys.onKey(new KeyStroke(type));
            }
        }

        /** Queue, 2 processes, 10M draws: the form's smallest exchange. */
        void smallQueueForm() {
            key(KeyType.ArrowRight, 2);
            key(KeyType.ArrowDown, 1);
            key(KeyType.ArrowLeft, 2);
            key(KeyType.ArrowDown, 1);
            key(KeyType.ArrowLeft, 2);
        }

        /**
         * Feeds the lab's events to the handler, as the event loop does, until the job has ended;
         * {@code onProgress} sees each progress the lab pushed, after the handler took it.
         */
        void untilEnded(Predicate<ExchangeProgress> onProgress) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOB_SECONDS);
            while (true) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("the job ends within %d s", JOB_SECONDS).isPositive();
                LabEvent e = events.poll(left, TimeUnit.NANOSECONDS);
                if (e == null) {
                    continue;
                }
                keys.onLab(e);
                if (e instanceof LabEvent.ExchangeProgressed p) {
                    onProgress.test(p.progress());
                }
                if (e instanceof LabEvent.JobEnded) {
                    return;
                }
            }
        }
    }

    @Test
    void enterRunsARealQueueExchangeWithOneAndTwoProcessesAndTheTotalsAreExact() throws Exception {
        Real real = new Real();
        real.smallQueueForm();
        real.key(new KeyStroke(KeyType.Enter));
        real.untilEnded(p -> true);
        ExchangeState x = real.view.exchange();
        assertThat(x.busy()).isFalse();
        assertThat(x.rows()).hasSize(1);
        ExchangeState.Row row = x.rows().get(0);
        assertThat(row.mechanism()).isEqualTo(Mechanism.QUEUE);
        for (ExchangeEvent.RunFinished f : List.of(row.one(), row.many())) {
            ExchangeResult r = f.result();
            assertThat(r.status()).as(r.problem().toString()).isEqualTo(RunResult.Status.COMPLETED);
            double expected = new ExchangeSpec(Mechanism.QUEUE, r.spec().processes(), 10_000_000, RunSpec.SEED,
                    ExchangeLimits.defaults()).sequentialSum();
            assertThat(r.result()).isEqualTo(expected);
            assertThat(f.totalMatches()).isTrue();
            // Every message arrived exactly once: 40 chunks of 250,000 draws in all, one message
            // per process (fewer than ExchangeSpec.CHUNKS_PER_MESSAGE chunks each).
            assertThat(r.children().stream().mapToLong(ChildReport::received).sum()).isEqualTo(r.spec().processes());
        }
        assertThat(row.one().result().spec().processes()).isEqualTo(1);
        assertThat(row.many().result().spec().processes()).isEqualTo(2);
        // The disk cap given to the lab reached the run.
        assertThat(row.many().result().spec().limits().diskCapBytes()).isEqualTo(64L << 20);
        String text = render(real.view);
        assertThat(text).containsPattern("queue +2 +\\d+\\.\\d\\d +\\d+\\.\\d\\d +×\\d+\\.\\d\\d +\\S+  OK");
        assertThat(text).contains("▶ queue, 2 processes: ×").contains("the total equals the sequential");
    }

    @Test
    void aChildKilledWithSigkillFailsTheRunWhileTheOtherFinishesAndNoMessageIsLost() throws Exception {
        Real real = new Real();
        real.smallQueueForm();
        real.key(KeyType.ArrowRight, 3);             // 10M -> 1000M draws: long enough to kill mid-run
        real.key(KeyType.ArrowDown, 1);
        real.key(KeyType.ArrowRight, 1);             // compare off: only the 2-process run
        real.key(new KeyStroke(KeyType.Enter));
        long[] killed = {-1};
        boolean[] sampled = {false};
        real.untilEnded(p -> {
            // While the view shows the run, the sampler lists its children's threads (for their cores).
            sampled[0] |= real.view.exchange().livePids().stream()
                    .anyMatch(pid -> real.sampler.threadsFor.contains(pid.intValue()));
            // Kill only once the victim's own messages have been read, so "none lost" is about real messages.
            if (killed[0] < 0 && p.children().size() == 2 && p.children().stream().allMatch(ExchangeProgress.Child::alive)
                    && p.children().get(1).received() > 0) {
                long pid = p.children().get(1).pid();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // kill -9
                killed[0] = pid;
            }
            return true;
        });
        assertThat(killed[0]).as("a child was killed while messages flowed").isPositive();
        assertThat(sampled[0]).as("the children's threads were asked of the sampler").isTrue();
        assertThat(real.sampler.threadsFor).as("and no longer once the run ended").doesNotContain((int) killed[0]);
        ExchangeState.Row row = real.view.exchange().rows().get(0);
        assertThat(row.one()).isNull();
        ExchangeResult r = row.many().result();
        assertThat(r.status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(r.result()).isNaN();
        ChildReport dead = r.children().get(1);
        assertThat(dead.pid()).isEqualTo(killed[0]);
        assertThat(dead.exit()).hasValueSatisfying(e -> assertThat(e.signal()).isEqualTo(9));
        // Every message the killed child wrote before it died was read: none lost.
        assertThat(dead.sent()).isPositive();
        assertThat(dead.received()).isEqualTo(dead.sent());
        // The other child went on to the end of its draws.
        ChildReport other = r.children().get(0);
        assertThat(other.exit()).hasValueSatisfying(e -> assertThat(e.code()).isZero());
        assertThat(other.received()).isEqualTo(new ExchangeSpec(Mechanism.QUEUE, 2, 1_000_000_000L, RunSpec.SEED,
                ExchangeLimits.defaults()).messagesOf(0));
        String text = render(real.view);
        assertThat(text).contains("queue       2").contains("FAILED")
                .contains("child " + killed[0] + " killed by SIGKILL (9); " + dead.received() + " of the "
                        + dead.sent() + " messages it sent were read")
                .contains("▶ queue, 2 processes: FAILED, no total: child " + killed[0] + " killed by SIGKILL (9)");
    }

    @Test
    void rRunsTheRealRaceDemo() throws Exception {
        Real real = new Real();
        real.key(KeyType.ArrowDown, 1);
        real.key(KeyType.ArrowLeft, 2);              // 2 processes
        real.key(KeyType.ArrowUp, 2);                // to the race field (wraps)
        real.key(KeyType.ArrowLeft, 1);              // 100k increments
        real.key(new KeyStroke('r', false, false));
        real.untilEnded(p -> true);
        RaceResult r = real.view.exchange().race().result();
        assertThat(r.status()).as(r.problem().toString()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.expected()).isEqualTo(200_000);
        assertThat(r.lockedTotal()).as("with the lock no update is lost").isEqualTo(200_000);
        // Without the lock a process may write back a value read before the other's whole burst, so
        // the total can fall below one process's share; it can never exceed the increments made.
        assertThat(r.unlockedTotal()).isBetween(1L, 200_000L);
        assertThat(r.lostUpdates()).isEqualTo(200_000 - r.unlockedTotal());
        String text = render(real.view);
        assertThat(text).contains("Race: 2 processes × 100k increments")
                .contains(String.format("%-13s%8d", "expected", 200_000))
                .contains(String.format("%-13s%8d", "with lock", 200_000))
                .contains(String.format("%-13s%8d", "lost updates", r.lostUpdates()));
    }

    /** The comparisons the lab started, as "mechanisms processes draws withOne". */
    private static List<String> comparisons(VirtualScreen vs) {
        return vs.lab.started(LabCommand.CompareExchange.class).stream()
                .map(c -> c.mechanisms() + " " + c.processes() + " " + c.draws() + " " + c.withOne()).toList();
    }

    /** The race demos the lab started, as "processes increments". */
    private static List<String> races(VirtualScreen vs) {
        return vs.lab.started(LabCommand.RunRace.class).stream().map(r -> r.processes() + " " + r.increments()).toList();
    }

    /** The view drawn at 120×40, as text: wide enough that a failure row fits whatever the message counts. */
    private static String render(ViewState view) {
        com.googlecode.lanterna.TerminalSize size = new com.googlecode.lanterna.TerminalSize(120, 40);
        dev.telar.tui.panel.CellBuffer cells = new dev.telar.tui.panel.Frame().draw(size, view).cells();
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < size.getRows(); r++) {
            for (int c = 0; c < size.getColumns(); c++) {
                b.append(cells.charAt(c, r));
            }
            b.append('\n');
        }
        return b.toString();
    }
}

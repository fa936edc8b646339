package dev.telar.tui.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.telar.probe.ProcessInfo;
import dev.telar.probe.Probe;
import dev.telar.probe.Sampler;
import dev.telar.probe.SystemSnapshot;
import dev.telar.probe.ThreadInfo;
import dev.telar.tui.panel.Frame;
import dev.telar.tui.view.Dispatcher;
import dev.telar.tui.view.SamplerControl;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabEngine;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's one job slot as the dashboard shows it, with everything real but the terminal: the
 * sampler reading /proc, a lab engine running a sync scenario and an experiment in this JVM, the
 * event loop drawing on a virtual terminal. A second job is refused with one line naming the job
 * that runs, in both directions, and the experiments view's worker list never shows the
 * scenario's threads, although the samples list them.
 */
class OneJobAtATimeTest {
    private static final long WAIT_SECONDS = 40;

    @TempDir
    Path runs;
    private final BlockingQueue<UiEvent> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<SystemSnapshot> latest = new AtomicReference<>();
    private final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));

    @Test
    @Timeout(150)
    void aSecondJobIsRefusedWithOneLineAndTheWorkerListShowsOnlyTheExperiment() throws Exception {
        long self = ProcessHandle.current().pid();
        Set<Long> threadsBefore = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
        try (Sampler sampler = new Sampler(Probe::live, Sampler.MIN_INTERVAL_MS);
             LabEngine lab = new LabEngine(runs, ExchangeLimits.defaults())) {
            sampler.subscribe(s -> {
                latest.set(s);
                queue.offer(new UiEvent.Snapshot(s));
            });
            lab.subscribe(e -> queue.offer(new UiEvent.Lab(e)));
            ViewState view = new ViewState(sampler.intervalMillis());
            Dispatcher keys = new Dispatcher(view, SamplerControl.of(sampler), lab);
            EventLoop loop = new EventLoop(new TerminalPainter(terminal), terminal::getTerminalSize, keys, new Frame(), queue);
            sampler.start();
            CompletableFuture<Integer> ui = CompletableFuture.supplyAsync(() -> {
                try {
                    return loop.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitScreen(s -> s.contains("PID USER"), "the process list");

            // A sync scenario runs; the experiments view samples the lab's threads, the scenario's among them.
            key('y');
            key(KeyType.Enter);
            awaitScreen(s -> s.contains("threads: running"), "the Lock scenario running");
            key('x');
            awaitSample(s -> threadsOf(s, self).stream().anyMatch(t -> t.name().startsWith("worker-")),
                    "a sample listing the scenario's worker threads");
            String screen = awaitScreen(s -> s.contains("none running; Enter starts a run"), "the empty worker list");
            assertThat(screen).doesNotContain("worker-").doesNotContain("telar-scenario");
            key(KeyType.Enter);
            screen = awaitScreen(s -> s.contains("a sync scenario is running: cancel it (c) before starting an experiment"),
                    "the refusal of the experiment");
            assertThat(screen).doesNotContain("worker-").doesNotContain("telar-scenario");
            assertThat(lab.running()).contains(JobKind.SCENARIO);
            key('c'); // cancels the lab's one job, the scenario, from the experiments view
            awaitLab(lab, Optional.empty(), "the scenario's end");
            awaitScreen(s -> !s.contains("cancel it (c)") && !s.contains("cancelling"), "the refusal gone with the scenario");

            // An experiment runs (1000M draws a task, no baseline); the sync view's scenario is refused.
            for (int i = 0; i < 4; i++) {
                key(KeyType.ArrowDown);
            }
            key(KeyType.ArrowRight);
            key(KeyType.ArrowDown);
            key(KeyType.ArrowDown);
            key(KeyType.ArrowRight);
            awaitScreen(s -> s.contains("◂ off ▸") && s.contains("1000M draws"), "a long run without baseline chosen");
            key(KeyType.Enter);
            awaitScreen(s -> s.contains("Worker threads of cpu/thread-target ×4") && s.contains("telar-target-"),
                    "the experiment's worker threads");
            key('y');
            key(KeyType.Enter);
            screen = awaitScreen(s -> s.contains("an experiment is running: cancel it (c) before starting a sync scenario"),
                    "the refusal of the scenario");
            assertThat(screen).as("the sync view still shows its cancelled run").contains("threads: cancelled")
                    .doesNotContain("threads: starting").doesNotContain("threads: running");
            assertThat(lab.running()).contains(JobKind.EXPERIMENT);
            assertThat(Thread.getAllStackTraces().keySet()).as("no scenario thread was ever started for it")
                    .noneMatch(t -> !threadsBefore.contains(t.getId()) && t.getName().startsWith("telar-scenario-"));
            key('c');
            awaitLab(lab, Optional.empty(), "the experiment's end");
            key('q');
            assertThat(ui.get(10, TimeUnit.SECONDS)).isZero();
        }
    }

    private void key(char c) {
        queue.add(new UiEvent.Key(new KeyStroke(c, false, false)));
    }

    private void key(KeyType type) {
        queue.add(new UiEvent.Key(new KeyStroke(type)));
    }

    private static java.util.List<ThreadInfo> threadsOf(SystemSnapshot s, long pid) {
        return s.processes().stream().filter(p -> p.pid() == pid).findFirst().map(ProcessInfo::threads)
                .orElse(java.util.List.of());
    }

    private String text() {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < size.getRows(); r++) {
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter ch = terminal.getCharacter(c, r);
                b.append(ch == null ? " " : ch.getCharacterString());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private String awaitScreen(Predicate<String> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String screen;
        while (!done.test(screen = text())) {
            assertThat(System.nanoTime()).as("%s within %d s; the screen:%n%s", what, WAIT_SECONDS, screen)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        return screen;
    }

    private void awaitSample(Predicate<SystemSnapshot> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (latest.get() == null || !done.test(latest.get())) {
            assertThat(System.nanoTime()).as("%s within %d s", what, WAIT_SECONDS).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitLab(LabEngine lab, Optional<JobKind> running, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!lab.running().equals(running)) {
            assertThat(System.nanoTime()).as("%s within %d s", what, WAIT_SECONDS).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

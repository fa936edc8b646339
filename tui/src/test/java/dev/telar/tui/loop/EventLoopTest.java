package dev.telar.tui.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.panel.Frame;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The real loop on a virtual terminal, fed the events the other threads would send. */
class EventLoopTest {
    private final VirtualScreen vs = new VirtualScreen(80, 24);
    private final BlockingQueue<UiEvent> queue = new LinkedBlockingQueue<>();
    private final EventLoop loop = new EventLoop(vs.painter, vs.terminal::getTerminalSize, vs.keys, new Frame(), queue);

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Runs {@code loop} on another thread; its exit code, or its failure, when it ends. */
    private static CompletableFuture<Integer> running(EventLoop loop) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return loop.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void drawsAtOnceThenOnEventsAndQuitsOnQ() throws Exception {
        vs.terminal.addResizeListener((t, size) -> queue.offer(UiEvent.RESIZE));
        CompletableFuture<Integer> code = running(loop);
        await(() -> vs.text().contains("waiting for the first sample"));
        queue.put(new UiEvent.Snapshot(Snapshots.lab().build()));
        await(() -> vs.text().contains("python3 train.py"));
        queue.put(new UiEvent.Key(new KeyStroke('t', false, false)));
        await(() -> !vs.text().contains("python3 train.py"));
        vs.terminal.setTerminalSize(new TerminalSize(50, 12));
        await(() -> vs.text().contains("(now 50×12)"));
        vs.terminal.setTerminalSize(new TerminalSize(100, 30));
        await(() -> vs.text().contains("telar-worker"));
        queue.put(new UiEvent.Key(new KeyStroke('q', false, false)));
        assertThat(code.get(5, TimeUnit.SECONDS)).isZero();
    }

    /** The first loads, ready before the terminal was, are in the first frame: one frame, not two. */
    @Test
    void eventsWaitingAtTheStartGoIntoTheFirstFrame() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        EventLoop counting = new EventLoop(vs.painter, () -> {
            frames.incrementAndGet(); // asked once per frame drawn
            return vs.terminal.getTerminalSize();
        }, vs.keys, new Frame(), queue);
        queue.put(new UiEvent.Snapshot(Snapshots.lab().build()));
        CompletableFuture<Integer> code = running(counting);
        await(() -> vs.text().contains("python3 train.py"));
        assertThat(vs.text()).doesNotContain("waiting for the first sample");
        queue.put(new UiEvent.Key(new KeyStroke('q', false, false)));
        assertThat(code.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(frames.get()).isEqualTo(1);
    }

    @Test
    void failureOfAnotherThreadEndsTheLoopWithItsCause() {
        queue.add(new UiEvent.Failure(new IllegalStateException("input broke")));
        assertThatThrownBy(loop::run).isInstanceOf(EventLoop.DashboardFailure.class).hasMessage("input broke");
    }

    /** Ctrl-Z runs the suspend action on the UI thread, then the whole screen is sent again. */
    @Test
    void ctrlZSuspendsThenRedrawsTheWholeScreen() throws Exception {
        java.util.concurrent.atomic.AtomicInteger suspended = new java.util.concurrent.atomic.AtomicInteger();
        EventLoop withSuspend = new EventLoop(vs.painter, vs.terminal::getTerminalSize, vs.keys, new Frame(), queue, () -> {
            suspended.incrementAndGet();
            // What the shell leaves on the screen while Telar is stopped.
            vs.terminal.clearScreen();
            vs.terminal.setCursorPosition(0, 0);
            vs.terminal.putString("it$ fg");
        });
        CompletableFuture<Integer> code = running(withSuspend);
        queue.put(new UiEvent.Snapshot(Snapshots.lab().build()));
        await(() -> vs.text().contains("python3 train.py"));
        queue.put(new UiEvent.Key(new KeyStroke('z', true, false)));
        await(() -> suspended.get() == 1 && vs.text().contains("python3 train.py") && !vs.text().contains("it$ fg"));
        queue.put(new UiEvent.Key(new KeyStroke('q', false, false)));
        assertThat(code.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(suspended).hasValue(1);
    }
}

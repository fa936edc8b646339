package dev.telar.tui.loop;

import com.googlecode.lanterna.TerminalSize;
import java.util.function.Supplier;
import dev.telar.tui.panel.Frame;
import dev.telar.tui.view.Dispatcher;
import dev.telar.tui.view.Outcome;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;

/**
 * The dashboard's one UI thread: draws the first frame at once (with whatever events already
 * waited), then sleeps in
 * {@link BlockingQueue#take()} until an event arrives (snapshot, key, lab event, resize), applies it and
 * every other event already queued, and redraws once if anything changed.
 *
 * <p>No timer and no polling: with nothing happening the thread does not wake. Redraws are
 * incremental ({@link TerminalPainter}: only changed cells are sent), except the first
 * frame after a resize, which is sent whole because the terminal may have reflowed its content.
 */
public final class EventLoop {
    private final TerminalPainter painter;
    private final Supplier<TerminalSize> size;
    private final Dispatcher handler;
    private final Frame frame;
    private final BlockingQueue<UiEvent> queue;
    private final Runnable suspend;

    /**
     * @param painter sends frames to the terminal
     * @param size    the terminal's current size (kept up to date by the resize listener)
     * @param handler applies events to the view state
     * @param frame   draws the view state
     * @param queue   events from the other threads
     */
    public EventLoop(TerminalPainter painter, Supplier<TerminalSize> size, Dispatcher handler, Frame frame,
                     BlockingQueue<UiEvent> queue) {
        this(painter, size, handler, frame, queue, () -> { });
    }

    /**
     * As above, with what Ctrl-Z does.
     *
     * @param suspend gives the terminal to the shell, stops Telar, and returns once it is continued
     *                ({@code fg}) with the terminal taken back; the loop then sends a complete frame
     */
    public EventLoop(TerminalPainter painter, Supplier<TerminalSize> size, Dispatcher handler, Frame frame,
                     BlockingQueue<UiEvent> queue, Runnable suspend) {
        this.painter = painter;
        this.size = size;
        this.handler = handler;
        this.frame = frame;
        this.queue = queue;
        this.suspend = suspend;
    }

    /**
     * Runs until the user quits; returns the exit code, 0.
     *
     * @throws IOException          if the terminal cannot be written
     * @throws DashboardFailure     if another thread reported a failure
     * @throws InterruptedException if the UI thread is interrupted
     */
    public int run() throws IOException, InterruptedException {
        // Events that came while the terminal was being set up (often the first loads) go into
        // the first frame instead of a second one right after it.
        UiEvent event = queue.poll();
        boolean first = true;
        while (true) {
            boolean redraw = first;
            boolean resized = false;
            // Apply everything that piled up while we were drawing, then draw once.
            for (; event != null; event = queue.poll()) {
                if (event instanceof UiEvent.Resize) {
                    resized = true;
                } else {
                    Outcome outcome = apply(event);
                    if (outcome == Outcome.QUIT) {
                        return 0;
                    }
                    if (outcome == Outcome.SUSPEND) {
                        suspend.run();
                        // The shell drew over the screen, and the size may have changed meanwhile.
                        resized = true;
                    }
                    redraw |= outcome == Outcome.REDRAW;
                }
            }
            redraw |= resized;
            if (redraw) {
                draw(resized && !first);
            }
            first = false;
            event = queue.take();
        }
    }

    private Outcome apply(UiEvent event) {
        if (event instanceof UiEvent.Snapshot s) {
            return handler.onSnapshot(s.snapshot());
        }
        if (event instanceof UiEvent.Key k) {
            return handler.onKey(k.key());
        }
        if (event instanceof UiEvent.Lab l) {
            return handler.onLab(l.event());
        }
        if (event instanceof UiEvent.Fleet f) {
            return handler.onFleet(f.news());
        }
        if (event instanceof UiEvent.Failure f) {
            throw new DashboardFailure(f.cause());
        }
        return Outcome.IGNORED;
    }

    private void draw(boolean complete) throws IOException {
        if (complete) {
            painter.invalidate();
        }
        Frame.Drawn drawn = frame.draw(size.get(), handler.view());
        painter.paint(drawn.cells());
        // What the panels laid out (click targets, the process list's page) goes back to the controllers.
        handler.laidOut(drawn.laidOut());
    }

    /** Another thread failed; carries its cause to the UI thread's error path. */
    public static final class DashboardFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DashboardFailure(Throwable cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }
}

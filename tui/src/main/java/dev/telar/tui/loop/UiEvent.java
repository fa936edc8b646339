package dev.telar.tui.loop;

import com.googlecode.lanterna.input.KeyStroke;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.view.FleetNews;
import dev.telar.workloads.lab.LabEvent;

/**
 * Something the UI thread must react to. Produced by the sampler thread (snapshots), the input
 * thread (keys, failures), the lab's thread (its events: every job's news and progress, pushed,
 * never polled), the fleet's watch (while the fleet view is open) and the resize signal handler;
 * consumed only by the {@link EventLoop}.
 */
public sealed interface UiEvent {
    /** The terminal changed size; the screen must adopt the new size and redraw. */
    UiEvent RESIZE = new Resize();

    /** A new snapshot from the sampler. */
    record Snapshot(SystemSnapshot snapshot) implements UiEvent {
    }

    /** A key stroke read from the terminal ({@code KeyType.EOF} when the terminal is gone). */
    record Key(KeyStroke key) implements UiEvent {
    }

    /** An event of the lab, as it reported them, in order. */
    record Lab(LabEvent event) implements UiEvent {
    }

    /** News of the fleet view's link to the manager. */
    record Fleet(FleetNews news) implements UiEvent {
    }

    /** The terminal was resized. */
    record Resize() implements UiEvent {
    }

    /** Another thread failed in a way the dashboard cannot carry on from. */
    record Failure(Throwable cause) implements UiEvent {
    }
}

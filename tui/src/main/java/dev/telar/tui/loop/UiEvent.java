package dev.telar.tui.loop;

import com.googlecode.lanterna.input.KeyStroke;
import dev.telar.probe.SystemSnapshot;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.run.ExperimentEvent;

/**
 * Something the UI thread must react to. Produced by the sampler thread (snapshots), the input
 * thread (keys, failures), the experiment and exchange runners' threads (their events) and the resize
 * signal handler; consumed only by the {@link EventLoop}.
 */
public sealed interface UiEvent {
    /** The terminal changed size; the screen must adopt the new size and redraw. */
    UiEvent RESIZE = new Resize();
    /** A scenario of the sync view is running (or just ended): poll its state. */
    UiEvent SYNC_TICK = new SyncTick();

    /** A new snapshot from the sampler. */
    record Snapshot(SystemSnapshot snapshot) implements UiEvent {
    }

    /** A key stroke read from the terminal ({@code KeyType.EOF} when the terminal is gone). */
    record Key(KeyStroke key) implements UiEvent {
    }

    /** News from the experiment runner (a run started or finished, a sweep ended, the runner is idle). */
    record Experiment(ExperimentEvent event) implements UiEvent {
    }

    /** News from the exchange runner (a run or race started or finished, the runner is idle). */
    record Exchange(ExchangeEvent event) implements UiEvent {
    }

    /** Time to poll the running sync scenario. */
    record SyncTick() implements UiEvent {
    }

    /** The terminal was resized. */
    record Resize() implements UiEvent {
    }

    /** Another thread failed in a way the dashboard cannot carry on from. */
    record Failure(Throwable cause) implements UiEvent {
    }
}

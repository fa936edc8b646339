package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.tui.text.Message;
import dev.telar.tui.view.KeyHandler.Outcome;
import dev.telar.workloads.sync.scenario.Primitive;

/**
 * The sync view's own keys, kept apart from the {@link KeyHandler} so the view's behaviour reads
 * in one place: Left/Right or 1-6 choose the primitive, {@code m} threads ↔ processes, {@code s}
 * the pace, {@code l} the Lock scenario's lock, Enter or space start, {@code c} or Esc cancel.
 * Changing the mode or the pace while a run goes on restarts the same scenario with the new
 * choice; choosing another primitive cancels the run. UI thread only.
 */
final class SyncKeys {
    private SyncKeys() {
    }

    static Outcome onKey(SyncViewState s, ScenarioControl scenarios, KeyStroke key) {
        switch (key.getKeyType()) {
            case ArrowLeft:
                return select(s, scenarios, -1);
            case ArrowRight:
                return select(s, scenarios, 1);
            case Enter:
                return start(s, scenarios);
            case Escape:
                return cancel(s);
            case Character:
                break;
            default:
                return Outcome.IGNORED;
        }
        if (key.isCtrlDown() || key.isAltDown()) {
            return Outcome.IGNORED;
        }
        char c = key.getCharacter();
        if (c >= '1' && c < '1' + Primitive.values().length) {
            return choose(s, scenarios, Primitive.values()[c - '1']);
        }
        switch (c) {
            case ' ':
                return start(s, scenarios);
            case 'c':
                return cancel(s);
            case 'm':
                s.toggleMode();
                return restartIfRunning(s, scenarios);
            case 's':
                s.cyclePace();
                return restartIfRunning(s, scenarios);
            case 'l':
                if (s.primitive() != Primitive.LOCK) {
                    return Outcome.IGNORED;
                }
                s.toggleLock();
                if (s.running()) {
                    s.run().setLockEnabled(s.lockEnabled());
                    s.poll();
                }
                return Outcome.REDRAW;
            default:
                return Outcome.IGNORED;
        }
    }

    /** Moves the primitive choice by {@code step}, wrapping around. */
    static Outcome select(SyncViewState s, ScenarioControl scenarios, int step) {
        Primitive[] all = Primitive.values();
        return choose(s, scenarios, all[Math.floorMod(s.primitive().ordinal() + step, all.length)]);
    }

    private static Outcome choose(SyncViewState s, ScenarioControl scenarios, Primitive p) {
        if (p == s.primitive()) {
            return Outcome.IGNORED;
        }
        if (s.running()) {
            // One scenario at a time: its panel is the only one shown, and two would share the cores.
            s.run().cancel();
            s.dropRun();
        }
        s.select(p);
        return Outcome.REDRAW;
    }

    private static Outcome start(SyncViewState s, ScenarioControl scenarios) {
        if (s.running()) {
            s.setMessage(new Message("sync.msg.busy"));
            return Outcome.REDRAW;
        }
        return launch(s, scenarios);
    }

    private static Outcome launch(SyncViewState s, ScenarioControl scenarios) {
        try {
            s.started(scenarios.start(s.spec()));
        } catch (RuntimeException e) {
            s.setMessage(new Message("sync.msg.cannot", Message.verbatim(e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage())));
        }
        return Outcome.REDRAW;
    }

    /** The same scenario again with the new mode or pace, when one was running; otherwise only the choice changed. */
    private static Outcome restartIfRunning(SyncViewState s, ScenarioControl scenarios) {
        if (!s.running()) {
            return Outcome.REDRAW;
        }
        s.run().cancel();
        s.dropRun();
        return launch(s, scenarios);
    }

    private static Outcome cancel(SyncViewState s) {
        if (!s.running()) {
            return Outcome.IGNORED;
        }
        s.run().cancel();
        s.setMessage(new Message("sync.msg.cancelling"));
        return Outcome.REDRAW;
    }
}

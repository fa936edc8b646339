package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import dev.telar.tui.view.KeyHandler.Outcome;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.sync.scenario.Primitive;
import java.util.function.Consumer;

/**
 * The sync view's own keys, kept apart from the {@link KeyHandler} so the view's behaviour reads
 * in one place: Left/Right or 1-6 choose the primitive, {@code m} threads ↔ processes, {@code s}
 * the pace, {@code l} the Lock scenario's lock, Enter or space start. Changing the mode or the
 * pace while a run goes on cancels it and starts the same scenario with the new choice once the
 * lab reported the cancelled run's end; choosing another primitive cancels the run. UI thread only.
 */
final class SyncKeys {
    private final SyncViewState s;
    private final Consumer<LabCommand> lab;
    /** The scenario is to start again (new mode or pace) once the cancelled run has ended. */
    private boolean restart;

    /**
     * @param s   the view's state
     * @param lab where commands go (the handler's, which remembers the jobs it asked for)
     */
    SyncKeys(SyncViewState s, Consumer<LabCommand> lab) {
        this.s = s;
        this.lab = lab;
    }

    Outcome onKey(KeyStroke key) {
        switch (key.getKeyType()) {
            case ArrowLeft:
                return select(-1);
            case ArrowRight:
                return select(1);
            case Enter:
                return start();
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
            return choose(Primitive.values()[c - '1']);
        }
        switch (c) {
            case ' ':
                return start();
            case 'm':
                s.toggleMode();
                return restartIfRunning();
            case 's':
                s.cyclePace();
                return restartIfRunning();
            case 'l':
                if (s.primitive() != Primitive.LOCK) {
                    return Outcome.IGNORED;
                }
                s.toggleLock();
                if (s.running()) {
                    lab.accept(new LabCommand.SetLock(s.lockEnabled()));
                }
                return Outcome.REDRAW;
            default:
                return Outcome.IGNORED;
        }
    }

    /** Moves the primitive choice by {@code step}, wrapping around. */
    Outcome select(int step) {
        Primitive[] all = Primitive.values();
        return choose(all[Math.floorMod(s.primitive().ordinal() + step, all.length)]);
    }

    private Outcome choose(Primitive p) {
        if (p == s.primitive()) {
            return Outcome.IGNORED;
        }
        if (s.running()) {
            // One scenario at a time: its panel is the only one shown, and two would share the cores.
            lab.accept(new LabCommand.Cancel());
            s.dropRun();
        }
        restart = false;
        s.select(p);
        return Outcome.REDRAW;
    }

    private Outcome start() {
        lab.accept(new LabCommand.RunScenario(s.spec()));
        return Outcome.REDRAW;
    }

    /** The same scenario again with the new mode or pace, when one was running; otherwise only the choice changed. */
    private Outcome restartIfRunning() {
        if (s.running()) {
            lab.accept(new LabCommand.Cancel());
            s.dropRun();
            restart = true;
        }
        return Outcome.REDRAW;
    }

    /** The lab's scenario job ended: the scenario starts again when a restart was asked for. */
    void scenarioEnded() {
        if (restart) {
            restart = false;
            start();
        }
    }

    /** The lab was lost: nothing is to start again by itself. */
    void forget() {
        restart = false;
    }
}

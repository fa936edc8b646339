package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.tui.text.Message;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import java.util.Optional;

/**
 * The sync view's controller: Left/Right or 1-6 (the wheel, a click on a tab) choose the primitive,
 * {@code m} threads ↔ processes, {@code s} the pace, {@code l} the Lock scenario's lock (also
 * live), Enter or space start, c or Esc cancel. Changing the mode or the pace while a run goes on
 * cancels it and starts the same scenario with the new choice once the lab reported the cancelled
 * run's end; choosing another primitive cancels the run.
 */
final class SyncController implements ViewController, JobView {
    private final SyncViewState s;
    private final LabLink lab;
    private final KeyTable keys;
    /** The scenario is to start again (new mode or pace) once the cancelled run has ended. */
    private boolean restart;

    SyncController(SyncViewState s, LabLink lab) {
        this.s = s;
        this.lab = lab;
        Key[] choose = new Key[2 + Primitive.values().length];
        choose[0] = Key.of(KeyType.ArrowLeft);
        choose[1] = Key.of(KeyType.ArrowRight);
        for (Primitive p : Primitive.values()) {
            choose[2 + p.ordinal()] = Key.of((char) ('1' + p.ordinal()));
        }
        this.keys = KeyTable.of(
                Binding.of("y.choose", this::choose, choose)
                        .hint(new Hint("←→", "1-6", "footer.primitive", "footer.primitive.short", 5,
                                Key.of(KeyType.ArrowRight))),
                Binding.of("y.run", k -> start(), Key.of(KeyType.Enter), Key.of(' '))
                        .hint("Enter", "Enter", "footer.start", "footer.start", 9),
                Binding.of("y.cancel", k -> lab.cancel(this, new Message("sync.msg.cancelling")), Key.of('c'),
                        Key.of(KeyType.Escape)).hint("c/Esc", "c", "footer.cancel", "footer.cancel", 6),
                Binding.of("y.mode", k -> {
                    s.toggleMode();
                    return restartIfRunning();
                }, Key.of('m')).hint("m", "m", "footer.mode", "footer.mode", 7),
                Binding.of("y.pace", k -> {
                    s.cyclePace();
                    return restartIfRunning();
                }, Key.of('s')).hint("s", "s", "footer.pace", "footer.pace", 4),
                Binding.of("y.lock", k -> switchLock(), Key.of('l')).hint("l", "l", "footer.lock", "footer.lock", 3));
    }

    @Override
    public KeyTable keys() {
        return keys;
    }

    @Override
    public Outcome wheel(int step) {
        return select(step);
    }

    private Outcome choose(KeyStroke key) {
        return switch (key.getKeyType()) {
            case ArrowLeft -> select(-1);
            case ArrowRight -> select(1);
            default -> choose(Primitive.values()[key.getCharacter() - '1']);
        };
    }

    /** Moves the primitive choice by {@code step}, wrapping around. */
    private Outcome select(int step) {
        Primitive[] all = Primitive.values();
        return choose(all[Math.floorMod(s.primitive().ordinal() + step, all.length)]);
    }

    private Outcome choose(Primitive p) {
        if (p == s.primitive()) {
            return Outcome.IGNORED;
        }
        if (s.running()) {
            // One scenario at a time: its panel is the only one shown, and two would share the cores.
            lab.send(new LabCommand.Cancel());
            s.dropRun();
        }
        restart = false;
        s.select(p);
        return Outcome.REDRAW;
    }

    private Outcome start() {
        lab.send(new LabCommand.RunScenario(s.spec(), s.mode() == Mode.REMOTE ? s.manager() : Optional.empty()));
        return Outcome.REDRAW;
    }

    /** The same scenario again with the new mode or pace, when one was running; otherwise only the choice changed. */
    private Outcome restartIfRunning() {
        if (s.running()) {
            lab.send(new LabCommand.Cancel());
            s.dropRun();
            restart = true;
        }
        return Outcome.REDRAW;
    }

    private Outcome switchLock() {
        if (s.primitive() != Primitive.LOCK) {
            return Outcome.IGNORED;
        }
        s.toggleLock();
        if (s.running()) {
            lab.send(new LabCommand.SetLock(s.lockEnabled()));
        }
        return Outcome.REDRAW;
    }

    @Override
    public boolean owns(JobKind kind) {
        return kind == JobKind.SCENARIO;
    }

    @Override
    public void jobStarted(JobKind kind, Optional<LabCommand.Job> asked) {
        asked.filter(LabCommand.RunScenario.class::isInstance).map(LabCommand.RunScenario.class::cast)
                .ifPresent(r -> s.started(r.spec()));
    }

    @Override
    public void jobEnded(JobKind kind) {
        s.setMessage(Message.NONE);
        if (owns(kind)) {
            s.jobEnded();
            if (restart) {
                restart = false;
                start();
            }
        }
    }

    @Override
    public void news(LabEvent event) {
        if (event instanceof LabEvent.ScenarioUpdated u) {
            s.updated(u.snapshot());
        } else if (event instanceof LabEvent.ScenarioEnded e) {
            s.ended(e.outcome());
        }
    }

    @Override
    public void tell(Message note) {
        s.setMessage(note);
    }

    @Override
    public Message busyNote() {
        return new Message("sync.msg.busy");
    }

    @Override
    public void labLost(Message note) {
        restart = false;
        s.jobEnded();
        s.setMessage(note);
    }
}

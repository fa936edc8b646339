package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyType;
import dev.telar.tui.text.Message;

/**
 * The controller of a form view that runs jobs in the lab (experiments, exchange): Up/Down choose
 * a field, Left/Right change it (and the wheel and clicks do the same), Enter runs the form's job,
 * one more key runs the view's other job (a sweep, the race demo), c or Esc cancel the lab's job.
 */
abstract class FormController implements ViewController, JobView {
    private final KeyTable keys;
    private final LabLink lab;

    /**
     * @param lab      where the jobs go
     * @param run      help id of Enter (e.g. {@code x.run})
     * @param other    the other job's key, its help id and its hint's words key
     * @param cancel   help id of c and Esc
     */
    FormController(LabLink lab, String run, char other, String otherId, String otherLabel, String cancel) {
        this.lab = lab;
        this.keys = KeyTable.of(
                Binding.of("x.field", k -> {
                    moveField(k.getKeyType() == KeyType.ArrowUp ? -1 : 1);
                    return Outcome.REDRAW;
                }, Key.of(KeyType.ArrowUp), Key.of(KeyType.ArrowDown))
                        .hint(new Hint("↑↓", null, "footer.field", "footer.field", 2, Key.of(KeyType.ArrowDown))),
                Binding.of("x.change", k -> changed(change(k.getKeyType() == KeyType.ArrowLeft ? -1 : 1)),
                        Key.of(KeyType.ArrowLeft), Key.of(KeyType.ArrowRight))
                        .hint(new Hint("←→", "↑↓←→", "footer.change", "footer.form", 3, Key.of(KeyType.ArrowRight))),
                Binding.of(run, k -> run(), Key.of(KeyType.Enter)).hint("Enter", "Enter", "footer.run", "footer.run", 9),
                Binding.of(otherId, k -> runOther(), Key.of(other)).hint(String.valueOf(other), String.valueOf(other),
                        otherLabel, otherLabel, 7),
                Binding.of(cancel, k -> lab.cancel(this, new Message("exp.msg.cancelling")), Key.of('c'),
                        Key.of(KeyType.Escape)).hint("c/Esc", "c", "footer.cancel", "footer.cancel", 6));
    }

    @Override
    public final KeyTable keys() {
        return keys;
    }

    /** Where this view's jobs go. */
    final LabLink lab() {
        return lab;
    }

    /** Moves the field choice by {@code delta}, wrapping around. */
    abstract void moveField(int delta);

    /** Changes the chosen field by one step; false when nothing changed. */
    abstract boolean change(int delta);

    /** Chooses the field shown on row {@code index} of the form. */
    abstract void selectField(int index);

    /** Asks the lab for the form's job. */
    abstract Outcome run();

    /** Asks the lab for the view's other job. */
    abstract Outcome runOther();

    @Override
    public final Outcome wheel(int step) {
        moveField(step);
        return Outcome.REDRAW;
    }

    @Override
    public final Outcome click(Target.Action action, int argument) {
        switch (action) {
            case SELECT_FIELD:
                selectField(argument);
                return Outcome.REDRAW;
            case CHANGE_FIELD:
                return changed(change(argument));
            default:
                return Outcome.IGNORED;
        }
    }

    private static Outcome changed(boolean changed) {
        return changed ? Outcome.REDRAW : Outcome.IGNORED;
    }
}

package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;

/**
 * The controller of one view: the only code that changes that view's state in answer to the user.
 * It declares the view's keys in one {@link KeyTable} (the {@link Dispatcher} puts the keys every
 * view shares around them), and answers the wheel and the clicks on what its panels laid out.
 * UI thread only.
 */
interface ViewController {
    /** This view's own keys, in the order of its help lines and footer hints. */
    KeyTable keys();

    /**
     * Takes a key before any table while the view holds the keyboard (a filter being typed).
     *
     * @return the outcome, or null when the view does not hold the keyboard
     */
    default Outcome capture(KeyStroke key) {
        return null;
    }

    /** True while keys are text for this view: clicks and the wheel do nothing then. */
    default boolean typing() {
        return false;
    }

    /** One notch of the mouse wheel: {@code step} -1 up, +1 down. */
    Outcome wheel(int step);

    /** A click on a target of this view's panels (key targets are pressed by the dispatcher). */
    default Outcome click(Target.Action action, int argument) {
        return Outcome.IGNORED;
    }
}

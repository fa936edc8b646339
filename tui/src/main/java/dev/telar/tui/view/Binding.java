package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a {@link KeyTable}: the keys that do one thing, what they do, and its words. Its
 * help line is {@code help.<id>.keys} (the keys as named in each language) and {@code help.<id>}
 * (what they do; {@code help.<id>.mouse} instead when clicks work and the bundle has it); its
 * footer hints, if any, are listed with it. Immutable; declared once, by the controller of its view.
 *
 * <p>Only controllers run a binding ({@link #run} is package-private): panels read its words and
 * hints, and a click on a hint presses its key like the keyboard would.
 */
public final class Binding {
    /** What a binding does with the key that matched it. */
    @FunctionalInterface
    interface Action {
        Outcome apply(KeyStroke key);
    }

    private final String id;
    private final Action action;
    private final List<Key> keys;
    private final List<Hint> hints;
    private final boolean overHelp;

    private Binding(String id, Action action, List<Key> keys, List<Hint> hints, boolean overHelp) {
        this.id = id;
        this.action = action;
        this.keys = List.copyOf(keys);
        this.hints = List.copyOf(hints);
        this.overHelp = overHelp;
    }

    /** {@code keys} doing {@code action}, with the help line {@code help.<id>}; no hint yet. */
    static Binding of(String id, Action action, Key... keys) {
        return new Binding(id, action, List.of(keys), List.of(), false);
    }

    /** This binding with one more hint, pressing its first key. */
    Binding hint(String key, String shortKey, String label, String shortLabel, int priority) {
        return hint(new Hint(key, shortKey, label, shortLabel, priority, keys.get(0)));
    }

    /** This binding with one more hint. */
    Binding hint(Hint hint) {
        List<Hint> more = new ArrayList<>(hints);
        more.add(hint);
        return new Binding(id, action, keys, more, overHelp);
    }

    /** This binding, working also while the help box is open. */
    Binding overHelp() {
        return new Binding(id, action, keys, hints, true);
    }

    /** Names its help line: {@code help.<id>.keys} and {@code help.<id>}. */
    public String id() {
        return id;
    }

    /** The keys, in the order the table declares them. */
    public List<Key> keys() {
        return keys;
    }

    /** Its footer hints, in order; empty when it is told in the help only. */
    public List<Hint> hints() {
        return hints;
    }

    /** True when it works while the help box is open (quit, language and theme, help itself). */
    boolean worksOverHelp() {
        return overHelp;
    }

    /** True when {@code stroke} is one of its keys. */
    public boolean matches(KeyStroke stroke) {
        for (Key k : keys) {
            if (k.matches(stroke)) {
                return true;
            }
        }
        return false;
    }

    /** Does what the binding does for {@code stroke} (one of its keys). */
    Outcome run(KeyStroke stroke) {
        return action.apply(stroke);
    }

    @Override
    public String toString() {
        return "Binding[" + id + " " + keys + "]";
    }
}

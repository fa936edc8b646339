package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys of one view, as the user meets them: the bindings in the order of the help box, whose
 * hints in the same order make the footer. The one place a key is declared: the dispatcher looks
 * keys up here, the footer and the help box are drawn from here. Immutable.
 */
public final class KeyTable {
    /** No keys: what a view state shows before a dispatcher gave it its tables. */
    public static final KeyTable EMPTY = new KeyTable(List.of());

    private final List<Binding> bindings;

    private KeyTable(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    /** The bindings, in order. */
    static KeyTable of(Binding... bindings) {
        return new KeyTable(List.of(bindings));
    }

    /** The bindings of {@code tables}, one table after the other. */
    static KeyTable join(KeyTable... tables) {
        List<Binding> all = new ArrayList<>();
        for (KeyTable t : tables) {
            all.addAll(t.bindings);
        }
        return new KeyTable(all);
    }

    /** Every binding, in the order of the help box. */
    public List<Binding> bindings() {
        return bindings;
    }

    /** Every hint, in the order of the footer. */
    public List<Hint> hints() {
        List<Hint> out = new ArrayList<>();
        for (Binding b : bindings) {
            out.addAll(b.hints());
        }
        return out;
    }

    /** The first binding that {@code stroke} is a key of. */
    public Optional<Binding> find(KeyStroke stroke) {
        for (Binding b : bindings) {
            if (b.matches(stroke)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}

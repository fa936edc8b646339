package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.Arrays;

/**
 * Where the last frame put the things a mouse click can hit: process rows, form fields and their
 * ◂ ▸ arrows, sortable column headers, key hints in the footer. Panels add a target for each as
 * they draw it; the {@link Dispatcher} asks which target lies under a click.
 *
 * <p>Targets are cell ranges on one screen row, in screen coordinates (0-based column and row,
 * {@code to} exclusive). Later targets lie on top of earlier ones. The arrays are kept from frame
 * to frame and grow only when a frame has more targets than any before, so drawing allocates
 * nothing. UI thread only.
 */
public final class ClickMap {
    /** What clicking a target does. */
    public enum Action {
        /** Select the process at index {@code argument} of {@link ViewState#rows()}. */
        SELECT_PROCESS,
        /** Select the experiments form's field of ordinal {@code argument}. */
        SELECT_FIELD,
        /** Change the selected form field by {@code argument} (-1: ◂, +1: ▸). */
        CHANGE_FIELD,
        /** Sort the process list by the {@link SortKey} of ordinal {@code argument}. */
        SORT,
        /** Act as if the target's key had been pressed. */
        KEY
    }

    private static final Action[] ACTIONS = Action.values();
    private int count;
    private int[] rows = new int[64];
    private int[] froms = new int[64];
    private int[] tos = new int[64];
    private int[] actions = new int[64];
    private int[] arguments = new int[64];
    private KeyStroke[] keys = new KeyStroke[64];

    /** Forgets every target (at the start of each frame). */
    public void clear() {
        if (count > 0) {
            Arrays.fill(keys, 0, count, null);
        }
        count = 0;
    }

    /** Adds a target on {@code row} from column {@code from} up to, not including, {@code to}. */
    public void add(int row, int from, int to, Action action, int argument) {
        put(row, from, to, action, argument, null);
    }

    /** Adds a target that acts as pressing {@code key}. */
    public void addKey(int row, int from, int to, KeyStroke key) {
        put(row, from, to, Action.KEY, 0, key);
    }

    private void put(int row, int from, int to, Action action, int argument, KeyStroke key) {
        if (to <= from) {
            return;
        }
        if (count == rows.length) {
            int size = count * 2;
            rows = Arrays.copyOf(rows, size);
            froms = Arrays.copyOf(froms, size);
            tos = Arrays.copyOf(tos, size);
            actions = Arrays.copyOf(actions, size);
            arguments = Arrays.copyOf(arguments, size);
            keys = Arrays.copyOf(keys, size);
        }
        rows[count] = row;
        froms[count] = from;
        tos[count] = to;
        actions[count] = action.ordinal();
        arguments[count] = argument;
        keys[count] = key;
        count++;
    }

    /** The topmost target under the cell at ({@code column}, {@code row}), or -1 when none. */
    public int at(int column, int row) {
        for (int i = count - 1; i >= 0; i--) {
            if (rows[i] == row && column >= froms[i] && column < tos[i]) {
                return i;
            }
        }
        return -1;
    }

    /** How many targets the last frame added. */
    public int size() {
        return count;
    }

    /** The action of target {@code i}. */
    public Action action(int i) {
        return ACTIONS[actions[i]];
    }

    /** The argument of target {@code i} (row index, field ordinal, step or sort ordinal). */
    public int argument(int i) {
        return arguments[i];
    }

    /** The key target {@code i} stands for, or null when it is not a {@link Action#KEY} target. */
    public KeyStroke key(int i) {
        return keys[i];
    }
}

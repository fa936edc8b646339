package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;

/**
 * Something a mouse click can hit, where a panel drew it: a process row, a form field or its ◂ ▸
 * arrows, a sortable column heading, a key hint. Cells {@code from} up to, not including,
 * {@code to} on screen row {@code row} (0-based screen coordinates).
 *
 * @param row      the screen row
 * @param from     the first column
 * @param to       the column after the last
 * @param action   what a click does
 * @param argument the action's argument (row index, field row, step or sort ordinal)
 * @param key      for {@link Action#KEY}, the key the click presses; otherwise null
 */
public record Target(int row, int from, int to, Action action, int argument, KeyStroke key) {
    /** What clicking a target does. */
    public enum Action {
        /** Select the process at index {@code argument} of {@link ViewState#rows()}. */
        SELECT_PROCESS,
        /** Select the form field drawn on row {@code argument} of the form. */
        SELECT_FIELD,
        /** Change the selected form field by {@code argument} (-1: ◂, +1: ▸). */
        CHANGE_FIELD,
        /** Sort the process list by the {@link SortKey} of ordinal {@code argument}. */
        SORT,
        /** Act as if the target's key had been pressed. */
        KEY
    }

    /** A target that does {@code action} with {@code argument}. */
    public static Target of(int row, int from, int to, Action action, int argument) {
        return new Target(row, from, to, action, argument, null);
    }

    /** A target that presses {@code key}. */
    public static Target key(int row, int from, int to, KeyStroke key) {
        return new Target(row, from, to, Action.KEY, 0, key);
    }

    /** True when the cell at ({@code column}, {@code r}) lies on it. */
    boolean covers(int column, int r) {
        return r == row && column >= from && column < to;
    }
}

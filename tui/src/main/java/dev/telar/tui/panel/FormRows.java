package dev.telar.tui.panel;

import dev.telar.tui.text.Units;
import dev.telar.tui.view.Target;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The field rows of a form (the experiments and exchange views): one field a row below the title
 * row, the selected one marked {@code ▸ label ◂ value ▸} in the selection colours, scrolled so the
 * selected field stays in view on a short terminal. Each row is a click target that selects its
 * field; the selected row's ◂ and ▸ change it.
 */
final class FormRows {
    private FormRows() {
    }

    /**
     * Draws rows 1.. of {@code g} for {@code count} fields, and adds their click targets to {@code targets}.
     *
     * @param selected   index of the selected field
     * @param labelWidth cells of the label column
     * @param label      the label of field i
     * @param value      the value text of field i
     * @return the row just below the last field, where a form may put its note
     */
    static int draw(Canvas g, Palette p, List<Target> targets, int width, int height, int count, int selected,
                    int labelWidth, IntFunction<String> label, IntFunction<String> value) {
        int visible = Math.max(1, height - 1);
        int offset = Math.max(0, selected - visible + 1);
        for (int i = offset; i < count && i - offset + 1 < height; i++) {
            int row = i - offset + 1;
            boolean isSelected = i == selected;
            String v = value.apply(i);
            String text = (isSelected ? "▸ " : "  ") + Units.fit(label.apply(i), labelWidth)
                    + (isSelected ? "◂ " + v + " ▸" : "  " + v);
            if (isSelected) {
                p.selected(g);
            } else {
                p.plain(g);
            }
            g.putString(0, row, Units.fit(text, width));
            int screenRow = g.top() + row;
            targets.add(Target.of(screenRow, g.left(), g.left() + width, Target.Action.SELECT_FIELD, i));
            if (isSelected) {
                int left = 2 + labelWidth;
                int right = left + 2 + v.length() + 1;
                targets.add(Target.of(screenRow, g.left() + left, g.left() + left + 2, Target.Action.CHANGE_FIELD, -1));
                targets.add(Target.of(screenRow, g.left() + right - 1, g.left() + right + 1, Target.Action.CHANGE_FIELD, 1));
            }
        }
        return count - offset + 1;
    }
}

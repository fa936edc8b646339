package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import dev.telar.tui.text.Units;

/**
 * The title row of a form or a running job's box: the title at the left in the bar colours, a
 * state word at the right, never over the title. One place for the four panels that have one.
 */
final class TitleRow {
    private TitleRow() {
    }

    /**
     * Draws the row; the bar colours stay set.
     *
     * @param margin    cells left free after the state word
     * @param boldState true to draw the state word in bold (forms, where it says idle or running)
     */
    static void draw(Canvas g, Palette p, int row, int width, String title, String state, int margin,
                     boolean boldState) {
        p.bar(g);
        g.putString(0, row, Units.fit(title, width));
        if (boldState) {
            g.enableModifiers(SGR.BOLD);
        }
        g.putString(Math.max(title.length() + 1, width - state.length() - margin), row, state);
    }
}

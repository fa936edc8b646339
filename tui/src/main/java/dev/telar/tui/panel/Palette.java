package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

/**
 * The dashboard's few colours. Only the 8 basic ANSI colours are used, so the dashboard reads
 * the same on a 16-colour console, a projector and a modern terminal, and each change of colour
 * costs few bytes.
 */
public final class Palette {
    /** Labels and column headers. */
    public static final TextColor.ANSI ACCENT = TextColor.ANSI.CYAN;

    private Palette() {
    }

    /** Bar colour for a load: green below 50 %, yellow below 80 %, red from 80 %. */
    public static TextColor.ANSI load(double pct) {
        if (pct >= 80) {
            return TextColor.ANSI.RED;
        }
        return pct >= 50 ? TextColor.ANSI.YELLOW : TextColor.ANSI.GREEN;
    }

    /** Back to the terminal's own colours, no modifiers. */
    public static void plain(Canvas g) {
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.clearModifiers();
    }

    /** Bold accent for labels. */
    public static void label(Canvas g) {
        plain(g);
        g.setForegroundColor(ACCENT);
        g.enableModifiers(SGR.BOLD);
    }

    /** Black on cyan, for column headers and key names in the footer. */
    public static void bar(Canvas g) {
        plain(g);
        g.setForegroundColor(TextColor.ANSI.BLACK);
        g.setBackgroundColor(ACCENT);
    }
}

package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.view.ViewState;

/**
 * The last line: htop-style key hints (key names highlighted) for the view shown, and on the
 * right the sort key (process view) and refresh interval. While a filter is typed it becomes the one-line filter input.
 */
public final class FooterPanel implements Panel {
    private static final String[][] KEYS = {
        {"F1/h", "Help"}, {"/", "Filter"}, {"F6/s", "Sort"}, {"t", "Telar only"},
        {"Enter", "Threads"}, {"+/-", "Rate"}, {"x", "Experiments"}, {"q", "Quit"},
    };
    private static final String[][] SHORT_KEYS = {
        {"h", "Help"}, {"/", "Filter"}, {"s", "Sort"}, {"t", "Telar"},
        {"Enter", "Thr"}, {"x", "Exp"}, {"q", "Quit"},
    };
    private static final String[][] EXPERIMENT_KEYS = {
        {"F1/h", "Help"}, {"x", "Processes"}, {"↑↓", "Field"}, {"←→", "Change"}, {"Enter", "Run"},
        {"w", "Sweep"}, {"c/Esc", "Cancel"}, {"q", "Quit"},
    };
    /** Most needed first: on a narrow terminal the last hints are dropped, never Quit. */
    private static final String[][] SHORT_EXPERIMENT_KEYS = {
        {"h", "Help"}, {"q", "Quit"}, {"x", "Procs"}, {"Enter", "Run"}, {"w", "Sweep"}, {"c", "Cancel"},
        {"↑↓←→", "Form"},
    };

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette.plain(g);
        if (view.editingFilter()) {
            drawFilterInput(g, area.width(), view);
            return;
        }
        boolean experiments = view.mode() == dev.telar.tui.view.ViewState.Mode.EXPERIMENTS;
        String status = (experiments ? "" : "Sort " + view.sort().label() + "  ") + "Every " + Units.seconds(view.intervalMillis());
        int room = area.width() - status.length() - 1;
        String[][] full = experiments ? EXPERIMENT_KEYS : KEYS;
        String[][] keys = width(full) <= room ? full : experiments ? SHORT_EXPERIMENT_KEYS : SHORT_KEYS;
        int col = 0;
        for (String[] key : keys) {
            if (col + key[0].length() + key[1].length() + 1 > room) {
                break;
            }
            Palette.bar(g);
            g.putString(col, 0, key[0]);
            col += key[0].length();
            Palette.plain(g);
            g.putString(col, 0, " " + key[1] + " ");
            col += key[1].length() + 2;
        }
        Palette.label(g);
        g.putString(Math.max(col, area.width() - status.length()), 0, status);
    }

    private static void drawFilterInput(Canvas g, int width, ViewState view) {
        Palette.bar(g);
        g.putString(0, 0, "Filter:");
        Palette.plain(g);
        String hint = "  Enter apply  Esc clear";
        String draft = view.filterDraft();
        int room = width - 8 - hint.length() - 1;
        // Show the end of a long draft: that is where the user is typing.
        String shown = draft.length() > room ? draft.substring(draft.length() - Math.max(0, room)) : draft;
        g.putString(8, 0, shown);
        g.enableModifiers(SGR.REVERSE);
        g.putString(8 + shown.length(), 0, " ");
        Palette.plain(g);
        g.putString(8 + shown.length() + 1, 0, hint);
    }

    private static int width(String[][] keys) {
        int w = 0;
        for (String[] key : keys) {
            w += key[0].length() + key[1].length() + 2;
        }
        return w;
    }
}

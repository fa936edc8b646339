package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.Hint;
import dev.telar.tui.view.KeyTable;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.Target;
import dev.telar.tui.view.ViewState;
import java.util.ArrayList;
import java.util.List;

/**
 * The last line: htop-style key hints (key names highlighted) for the view shown, and on the
 * right the sort key (process view) and refresh interval. While a filter is typed it becomes the
 * one-line filter input.
 *
 * <p>The hints are those of the shown view's {@link KeyTable} ({@link ViewState#keys()}), in its
 * order: a key is declared once, by its view's controller, and the footer follows. When they do
 * not fit with their full labels, all take their short labels, and then the least needed are left
 * out until the rest fit; Help and Quit always stay. A click on a hint acts as its key.
 */
public final class FooterPanel implements Panel {
    /** The status words in one language. */
    private record Words(String sort, String every, String filter, String filterHint) {
        static Words of(Texts t) {
            return new Words(t.get("footer.status.sort"), t.get("footer.status.every"), t.get("footer.filter.prompt"),
                    t.get("footer.filter.hint"));
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);
    /** Which hints the line shows, reused from frame to frame (grown when a table has more hints). */
    private boolean[] shown = new boolean[16];

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts texts = Texts.of(view.language());
        Words w = words.get(texts);
        p.plain(g);
        if (view.editingFilter()) {
            drawFilterInput(g, p, area.width(), view, w);
            return LaidOut.NOTHING;
        }
        if (view.mode() == ViewState.Mode.LESSON && !view.lesson().notice().isEmpty()) {
            // A refused key or a quit waiting for y/n: the one line the user must read now.
            p.warning(g);
            g.enableModifiers(SGR.BOLD);
            String notice = view.lesson().notice().in(texts);
            g.putString(0, 0, Units.fit(notice, area.width()));
            // Quitting stays in sight (and clickable) beside a refusal; not beside the quit question itself.
            List<Hint> hints = view.keys().hints();
            Hint quit = hints.isEmpty() ? null : hints.get(hints.size() - 1);
            if (quit == null || view.lesson().quitAsked()) {
                return LaidOut.NOTHING;
            }
            String label = texts.get(quit.label());
            int col = area.width() - quit.key().length() - label.length() - 1;
            if (col <= notice.length()) {
                return LaidOut.NOTHING;
            }
            p.bar(g);
            g.putString(col, 0, quit.key());
            p.plain(g);
            g.putString(col + quit.key().length(), 0, " " + label);
            return LaidOut.of(List.of(Target.key(g.top(), g.left() + col, g.left() + area.width() - 1,
                    quit.press().stroke())));
        }
        String status = (view.mode() != ViewState.Mode.PROCESSES ? "" : w.sort() + " " + view.sort().label() + "  ")
                + w.every() + " " + Units.seconds(view.intervalMillis());
        int room = area.width() - status.length() - 1;
        List<Hint> hints = view.keys().hints();
        if (shown.length < hints.size()) {
            shown = new boolean[hints.size()];
        }
        String[] labels = labels(texts, hints, false);
        boolean shortForm = choose(hints, labels, false, room) > room;
        if (shortForm) {
            labels = labels(texts, hints, true);
            int width = choose(hints, labels, true, room);
            while (width > room && dropLeastNeeded(hints)) {
                width = choose(hints, labels, true, -1);
            }
        }
        List<Target> targets = new ArrayList<>();
        int col = 0;
        for (int i = 0; i < hints.size(); i++) {
            if (!shown[i]) {
                continue;
            }
            Hint hint = hints.get(i);
            String key = shortForm ? hint.shortKey() : hint.key();
            int width = key.length() + labels[i].length() + 2;
            if (col + width - 1 > room) {
                break; // only when even Help and Quit do not fit
            }
            p.bar(g);
            g.putString(col, 0, key);
            p.plain(g);
            g.putString(col + key.length(), 0, " " + labels[i] + " ");
            targets.add(Target.key(g.top(), g.left() + col, g.left() + col + width - 1, hint.press().stroke()));
            col += width;
        }
        p.label(g);
        g.putString(Math.max(col, area.width() - status.length()), 0, status);
        return LaidOut.of(targets);
    }

    private static String[] labels(Texts t, List<Hint> hints, boolean shortForm) {
        String[] out = new String[hints.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.get(shortForm ? hints.get(i).shortLabel() : hints.get(i).label());
        }
        return out;
    }

    /**
     * Marks every hint that has a form of this kind as shown (when {@code room} is not negative)
     * and returns the width of the shown ones.
     */
    private int choose(List<Hint> hints, String[] labels, boolean shortForm, int room) {
        int width = 0;
        for (int i = 0; i < hints.size(); i++) {
            String key = shortForm ? hints.get(i).shortKey() : hints.get(i).key();
            if (room >= 0) {
                shown[i] = key != null;
            }
            if (shown[i]) {
                width += key.length() + labels[i].length() + 2;
            }
        }
        return width;
    }

    /** Hides the shown hint needed least, unless only Help and Quit are left; false when none was hidden. */
    private boolean dropLeastNeeded(List<Hint> hints) {
        int least = -1;
        for (int i = 0; i < hints.size(); i++) {
            int priority = hints.get(i).priority();
            if (shown[i] && priority < Hint.ALWAYS && (least < 0 || priority < hints.get(least).priority())) {
                least = i;
            }
        }
        if (least < 0) {
            return false;
        }
        shown[least] = false;
        return true;
    }

    private static void drawFilterInput(Canvas g, Palette p, int width, ViewState view, Words w) {
        p.bar(g);
        g.putString(0, 0, w.filter());
        p.plain(g);
        int start = w.filter().length() + 1;
        String hint = "  " + w.filterHint();
        String draft = view.filterDraft();
        int room = width - start - hint.length() - 1;
        // Show the end of a long draft: that is where the user is typing.
        String shown = draft.length() > room ? draft.substring(draft.length() - Math.max(0, room)) : draft;
        g.putString(start, 0, shown);
        p.selected(g);
        g.putString(start + shown.length(), 0, " ");
        p.plain(g);
        g.putString(start + shown.length() + 1, 0, hint);
    }
}

package dev.telar.tui.panel;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.ClickMap;
import dev.telar.tui.view.ViewState;

/**
 * The last line: htop-style key hints (key names highlighted) for the view shown, and on the
 * right the sort key (process view) and refresh interval. While a filter is typed it becomes the
 * one-line filter input.
 *
 * <p>When the hints do not fit with their full labels, all take their short labels, and then the
 * least needed are left out until the rest fit; Help and Quit always stay. A click on a hint acts
 * as its key.
 */
public final class FooterPanel implements Panel {
    /**
     * One hint: the key as shown in full and short form (short null: left out of the short line),
     * the bundle keys of its labels, how much it is needed (higher stays longer) and the key it
     * stands for when clicked.
     */
    record Hint(String key, String shortKey, String label, String shortLabel, int priority, KeyStroke stroke) {
    }

    private static final Hint[] PROCESS = {
        new Hint("F1/h", "h", "footer.help", "footer.help", 10, ch('h')),
        new Hint("/", "/", "footer.filter", "footer.filter", 7, ch('/')),
        new Hint("F6/s", "s", "footer.sort", "footer.sort", 6, ch('s')),
        new Hint("t", "t", "footer.telaronly", "footer.telaronly.short", 4, ch('t')),
        new Hint("Enter", "Enter", "footer.threads", "footer.threads.short", 5, new KeyStroke(KeyType.Enter)),
        new Hint("+/-", "+/-", "footer.rate", "footer.rate.short", 2, ch('+')),
        new Hint("x", "x", "footer.experiments", "footer.experiments.short", 8, ch('x')),
        new Hint("X", "X", "footer.exchange", "footer.exchange.short", 5, ch('X')),
        new Hint("y", "y", "footer.sync", "footer.sync.short", 2, ch('y')),
        new Hint("L", "L", "footer.language", "footer.language", 3, ch('L')),
        new Hint("T", "T", "footer.theme", "footer.theme", 1, ch('T')),
        new Hint("q", "q", "footer.quit", "footer.quit", 11, ch('q')),
    };
    private static final Hint[] SYNC = {
        new Hint("F1/h", "h", "footer.help", "footer.help", 10, ch('h')),
        new Hint("y", "y", "footer.processes", "footer.processes.short", 8, ch('y')),
        new Hint("←→", "1-6", "footer.primitive", "footer.primitive.short", 5, new KeyStroke(KeyType.ArrowRight)),
        new Hint("Enter", "Enter", "footer.start", "footer.start", 9, new KeyStroke(KeyType.Enter)),
        new Hint("c/Esc", "c", "footer.cancel", "footer.cancel", 6, ch('c')),
        new Hint("m", "m", "footer.mode", "footer.mode", 7, ch('m')),
        new Hint("s", "s", "footer.pace", "footer.pace", 4, ch('s')),
        new Hint("l", "l", "footer.lock", "footer.lock", 3, ch('l')),
        new Hint("L", "L", "footer.language", "footer.language", 2, ch('L')),
        new Hint("T", "T", "footer.theme", "footer.theme", 1, ch('T')),
        new Hint("q", "q", "footer.quit", "footer.quit", 11, ch('q')),
    };
    private static final Hint[] EXPERIMENTS = {
        new Hint("F1/h", "h", "footer.help", "footer.help", 10, ch('h')),
        new Hint("x", "x", "footer.processes", "footer.processes.short", 8, ch('x')),
        new Hint("↑↓", null, "footer.field", "footer.field", 2, new KeyStroke(KeyType.ArrowDown)),
        new Hint("←→", "↑↓←→", "footer.change", "footer.form", 3, new KeyStroke(KeyType.ArrowRight)),
        new Hint("Enter", "Enter", "footer.run", "footer.run", 9, new KeyStroke(KeyType.Enter)),
        new Hint("w", "w", "footer.sweep", "footer.sweep", 7, ch('w')),
        new Hint("c/Esc", "c", "footer.cancel", "footer.cancel", 6, ch('c')),
        new Hint("X", "X", "footer.exchange", "footer.exchange.short", 2, ch('X')),
        new Hint("L", "L", "footer.language", "footer.language", 4, ch('L')),
        new Hint("T", "T", "footer.theme", "footer.theme", 1, ch('T')),
        new Hint("q", "q", "footer.quit", "footer.quit", 11, ch('q')),
    };
    private static final Hint[] EXCHANGE = {
        new Hint("F1/h", "h", "footer.help", "footer.help", 10, ch('h')),
        new Hint("X", "X", "footer.processes", "footer.processes.short", 8, ch('X')),
        new Hint("↑↓", null, "footer.field", "footer.field", 2, new KeyStroke(KeyType.ArrowDown)),
        new Hint("←→", "↑↓←→", "footer.change", "footer.form", 3, new KeyStroke(KeyType.ArrowRight)),
        new Hint("Enter", "Enter", "footer.run", "footer.run", 9, new KeyStroke(KeyType.Enter)),
        new Hint("r", "r", "footer.race", "footer.race", 7, ch('r')),
        new Hint("c/Esc", "c", "footer.cancel", "footer.cancel", 6, ch('c')),
        new Hint("x", "x", "footer.experiments", "footer.experiments.short", 1, ch('x')),
        new Hint("L", "L", "footer.language", "footer.language", 4, ch('L')),
        new Hint("T", "T", "footer.theme", "footer.theme", 1, ch('T')),
        new Hint("q", "q", "footer.quit", "footer.quit", 11, ch('q')),
    };

    /** The hints' labels and the status words in one language. */
    private record Words(String[] process, String[] processShort, String[] experiments, String[] experimentsShort,
                         String[] exchange, String[] exchangeShort, String sort, String every, String filter,
                         String filterHint, String[] sync, String[] syncShort) {
        static Words of(Texts t) {
            return new Words(labels(t, PROCESS, false), labels(t, PROCESS, true), labels(t, EXPERIMENTS, false),
                    labels(t, EXPERIMENTS, true), labels(t, EXCHANGE, false), labels(t, EXCHANGE, true),
                    t.get("footer.status.sort"), t.get("footer.status.every"), t.get("footer.filter.prompt"),
                    t.get("footer.filter.hint"), labels(t, SYNC, false), labels(t, SYNC, true));
        }

        private static String[] labels(Texts t, Hint[] hints, boolean shortForm) {
            String[] out = new String[hints.length];
            for (int i = 0; i < hints.length; i++) {
                out[i] = t.get(shortForm ? hints[i].shortLabel() : hints[i].label());
            }
            return out;
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);
    /** Which hints the line shows, reused from frame to frame. */
    private final boolean[] shown = new boolean[Math.max(Math.max(SYNC.length, EXCHANGE.length), Math.max(PROCESS.length, EXPERIMENTS.length))];

    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Words w = words.get(Texts.of(view.language()));
        p.plain(g);
        if (view.editingFilter()) {
            drawFilterInput(g, p, area.width(), view, w);
            return;
        }
        ViewState.Mode mode = view.mode();
        String status = (mode != ViewState.Mode.PROCESSES ? "" : w.sort() + " " + view.sort().label() + "  ")
                + w.every() + " " + Units.seconds(view.intervalMillis());
        int room = area.width() - status.length() - 1;
        Hint[] hints = switch (mode) {
            case EXPERIMENTS -> EXPERIMENTS;
            case EXCHANGE -> EXCHANGE;
            case SYNC -> SYNC;
            default -> PROCESS;
        };
        String[] labels = switch (mode) {
            case EXPERIMENTS -> w.experiments();
            case EXCHANGE -> w.exchange();
            case SYNC -> w.sync();
            default -> w.process();
        };
        boolean shortForm = choose(hints, labels, false, room) > room;
        if (shortForm) {
            labels = switch (mode) {
                case EXPERIMENTS -> w.experimentsShort();
                case EXCHANGE -> w.exchangeShort();
                case SYNC -> w.syncShort();
                default -> w.processShort();
            };
            int width = choose(hints, labels, true, room);
            while (width > room && dropLeastNeeded(hints)) {
                width = choose(hints, labels, true, -1);
            }
        }
        ClickMap clicks = view.clicks();
        int col = 0;
        for (int i = 0; i < hints.length; i++) {
            if (!shown[i]) {
                continue;
            }
            String key = shortForm ? hints[i].shortKey() : hints[i].key();
            int width = key.length() + labels[i].length() + 2;
            if (col + width - 1 > room) {
                break; // only when even Help and Quit do not fit
            }
            p.bar(g);
            g.putString(col, 0, key);
            p.plain(g);
            g.putString(col + key.length(), 0, " " + labels[i] + " ");
            clicks.addKey(g.top(), g.left() + col, g.left() + col + width - 1, hints[i].stroke());
            col += width;
        }
        p.label(g);
        g.putString(Math.max(col, area.width() - status.length()), 0, status);
    }

    /**
     * Marks every hint that has a form of this kind as shown (when {@code room} is not negative)
     * and returns the width of the shown ones.
     */
    private int choose(Hint[] hints, String[] labels, boolean shortForm, int room) {
        int width = 0;
        for (int i = 0; i < hints.length; i++) {
            String key = shortForm ? hints[i].shortKey() : hints[i].key();
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
    private boolean dropLeastNeeded(Hint[] hints) {
        int least = -1;
        for (int i = 0; i < hints.length; i++) {
            if (shown[i] && hints[i].priority() < 10 && (least < 0 || hints[i].priority() < hints[least].priority())) {
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

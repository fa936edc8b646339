package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.ViewState;

/**
 * A framed box over the middle of the screen listing every key of the view shown and what it
 * does. Opened and closed with {@code h} or F1; Esc (or a click, with the mouse on) also closes it.
 * Every line must fit the minimum terminal (60×15) in every language; the tests check that.
 */
public final class HelpOverlay implements Panel {
    /**
     * Every key of the process view, as bundle keys (Ctrl-Z is told on the quit line: a line more
     * would not fit the minimum terminal): {@code help.<id>.keys} names the keys,
     * {@code help.<id>} says what they do. Keep in step with the key handler.
     */
    public static final String[] KEYS = {
        "quit", "help", "esc", "move", "home", "filter", "sort", "telar", "follow", "threads", "rate", "experiments",
        "look",
    };
    /** Every key of the experiments view, as {@link #KEYS}. */
    public static final String[] EXPERIMENT_KEYS = {
        "x.quit", "help", "x.back", "x.field", "x.change", "x.run", "x.sweep", "x.cancel", "x.exchange", "rate", "look",
        "suspend",
    };
    /** Every key of the exchange view, as {@link #KEYS}. */
    public static final String[] EXCHANGE_KEYS = {
        "e.quit", "help", "e.back", "x.field", "x.change", "e.run", "e.race", "e.cancel", "rate", "look", "suspend",
    };
    /** Every key of the sync view, as {@link #KEYS}. */
    public static final String[] SYNC_KEYS = {
        "y.quit", "help", "y.back", "y.choose", "y.run", "y.cancel", "y.mode", "y.pace", "y.lock", "rate", "look",
        "suspend",
    };
    /** Widest the box gets when the texts allow, cells. */
    private static final int MAX_WIDTH = 64;

    /** One view's help in one language: key names, what they do, and the widths they need. */
    private record Lines(String[] keys, String[] meanings, String[] mouseMeanings, int keyColumn, int width) {
        static Lines of(Texts t, String[] ids) {
            String[] keys = new String[ids.length];
            String[] meanings = new String[ids.length];
            String[] mouse = new String[ids.length];
            int keyColumn = 0;
            int meaning = 0;
            for (int i = 0; i < ids.length; i++) {
                keys[i] = t.get("help." + ids[i] + ".keys");
                meanings[i] = t.get("help." + ids[i]);
                // A few lines say more when clicks work; the others read the same.
                String withMouse = "help." + ids[i] + ".mouse";
                mouse[i] = t.has(withMouse) ? t.get(withMouse) : meanings[i];
                keyColumn = Math.max(keyColumn, keys[i].length() + 2);
                meaning = Math.max(meaning, Math.max(meanings[i].length(), mouse[i].length()));
            }
            return new Lines(keys, meanings, mouse, keyColumn, Math.min(MAX_WIDTH, Math.max(44, keyColumn + meaning + 4)));
        }
    }

    /** Title and closing hint of the box in one language. */
    private record Words(String title, String close, Lines processes, Lines experiments, Lines exchange, Lines sync) {
        static Words of(Texts t) {
            return new Words(" " + t.get("help.title") + " ", " " + t.get("help.close") + " ", Lines.of(t, KEYS),
                    Lines.of(t, EXPERIMENT_KEYS), Lines.of(t, EXCHANGE_KEYS), Lines.of(t, SYNC_KEYS));
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);

    /** The lines the box lists, as {key names, meaning} pairs (for tests). */
    static String[][] lines(Texts t, boolean experiments, boolean mouse) {
        return lines(t, experiments ? ViewState.Mode.EXPERIMENTS : ViewState.Mode.PROCESSES, mouse);
    }

    /** The lines the box lists in view {@code mode}, as {key names, meaning} pairs (for tests). */
    static String[][] lines(Texts t, ViewState.Mode mode, boolean mouse) {
        Lines lines = Lines.of(t, switch (mode) {
            case EXPERIMENTS -> EXPERIMENT_KEYS;
            case EXCHANGE -> EXCHANGE_KEYS;
            case SYNC -> SYNC_KEYS;
            default -> KEYS;
        });
        String[][] out = new String[lines.keys().length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new String[] {lines.keys()[i], (mouse ? lines.mouseMeanings() : lines.meanings())[i]};
        }
        return out;
    }

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Palette p = Palette.of(view.theme());
        Words w = words.get(Texts.of(view.language()));
        Lines lines = switch (view.mode()) {
            case EXPERIMENTS -> w.experiments();
            case EXCHANGE -> w.exchange();
            case SYNC -> w.sync();
            default -> w.processes();
        };
        String[] meanings = view.mouse() ? lines.mouseMeanings() : lines.meanings();
        int count = lines.keys().length;
        int width = Math.min(area.width(), lines.width());
        // Blank lines around the list only when there is room for them: every key must show at 60×15.
        int pad = area.height() >= count + 4 ? 1 : 0;
        int height = Math.min(area.height(), count + 2 + 2 * pad);
        Area box = new Area(area.column() + (area.width() - width) / 2, area.row() + (area.height() - height) / 2, width, height);
        Canvas g = screen.clip(box);
        p.plain(g);
        g.fill(' ');
        frame(g, p, width, height);
        p.label(g);
        g.putString(2, 0, w.title());
        int keyColumn = 2 + lines.keyColumn();
        for (int i = 0; i < count && i + 1 + pad < height - 1; i++) {
            p.label(g);
            g.putString(2, i + 1 + pad, lines.keys()[i]);
            p.plain(g);
            g.putString(keyColumn, i + 1 + pad, Units.fit(meanings[i], width - keyColumn - 1));
        }
        p.strong(g);
        g.putString(Math.max(1, width - w.close().length() - 3), height - 1, w.close());
    }

    private static void frame(Canvas g, Palette p, int width, int height) {
        p.plain(g);
        for (int x = 1; x < width - 1; x++) {
            g.setCharacter(x, 0, '─');
            g.setCharacter(x, height - 1, '─');
        }
        for (int y = 1; y < height - 1; y++) {
            g.setCharacter(0, y, '│');
            g.setCharacter(width - 1, y, '│');
        }
        g.setCharacter(0, 0, '┌');
        g.setCharacter(width - 1, 0, '┐');
        g.setCharacter(0, height - 1, '└');
        g.setCharacter(width - 1, height - 1, '┘');
    }
}

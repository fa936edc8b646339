package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.Binding;
import dev.telar.tui.view.KeyTable;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import java.util.List;

/**
 * A framed box over the middle of the screen listing every key of the view shown and what it
 * does: one line per binding of the shown view's {@link KeyTable} ({@link ViewState#keys()}), so a
 * key is declared once, by its view's controller, and the help follows. Opened and closed with
 * {@code h} or F1; Esc (or a click, with the mouse on) also closes it. Every line must fit the
 * minimum terminal (60×15) in every language; the tests check that.
 */
public final class HelpOverlay implements Panel {
    /** Widest the box gets when the texts allow, cells. */
    private static final int MAX_WIDTH = 64;

    /**
     * One view's help in one language: key names, what they do, and the widths they need. A
     * binding {@code id} reads {@code help.<id>.keys} and {@code help.<id>}, or with clicks on
     * {@code help.<id>.mouse} where the bundle has it (a few lines say more when clicks work).
     */
    private record Lines(String[] keys, String[] meanings, int keyColumn, int width) {
        static Lines of(Texts t, KeyTable table, boolean mouse) {
            List<Binding> bindings = table.bindings();
            String[] keys = new String[bindings.size()];
            String[] meanings = new String[bindings.size()];
            int keyColumn = 0;
            int meaning = 0;
            for (int i = 0; i < keys.length; i++) {
                String id = bindings.get(i).id();
                keys[i] = t.get("help." + id + ".keys");
                String withMouse = "help." + id + ".mouse";
                meanings[i] = mouse && t.has(withMouse) ? t.get(withMouse) : t.get("help." + id);
                keyColumn = Math.max(keyColumn, keys[i].length() + 2);
                meaning = Math.max(meaning, meanings[i].length());
            }
            return new Lines(keys, meanings, keyColumn, Math.min(MAX_WIDTH, Math.max(44, keyColumn + meaning + 4)));
        }
    }

    /** Title and closing hint of the box in one language. */
    private record Words(String title, String close) {
        static Words of(Texts t) {
            return new Words(" " + t.get("help.title") + " ", " " + t.get("help.close") + " ");
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);

    /** The lines the box lists for {@code table}, as {key names, meaning} pairs (for tests). */
    static String[][] lines(Texts t, KeyTable table, boolean mouse) {
        Lines lines = Lines.of(t, table, mouse);
        String[][] out = new String[lines.keys().length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new String[] {lines.keys()[i], lines.meanings()[i]};
        }
        return out;
    }

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Palette p = Palette.of(view.theme());
        Texts texts = Texts.of(view.language());
        Words w = words.get(texts);
        Lines lines = Lines.of(texts, view.keys(), view.mouse());
        String[] meanings = lines.meanings();
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
        return LaidOut.NOTHING;
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

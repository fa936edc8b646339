package dev.telar.tui.panel;

import java.util.Map;

/**
 * A number drawn in block digits {@link #HEIGHT} rows tall, for the one figure of a lesson step that
 * must read from the back of a room: digits, the decimal point or comma, ×, a dash and %, each a
 * few cells of {@code █} ({@code #} in ASCII mode, where the canvas folds it). What follows the
 * number (a unit such as "s" or "cores") is left to the caller, in plain text. Pure.
 */
final class BigDigits {
    /** Rows a big number takes. */
    static final int HEIGHT = 5;
    private static final char BLOCK = '█';
    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('0', new String[] {"###", "# #", "# #", "# #", "###"}),
            Map.entry('1', new String[] {" # ", "## ", " # ", " # ", "###"}),
            Map.entry('2', new String[] {"###", "  #", "###", "#  ", "###"}),
            Map.entry('3', new String[] {"###", "  #", " ##", "  #", "###"}),
            Map.entry('4', new String[] {"# #", "# #", "###", "  #", "  #"}),
            Map.entry('5', new String[] {"###", "#  ", "###", "  #", "###"}),
            Map.entry('6', new String[] {"###", "#  ", "###", "# #", "###"}),
            Map.entry('7', new String[] {"###", "  #", "  #", " # ", " # "}),
            Map.entry('8', new String[] {"###", "# #", "###", "# #", "###"}),
            Map.entry('9', new String[] {"###", "# #", "###", "  #", "###"}),
            Map.entry('.', new String[] {" ", " ", " ", " ", "#"}),
            Map.entry(',', new String[] {" ", " ", " ", "#", "#"}),
            Map.entry('×', new String[] {"   ", "# #", " # ", "# #", "   "}),
            Map.entry('x', new String[] {"   ", "# #", " # ", "# #", "   "}),
            Map.entry('-', new String[] {"   ", "   ", "###", "   ", "   "}),
            Map.entry('—', new String[] {"   ", "   ", "###", "   ", "   "}),
            Map.entry('%', new String[] {"# #", "  #", " # ", "#  ", "# #"}));

    private BigDigits() {
    }

    /** How many leading characters of {@code text} are drawn big (up to the first one without a glyph). */
    static int bigPart(String text) {
        int n = 0;
        while (n < text.length() && GLYPHS.containsKey(text.charAt(n))) {
            n++;
        }
        return n;
    }

    /** Cells wide the big part of {@code text} is drawn (a cell between glyphs). */
    static int width(String text) {
        int n = bigPart(text);
        int width = 0;
        for (int i = 0; i < n; i++) {
            width += GLYPHS.get(text.charAt(i))[0].length() + (i > 0 ? 1 : 0);
        }
        return width;
    }

    /**
     * Draws the big part of {@code text} from ({@code column}, {@code row}) with the canvas's pen,
     * no further than {@code maxWidth} cells.
     *
     * @return the cells drawn across
     */
    static int draw(Canvas g, int column, int row, int maxWidth, String text) {
        int n = bigPart(text);
        int x = 0;
        for (int i = 0; i < n; i++) {
            String[] glyph = GLYPHS.get(text.charAt(i));
            int w = glyph[0].length();
            if (x + w > maxWidth) {
                break;
            }
            for (int r = 0; r < HEIGHT; r++) {
                for (int c = 0; c < w; c++) {
                    if (glyph[r].charAt(c) == '#') {
                        g.setCharacter(column + x + c, row + r, BLOCK);
                    }
                }
            }
            x += w + 1;
        }
        return Math.max(0, x - 1);
    }
}

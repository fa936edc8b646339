package dev.telar.tui.panel;

import dev.telar.probe.CoreLoad;
import dev.telar.probe.Series;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Ascii;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;

/**
 * One bar per logical core, with its busy percentage and a sparkline of its recent history,
 * then an all-cores line ("Avg").
 *
 * <p>Cores fill column by column, top to bottom, so core numbers read in order down each column.
 * With many cores the panel uses several columns (see {@link #grid}); each cell shrinks from
 * "label, bar, percentage, sparkline" to "label, bar, percentage" to "label percentage" as the
 * columns narrow, so every core stays on screen at 120×40 even with 128 cores. On wide cells the
 * sparkline grows to show more history ({@link #SPARK_MAX_WIDE} samples from 100 cells).
 */
public final class CoresPanel implements Panel {
    private static final String SPARKS = Ascii.SPARKS;
    /** Narrowest cell that still shows a bar; below it a cell is "label percentage". */
    private static final int BAR_MIN_WIDTH = 14;
    /** Narrowest cell that also shows a sparkline. */
    private static final int SPARK_MIN_WIDTH = 22;
    /** Narrowest cell at all: "127 100%" and a gap. */
    private static final int CELL_MIN_WIDTH = 9;
    private static final int SPARK_MAX = 20;
    /** Longest sparkline, in cells 100 wide or more; within the probe's 60 samples of history. */
    static final int SPARK_MAX_WIDE = 40;
    private static final int WIDE_CELL = 100;

    /**
     * How cores are arranged: {@code columns} × {@code rows} cells (rows not counting the total
     * line). {@code columns * rows} may fall short of the core count only when even the narrowest
     * cells cannot hold them all.
     */
    public record Grid(int columns, int rows) {
    }

    /**
     * The arrangement for {@code cores} cores in {@code width} columns with at most
     * {@code maxRows} rows of cores (at least 1). Uses two columns from four cores on when each
     * half is wide enough for bars and sparklines, to leave more lines for the process list.
     */
    public static Grid grid(int cores, int width, int maxRows) {
        if (cores <= 0) {
            return new Grid(1, 0);
        }
        int limit = Math.max(1, maxRows);
        int columns = (cores + limit - 1) / limit;
        if (columns == 1 && cores >= 4 && width / 2 >= SPARK_MIN_WIDTH + 12) {
            columns = 2;
        }
        columns = Math.max(1, Math.min(columns, width / CELL_MIN_WIDTH));
        int rows = Math.min(limit, (cores + columns - 1) / columns);
        return new Grid(columns, rows);
    }

    /** Lines the panel needs for this grid: the core rows plus the total line. */
    public static int height(Grid grid) {
        return grid.rows() + 1;
    }

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        String average = Texts.of(view.language()).get("cores.average");
        if (snap == null) {
            drawCell(g, p, 0, 0, area.width(), average, null, 3);
            return LaidOut.NOTHING;
        }
        int cores = snap.cores().size();
        Grid grid = grid(cores, area.width(), area.height() - 1);
        int labelWidth = Math.max(3, Integer.toString(Math.max(0, cores - 1)).length());
        int cellWidth = area.width() / grid.columns();
        for (int i = 0; i < cores; i++) {
            int column = i / Math.max(1, grid.rows());
            int row = i % Math.max(1, grid.rows());
            if (column >= grid.columns()) {
                break;
            }
            CoreLoad core = snap.cores().get(i);
            // The last column takes the rounding remainder so the right edge lines up.
            int width = column == grid.columns() - 1 ? area.width() - column * cellWidth : cellWidth - 1;
            drawCell(g, p, column * cellWidth, row, width, Integer.toString(core.core()), core, labelWidth);
        }
        drawCell(g, p, 0, grid.rows(), area.width(), average, snap.total(), labelWidth);
        return LaidOut.NOTHING;
    }

    /** One core: right-aligned label, then as much of bar, percentage and sparkline as fits. */
    private static void drawCell(Canvas g, Palette p, int col, int row, int width, String label, CoreLoad load,
                                 int labelWidth) {
        double pct = load == null ? 0 : load.busyPct();
        p.label(g);
        g.putString(col, row, pad(label, labelWidth));
        int x = col + labelWidth + 1;
        int rest = width - labelWidth - 1;
        String pctText = load == null ? "  -%" : String.format(java.util.Locale.ROOT, "%3d%%", Math.round(pct));
        if (width < BAR_MIN_WIDTH) {
            p.load(g, pct);
            g.putString(x, row, pctText);
            return;
        }
        int spark = width >= SPARK_MIN_WIDTH ? Math.min(width >= WIDE_CELL ? SPARK_MAX_WIDE : SPARK_MAX, rest / 3) : 0;
        int barWidth = rest - (spark > 0 ? spark + 1 : 0);
        drawBar(g, p, x, row, barWidth, pct, pctText);
        if (spark > 0 && load != null) {
            drawSpark(g, p, x + barWidth + 1, row, spark, load.history());
        }
    }

    /** {@code [|||||    42%]}: the fill is proportional to the load, coloured by its level. */
    private static void drawBar(Canvas g, Palette p, int x, int row, int width, double pct, String pctText) {
        int inner = width - 2;
        int fillRoom = Math.max(0, inner - pctText.length());
        int fill = (int) Math.round(Math.max(0, Math.min(100, pct)) / 100.0 * fillRoom);
        p.plain(g);
        g.putString(x, row, "[");
        p.load(g, pct);
        g.putString(x + 1, row, "|".repeat(fill) + " ".repeat(fillRoom - fill));
        p.plain(g);
        g.putString(x + 1 + fillRoom, row, pctText);
        g.putString(x + 1 + inner, row, "]");
    }

    /** The newest {@code width} history values as block glyphs, oldest left; blank where there is no history yet. */
    private static void drawSpark(Canvas g, Palette p, int x, int row, int width, Series history) {
        int size = history.size();
        StringBuilder line = new StringBuilder(width);
        for (int i = 0; i < width; i++) {
            int index = size - width + i;
            line.append(index < 0 ? ' ' : spark(history.get(index)));
        }
        p.spark(g);
        g.putString(x, row, line.toString());
    }

    /** The glyph for a load of {@code pct} percent: ▁ below 12.5 %, █ from 87.5 %. */
    static char spark(double pct) {
        int level = (int) (Math.max(0, Math.min(100, pct)) / 100.0 * SPARKS.length());
        return SPARKS.charAt(Math.min(SPARKS.length() - 1, level));
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}

package dev.telar.tui.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;

/**
 * What every chart shares: the pixel size, headless AWT, and one plain look (white, grey grid,
 * no gradients or shadows) that prints well on paper and reads on a projector.
 */
public final class Charts {
    /** Width of a chart's PNG, pixels. */
    public static final int WIDTH = 960;
    /** Height of a chart's PNG, pixels. */
    public static final int HEIGHT = 540;

    /** The series colours, in order: dark enough on white, told apart in grey print too. */
    static final Color[] COLOURS = {new Color(0x1f5fa8), new Color(0xd1661f), new Color(0x2e8b3e),
        new Color(0x8a3b9e)};
    /** The ideal line and reference markers. */
    static final Color REFERENCE = new Color(0x888888);

    private Charts() {
    }

    /**
     * Makes AWT headless. Called by the commands before anything of AWT loads: AWT reads the
     * property once, and a chart must draw on a machine without a display (a server, a CI runner).
     */
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** The common look; returns the chart. */
    static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(REFERENCE);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
            xy.getDomainAxis().setLabelFont(label);
            xy.getRangeAxis().setLabelFont(label);
            xy.getDomainAxis().setTickLabelFont(ticks);
            xy.getRangeAxis().setTickLabelFont(ticks);
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(Color.LIGHT_GRAY);
            cat.getDomainAxis().setLabelFont(label);
            cat.getRangeAxis().setLabelFont(label);
            cat.getDomainAxis().setTickLabelFont(ticks);
            cat.getRangeAxis().setTickLabelFont(ticks);
            if (cat.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setItemMargin(0.05);
                for (int i = 0; i < COLOURS.length; i++) {
                    bars.setSeriesPaint(i, COLOURS[i]);
                }
            }
        }
        return chart;
    }

    /** Writes each bar's value above it, in {@code pattern} ({@link DecimalFormat}'s, decimal point). */
    static void valuesOnBars(JFreeChart chart, String pattern) {
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT))));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        // Room above the tallest bar for its label.
        chart.getCategoryPlot().getRangeAxis().setUpperMargin(0.12);
    }

    /** A dashed line for ideals and references. */
    static BasicStroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
    }
}

package dev.telar.tui.chart;

import dev.telar.tui.text.Texts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The race demo: updates lost when processes add to one shared value without the lock, and with it
 * (none, when the lock does its work). Counts, out of the updates the processes made.
 */
public final class RaceChart {
    private RaceChart() {
    }

    /**
     * The chart.
     *
     * @param processes    processes that added
     * @param updates      updates made in each phase, all processes together
     * @param lostUnlocked updates lost without the lock
     * @param lostLocked   updates lost with the lock
     */
    public static JFreeChart of(Texts texts, int processes, long updates, long lostUnlocked, long lostLocked) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = texts.get("chart.race.series");
        data.addValue(lostUnlocked, series, texts.get("chart.race.unlocked"));
        data.addValue(lostLocked, series, texts.get("chart.race.locked"));
        JFreeChart chart = ChartFactory.createBarChart(texts.format("chart.race.title", processes, updates),
                null, texts.get("chart.race.y"), data, PlotOrientation.VERTICAL, false, false, false);
        Charts.styled(chart);
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        bars.setMaximumBarWidth(0.25);
        bars.setSeriesPaint(0, Charts.COLOURS[1]);
        // The value on each bar: with the lock the bar is usually 0, which no bar height shows.
        Charts.valuesOnBars(chart, "#,##0");
        return chart;
    }
}

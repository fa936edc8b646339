package dev.telar.tui.chart;

import dev.telar.tui.text.Texts;
import dev.telar.workloads.lesson.FigureRow;
import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The exchange mechanisms, 1 process against N: per mechanism, how many times faster N processes
 * summed their draws and sent the partial sums back, here and in the lecture, with a line at ×1
 * (no gain). Speed-ups, so that this machine's short runs and the lecture's long ones compare.
 */
public final class ExchangeChart {
    private ExchangeChart() {
    }

    /**
     * The chart.
     *
     * @param processes the N of the comparison
     * @param rows      the exchange step's {@link FigureRow.Label#MECHANISM} rows: name, processes, seconds
     *                  here and the lecture's
     */
    public static JFreeChart of(Texts texts, int cores, int processes, List<FigureRow> rows) {
        Map<String, double[]> here = new LinkedHashMap<>();
        Map<String, double[]> lecture = new LinkedHashMap<>();
        for (FigureRow row : rows) {
            if (row.label() != FigureRow.Label.MECHANISM || (row.count() != 1 && row.count() != processes)) {
                continue;
            }
            int slot = row.count() == 1 ? 0 : 1;
            here.computeIfAbsent(row.name(), k -> new double[] {Double.NaN, Double.NaN})[slot] = row.here().value();
            lecture.computeIfAbsent(row.name(), k -> new double[] {Double.NaN, Double.NaN})[slot] = row.lecture().value();
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String hereName = texts.format("chart.series.here", cores);
        String lectureName = texts.get("chart.series.lecture");
        for (String mechanism : here.keySet()) {
            data.addValue(ratio(here.get(mechanism)), hereName, mechanism);
            data.addValue(ratio(lecture.get(mechanism)), lectureName, mechanism);
        }
        JFreeChart chart = ChartFactory.createBarChart(texts.format("chart.exchange.title", processes),
                texts.get("chart.exchange.x"), texts.format("chart.exchange.y", processes), data,
                PlotOrientation.VERTICAL, true, false, false);
        ValueMarker none = new ValueMarker(1.0, Charts.REFERENCE, Charts.dashed());
        none.setLabel(texts.get("chart.exchange.nogain"));
        none.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        // Inside the plot's right edge, above the line: at the left edge the axis would cut it.
        none.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        none.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        none.setLabelBackgroundColor(Color.WHITE);
        chart.getCategoryPlot().addRangeMarker(none);
        Charts.styled(chart);
        Charts.valuesOnBars(chart, "×0.00");
        return chart;
    }

    private static Double ratio(double[] pair) {
        if (pair == null || Double.isNaN(pair[0]) || Double.isNaN(pair[1]) || pair[1] <= 0) {
            return null;
        }
        return pair[0] / pair[1];
    }
}

package dev.telar.tui.chart;

import dev.telar.tui.text.Texts;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The matrix product's thread-limit sweep, here and in the lecture side by side: bars of speed-up
 * over the same source's one-thread time at each limit. Speed-ups, not seconds: the lecture's
 * product took half a minute on one thread and this machine's is sized to the lesson's budget, so
 * only the shapes compare.
 */
public final class ThreadLimitChart {
    private ThreadLimitChart() {
    }

    /**
     * The chart.
     *
     * @param cores   logical cores here
     * @param here    thread limit → seconds measured here (NaN or absent: not measured)
     * @param lecture thread limit → the lecture's seconds (limit 0, the library's default, is left out)
     */
    public static JFreeChart of(Texts texts, int cores, SortedMap<Integer, Double> here, Map<Integer, Double> lecture) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        TreeSet<Integer> limits = new TreeSet<>(here.keySet());
        lecture.keySet().stream().filter(l -> l > 0).forEach(limits::add);
        String hereName = texts.format("chart.series.here", cores);
        String lectureName = texts.get("chart.series.lecture");
        for (int limit : limits) {
            if (limit <= 0) {
                continue;
            }
            String category = Integer.toString(limit);
            data.addValue(ratio(here, limit), hereName, category);
            if (!lecture.isEmpty()) {
                data.addValue(ratio(lecture, limit), lectureName, category);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(texts.get("chart.limit.title"), texts.get("chart.limit.x"),
                texts.get("chart.limit.y"), data, PlotOrientation.VERTICAL, true, false, false);
        Charts.styled(chart);
        Charts.valuesOnBars(chart, "×0.00");
        return chart;
    }

    /** One-thread seconds over the limit's seconds, or null (no bar) when either is missing. */
    private static Double ratio(Map<Integer, Double> seconds, int limit) {
        Double one = seconds.get(1);
        Double at = seconds.get(limit);
        if (one == null || at == null || one.isNaN() || at.isNaN() || at <= 0) {
            return null;
        }
        return one / at;
    }
}

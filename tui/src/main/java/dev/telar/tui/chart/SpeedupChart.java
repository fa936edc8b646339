package dev.telar.tui.chart;

import dev.telar.tui.text.Texts;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.run.RunResult;
import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Speed-up against workers: one line per execution model, each point a sweep's run against its
 * sequential baseline, beside the ideal min(workers, cores) (dashed): what workers sharing this
 * machine's cores can give at most, compute-bound.
 */
public final class SpeedupChart {
    /**
     * One model's line.
     *
     * @param name     the line's name in the legend, already worded
     * @param speedups workers → speed-up over the sequential baseline (× times faster)
     */
    public record Line(String name, SortedMap<Integer, Double> speedups) {
        public Line {
            speedups = new TreeMap<>(speedups);
        }
    }

    private SpeedupChart() {
    }

    /**
     * The chart.
     *
     * @param cores logical cores of the machine the sweeps ran on (the ideal's ceiling)
     * @param lines the models' lines, in legend order
     */
    public static JFreeChart of(Texts texts, int cores, List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        int most = 1;
        for (Line line : lines) {
            XYSeries series = new XYSeries(line.name(), true, false);
            line.speedups().forEach(series::add);
            data.addSeries(series);
            if (!line.speedups().isEmpty()) {
                most = Math.max(most, line.speedups().lastKey());
            }
        }
        XYSeries ideal = new XYSeries(texts.format("chart.series.ideal", cores), true, false);
        for (int n = 1; n <= most; n++) {
            ideal.add(n, Math.min(n, cores));
        }
        data.addSeries(ideal);
        JFreeChart chart = ChartFactory.createXYLineChart(texts.format("chart.speedup.title", cores),
                texts.get("chart.speedup.x"), texts.get("chart.speedup.y"), data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesPaint(i, Charts.COLOURS[i % Charts.COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(3f));
        }
        renderer.setSeriesPaint(lines.size(), Charts.REFERENCE);
        renderer.setSeriesStroke(lines.size(), Charts.dashed());
        renderer.setSeriesShapesVisible(lines.size(), false);
        plot.setRenderer(renderer);
        // Workers are whole numbers: no tick at 1.5 workers.
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return Charts.styled(chart);
    }

    /**
     * A sweep's points: workers (for matmul, the product's thread limit) → speed-up over its
     * baseline. The baseline itself and runs that did not complete are left out; of two runs at one
     * count (the default count repeats a power of two) the faster is kept.
     */
    public static SortedMap<Integer, Double> points(List<RunResult> sweep) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        for (RunResult r : sweep.subList(Math.min(1, sweep.size()), sweep.size())) {
            if (r.status() == RunResult.Status.COMPLETED && r.wallSeconds() > 0) {
                int count = r.spec().kernel() == KernelKind.MATMUL ? r.spec().kernelThreads() : r.spec().workers();
                out.merge(count, r.baselineWallSeconds() / r.wallSeconds(), Math::max);
            }
        }
        return out;
    }

    /** Seconds per count of a sweep, as {@link #points} picks its runs. */
    public static SortedMap<Integer, Double> seconds(List<RunResult> sweep) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        for (RunResult r : sweep.subList(Math.min(1, sweep.size()), sweep.size())) {
            if (r.status() == RunResult.Status.COMPLETED) {
                int count = r.spec().kernel() == KernelKind.MATMUL ? r.spec().kernelThreads() : r.spec().workers();
                out.merge(count, r.wallSeconds(), Math::min);
            }
        }
        return out;
    }

    /** True when the map holds no usable point. */
    static boolean empty(Map<Integer, Double> points) {
        return points.values().stream().noneMatch(v -> v != null && !v.isNaN());
    }
}

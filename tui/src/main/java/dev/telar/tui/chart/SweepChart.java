package dev.telar.tui.chart;

import dev.telar.tui.text.Texts;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.lesson.Lecture;
import dev.telar.workloads.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * {@code telar sweep --chart}'s chart: a sweep drawn as the handout draws its own, speed-up against
 * workers with the ideal line ({@link SpeedupChart}), or for matmul against the product's thread
 * limit beside the lecture's table ({@link ThreadLimitChart}).
 */
public final class SweepChart {
    private SweepChart() {
    }

    /**
     * Draws {@code sweep} (its baseline first, as the sweep reports it) into {@code file}.
     *
     * @throws IOException when the file could not be written or the chart not drawn
     */
    public static void write(Path file, List<RunResult> sweep, int cores, Texts texts) throws IOException {
        Charts.headless();
        PngWriter.write(of(sweep, cores, texts), file);
    }

    /** The chart of {@code sweep}. */
    static JFreeChart of(List<RunResult> sweep, int cores, Texts texts) {
        RunResult base = sweep.get(0);
        if (base.spec().kernel() == KernelKind.MATMUL) {
            return ThreadLimitChart.of(texts, cores, SpeedupChart.seconds(sweep), Lecture.THREAD_LIMIT);
        }
        String name = (sweep.size() > 1 ? sweep.get(1) : base).spec().model().label();
        return SpeedupChart.of(texts, cores, List.of(new SpeedupChart.Line(name, SpeedupChart.points(sweep))));
    }
}

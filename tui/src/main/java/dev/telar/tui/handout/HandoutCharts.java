package dev.telar.tui.handout;

import dev.telar.tui.chart.ExchangeChart;
import dev.telar.tui.chart.RaceChart;
import dev.telar.tui.chart.SpeedupChart;
import dev.telar.tui.chart.ThreadLimitChart;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.lesson.FigureRow;
import dev.telar.workloads.lesson.Lecture;
import dev.telar.workloads.lesson.LessonSizes;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;

/** The handout's charts, drawn from its figures in one language; a chart whose figures are missing is left out. */
public enum HandoutCharts {
    /** Speed-up against workers, the thread model and the process model (from the two sweeps). */
    SPEEDUP(LessonStep.PROCESS_TARGET, "handout.chart.speedup"),
    /** The matrix product's thread limit, here and in the lecture. */
    THREAD_LIMIT(LessonStep.THREAD_LIMIT, "handout.chart.limit"),
    /** The exchange mechanisms, 1 process against 4. */
    EXCHANGE(LessonStep.EXCHANGE_MECHANISMS, "handout.chart.exchange"),
    /** The race demo's lost updates. */
    RACE(LessonStep.RACE, "handout.chart.race");

    private final LessonStep after;
    private final String captionKey;

    HandoutCharts(LessonStep after, String captionKey) {
        this.after = after;
        this.captionKey = captionKey;
    }

    /** The step after whose text the chart is placed. */
    public LessonStep after() {
        return after;
    }

    /** The key of the chart's caption (its image's alternative text). */
    public String captionKey() {
        return captionKey;
    }

    /** The chart's file name in the handout's directory, e.g. {@code lesson-es-thread-limit.png}. */
    public String fileName(String languageCode) {
        return "lesson-" + languageCode + "-" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".png";
    }

    /** The chart for these figures in the texts' language, or empty when its figures were not measured. */
    public Optional<JFreeChart> draw(HandoutFigures figures, Texts texts) {
        int cores = figures.host().cores();
        switch (this) {
            case SPEEDUP: {
                List<SpeedupChart.Line> lines = new ArrayList<>();
                if (!figures.threadSpeedups().isEmpty()) {
                    lines.add(new SpeedupChart.Line(texts.get("chart.series.threads"), figures.threadSpeedups()));
                }
                if (!figures.processSpeedups().isEmpty()) {
                    lines.add(new SpeedupChart.Line(texts.get("chart.series.processes"), figures.processSpeedups()));
                }
                return lines.isEmpty() ? Optional.empty() : Optional.of(SpeedupChart.of(texts, cores, lines));
            }
            case THREAD_LIMIT:
                return measured(figures, LessonStep.THREAD_LIMIT).map(f -> {
                    TreeMap<Integer, Double> here = new TreeMap<>();
                    for (FigureRow row : f.rows()) {
                        if (row.label() == FigureRow.Label.KERNEL_THREADS && row.count() > 0 && row.here().present()) {
                            here.put(row.count(), row.here().value());
                        }
                    }
                    return ThreadLimitChart.of(texts, cores, here, Lecture.THREAD_LIMIT);
                });
            case EXCHANGE:
                return measured(figures, LessonStep.EXCHANGE_MECHANISMS)
                        .map(f -> ExchangeChart.of(texts, cores, LessonSizes.TASKS, f.rows()));
            case RACE:
                return measured(figures, LessonStep.RACE).map(f -> RaceChart.of(texts, count(f, FigureRow.Label.UPDATES),
                        (long) value(f, FigureRow.Label.UPDATES), (long) value(f, FigureRow.Label.LOST_UNLOCKED),
                        (long) value(f, FigureRow.Label.LOST_LOCKED)));
            default:
                throw new IllegalStateException("no chart " + this);
        }
    }

    private static Optional<StepFigures> measured(HandoutFigures figures, LessonStep step) {
        return figures.of(step).filter(StepFigures::measured);
    }

    private static FigureRow row(StepFigures f, FigureRow.Label label) {
        return f.rows().stream().filter(r -> r.label() == label).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + label + " row in " + f.step()));
    }

    private static double value(StepFigures f, FigureRow.Label label) {
        return row(f, label).here().value();
    }

    private static int count(StepFigures f, FigureRow.Label label) {
        return row(f, label).count();
    }
}

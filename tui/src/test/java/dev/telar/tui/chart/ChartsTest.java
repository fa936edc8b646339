package dev.telar.tui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.config.Language;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.lesson.Figure;
import dev.telar.workloads.lesson.FigureRow;
import dev.telar.workloads.lesson.Lecture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four charts drawn headless from known figures: titles and axes in the chosen language, the
 * data they were given (the ideal line min(n, cores), speed-ups over one thread, 1-vs-4 ratios,
 * lost updates), and PNG files of the chart size that appear whole or not at all.
 */
@Timeout(60)
class ChartsTest {
    @TempDir
    Path dir;

    static {
        Charts.headless();
    }

    @Test
    void speedupChartHasOneLinePerModelAndTheIdealCappedAtTheCores() {
        Texts es = Texts.of(Language.ES);
        JFreeChart chart = SpeedupChart.of(es, 2, List.of(
                new SpeedupChart.Line("hilos", new TreeMap<>(Map.of(1, 1.0, 2, 1.9, 4, 1.95))),
                new SpeedupChart.Line("procesos", new TreeMap<>(Map.of(1, 0.9, 2, 1.7, 4, 1.8)))));
        assertThat(chart.getTitle().getText()).isEqualTo(es.format("chart.speedup.title", 2)).contains("núcleos");
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo(es.get("chart.speedup.x"));
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo(es.get("chart.speedup.y"));
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(3);
        assertThat(plot.getDataset().getSeriesKey(2)).isEqualTo(es.format("chart.series.ideal", 2));
        // The ideal: 1, 2, 2, 2 for 1..4 workers on 2 cores.
        assertThat(List.of(plot.getDataset().getYValue(2, 0), plot.getDataset().getYValue(2, 1),
                plot.getDataset().getYValue(2, 2), plot.getDataset().getYValue(2, 3))).containsExactly(1.0, 2.0, 2.0, 2.0);
        assertThat(plot.getDataset().getYValue(1, 1)).isEqualTo(1.7);
    }

    @Test
    void threadLimitChartComparesSpeedupsOverOneThreadHereAndInTheLecture() {
        Texts en = Texts.of(Language.EN);
        JFreeChart chart = ThreadLimitChart.of(en, 2, new TreeMap<>(Map.of(1, 4.0, 2, 2.0, 4, 2.5)), Lecture.THREAD_LIMIT);
        assertThat(chart.getTitle().getText()).isEqualTo(en.get("chart.limit.title"));
        CategoryPlot plot = chart.getCategoryPlot();
        String here = en.format("chart.series.here", 2);
        String lecture = en.get("chart.series.lecture");
        assertThat(plot.getDataset().getColumnKeys()).containsExactly("1", "2", "4", "8", "16");
        assertThat(plot.getDataset().getValue(here, "2").doubleValue()).isEqualTo(2.0);
        assertThat(plot.getDataset().getValue(here, "4").doubleValue()).isEqualTo(1.6);
        assertThat(plot.getDataset().getValue(here, "8")).isNull();
        assertThat(plot.getDataset().getValue(lecture, "8").doubleValue()).isEqualTo(32.98 / 5.62);
    }

    @Test
    void exchangeChartShowsEachMechanismsRatioOfOneProcessToFour() {
        Texts en = Texts.of(Language.EN);
        List<FigureRow> rows = List.of(
                new FigureRow(FigureRow.Label.MECHANISM, 1, "pipe", Figure.seconds(2.0), Figure.seconds(11.58)),
                new FigureRow(FigureRow.Label.MECHANISM, 4, "pipe", Figure.seconds(0.8), Figure.seconds(3.05)),
                new FigureRow(FigureRow.Label.MECHANISM, 1, "queue", Figure.seconds(2.0), Figure.seconds(11.43)),
                new FigureRow(FigureRow.Label.MECHANISM, 4, "queue", Figure.seconds(4.0), Figure.seconds(3.02)));
        JFreeChart chart = ExchangeChart.of(en, 2, 4, rows);
        assertThat(chart.getTitle().getText()).isEqualTo(en.format("chart.exchange.title", 4));
        CategoryPlot plot = chart.getCategoryPlot();
        String here = en.format("chart.series.here", 2);
        assertThat(plot.getDataset().getColumnKeys()).containsExactly("pipe", "queue");
        assertThat(plot.getDataset().getValue(here, "pipe").doubleValue()).isEqualTo(2.5);
        assertThat(plot.getDataset().getValue(here, "queue").doubleValue()).isEqualTo(0.5);
        assertThat(plot.getDataset().getValue(en.get("chart.series.lecture"), "pipe").doubleValue())
                .isEqualTo(11.58 / 3.05);
    }

    @Test
    void raceChartShowsTheUpdatesLostWithoutAndWithTheLock() {
        Texts es = Texts.of(Language.ES);
        JFreeChart chart = RaceChart.of(es, 4, 40_000, 12_345, 0);
        assertThat(chart.getTitle().getText()).isEqualTo(es.format("chart.race.title", 4, 40_000L)).contains("40,000");
        CategoryPlot plot = chart.getCategoryPlot();
        assertThat(plot.getDataset().getColumnKeys()).containsExactly(es.get("chart.race.unlocked"),
                es.get("chart.race.locked"));
        assertThat(plot.getDataset().getValue(0, 0).longValue()).isEqualTo(12_345);
        assertThat(plot.getDataset().getValue(0, 1).longValue()).isZero();
    }

    @Test
    void pngWriterWritesAWholePngOfTheChartSizeAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("race.png");
        PngWriter.write(RaceChart.of(Texts.of(Language.EN), 4, 100, 30, 0), file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(ByteBuffer.wrap(bytes, 16, 4).getInt()).isEqualTo(Charts.WIDTH);
        assertThat(ByteBuffer.wrap(bytes, 20, 4).getInt()).isEqualTo(Charts.HEIGHT);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFailedWriteLeavesNoFile() {
        Path missing = dir.resolve("no-such-dir").resolve("chart.png");
        assertThatThrownBy(() -> PngWriter.write(RaceChart.of(Texts.of(Language.EN), 4, 100, 30, 0), missing))
                .isInstanceOf(IOException.class);
        assertThat(missing.getParent()).doesNotExist();
    }
}

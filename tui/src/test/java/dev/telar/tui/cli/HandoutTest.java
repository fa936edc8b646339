package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import dev.telar.tui.LessonWords;
import dev.telar.tui.chart.Charts;
import dev.telar.tui.handout.HandoutCharts;
import dev.telar.tui.handout.HandoutDir;
import dev.telar.tui.handout.HandoutFigures;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.lesson.Figure;
import dev.telar.workloads.lesson.FigureRow;
import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code telar lesson --handout}: the lesson run once, headless, on the real engine (child JVMs,
 * Chronicle files, scenarios) at the smallest budget, and its handout written from those figures in
 * both languages. Each Markdown names every part and step, quotes every step's takeaway, has a figure
 * in every cell its step measured, links four charts that are real PNG files of the chart size whose
 * titles are in the handout's language; progress went to standard error and only the paths to
 * standard output; the run directory is left empty.
 */
@Timeout(60)
class HandoutTest {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]+)]\\(([^)]+)\\)");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static Path dir;
    private static Path runParent;
    private static int code;
    private static String out;
    private static String err;
    private static HandoutFigures figures;

    /**
     * The one run (shared with the lesson's render tests, see {@link HandoutRecording}): 17 steps and
     * two sweeps on the real engine, 75-110 s on a 2-core machine shared with other builds, 235 s
     * under a load of 30.
     */
    @BeforeAll
    @Timeout(600)
    static void runTheHandoutOnce() throws IOException {
        HandoutRecording run = HandoutRecording.get();
        dir = run.dir;
        runParent = run.runParent;
        code = run.code;
        out = run.out;
        err = run.err;
        figures = run.figures;
    }

    @Test
    void writesOneMarkdownPerLanguageAndPrintsOnlyTheirPaths() {
        assertThat(code).as("exit code; stderr:%n%s", err).isZero();
        assertThat(out.lines().toList()).containsExactly(dir.toAbsolutePath().normalize().resolve("lesson-es.md").toString(),
                dir.toAbsolutePath().normalize().resolve("lesson-en.md").toString());
        assertThat(dir.resolve("lesson-es.md")).isRegularFile();
        assertThat(dir.resolve("lesson-en.md")).isRegularFile();
    }

    @Test
    void progressIsOneLinePerJobOnStandardError() {
        int jobs = LessonStep.values().length + 2;
        List<String> lines = err.lines().toList();
        assertThat(lines).as(err).hasSize(1 + jobs);
        assertThat(lines.get(0)).isEqualTo(Texts.of(Language.ES).format("cli.handout.calibrating", 0.05));
        for (int i = 1; i <= jobs; i++) {
            assertThat(lines.get(i)).startsWith("[" + i + "/" + jobs + "] ");
        }
        LessonWords words = new LessonWords(Texts.of(Language.ES));
        assertThat(lines.get(1)).contains(words.stepTitle(LessonStep.values()[0]));
    }

    @Test
    void everyPartStepAndTakeawayIsThereInBothLanguages() throws IOException {
        for (Language language : List.of(Language.ES, Language.EN)) {
            String md = markdown(language);
            Texts texts = Texts.of(language);
            LessonWords words = new LessonWords(texts);
            assertThat(md).startsWith("# " + texts.get("handout.title") + "\n")
                    .contains(texts.format("handout.machine.cores", Runtime.getRuntime().availableProcessors()))
                    .doesNotContain("??").doesNotContain("NaN");
            for (LessonPart part : LessonPart.values()) {
                assertThat(md).contains("\n## " + words.partTitle(part) + "\n");
            }
            assertThat(figures.steps()).hasSize(LessonStep.values().length);
            for (StepFigures f : figures.steps()) {
                assertThat(md).as("%s in %s", f.step(), language).contains("\n### " + words.stepTitle(f.step()) + "\n");
                assertThat(section(md, words, f.step())).as("%s takeaway in %s", f.step(), language)
                        .contains("\n> " + texts.format("handout.takeaway", words.takeaway(f)) + "\n");
            }
        }
    }

    /**
     * Every step that measured did so here (on Java 17 the virtual threads step says it cannot), and
     * its table shows each of its rows: the run, the figure measured here (never the dash of "none"
     * where the step measured it) and the lecture's, in every cell.
     */
    @Test
    void everyCellOfAMeasuredStepHasItsFigure() throws IOException {
        for (StepFigures f : figures.steps()) {
            boolean virtualMissing = f.step() == LessonStep.VIRTUAL_THREADS && Runtime.version().feature() < 21;
            assertThat(f.measured()).as("%s: %s", f.step(), f.problem()).isEqualTo(!virtualMissing);
        }
        for (Language language : List.of(Language.ES, Language.EN)) {
            String md = markdown(language);
            Texts texts = Texts.of(language);
            LessonWords words = new LessonWords(texts);
            int rows = 0;
            for (StepFigures f : figures.steps()) {
                String section = section(md, words, f.step());
                List<String> lines = section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| ---")).toList();
                if (!f.measured()) {
                    assertThat(section).contains(texts.format("handout.outcome", words.outcome(f)));
                    continue;
                }
                assertThat(lines).as("%s table", f.step()).hasSize(1 + f.rows().size());
                for (int i = 0; i < f.rows().size(); i++) {
                    FigureRow row = f.rows().get(i);
                    String[] cells = lines.get(i + 1).substring(2, lines.get(i + 1).length() - 2).split(" \\| ", -1);
                    assertThat(cells).as(lines.get(i + 1)).hasSize(3).allSatisfy(c -> assertThat(c).isNotBlank());
                    assertThat(cells[1]).as("%s %s", f.step(), row).isEqualTo(words.figure(row.here()));
                    assertThat(cells[2]).as("%s %s", f.step(), row).isEqualTo(words.figure(row.lecture()));
                    if (row.here().present()) {
                        assertThat(cells[1]).as("%s %s", f.step(), row).isNotEqualTo(words.figure(
                                Figure.none(row.here().unit())));
                    }
                    rows++;
                }
                assertThat(section).contains("**" + words.figure(f.key()) + "**");
            }
            assertThat(rows).as("table lines in %s", language).isGreaterThan(30);
        }
    }

    @Test
    void fourChartsArePngFilesOfTheChartSizeTitledInTheHandoutsLanguage() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        for (Language language : List.of(Language.ES, Language.EN)) {
            Texts texts = Texts.of(language);
            List<String> titles = new ArrayList<>();
            Matcher m = IMAGE.matcher(markdown(language));
            while (m.find()) {
                titles.add(m.group(1));
                Path png = dir.resolve(m.group(2));
                assertThat(m.group(2)).startsWith("lesson-" + language.code() + "-").endsWith(".png");
                byte[] bytes = Files.readAllBytes(png);
                assertThat(bytes.length).as(png.toString()).isGreaterThan(1000);
                assertThat(java.util.Arrays.copyOf(bytes, 8)).as("PNG signature of %s", png).isEqualTo(PNG_MAGIC);
                // The IHDR chunk follows the signature: length, "IHDR", width, height (big-endian).
                assertThat(new String(bytes, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
                assertThat(ByteBuffer.wrap(bytes, 16, 8).getInt()).as("width of %s", png).isEqualTo(Charts.WIDTH);
                assertThat(ByteBuffer.wrap(bytes, 20, 4).getInt()).as("height of %s", png).isEqualTo(Charts.HEIGHT);
            }
            assertThat(titles).as("chart titles in %s", language).containsExactly(
                    texts.get("chart.limit.title"),
                    texts.format("chart.speedup.title", cores),
                    texts.format("chart.exchange.title", 4),
                    texts.format("chart.race.title", 4, raceUpdates()));
        }
        assertThat(Texts.of(Language.ES).get("chart.limit.title")).isNotEqualTo(Texts.of(Language.EN).get("chart.limit.title"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(HandoutDir.MANIFEST,
                    "lesson-es.md", "lesson-en.md", HandoutCharts.SPEEDUP.fileName("es"), HandoutCharts.SPEEDUP.fileName("en"),
                    HandoutCharts.THREAD_LIMIT.fileName("es"), HandoutCharts.THREAD_LIMIT.fileName("en"),
                    HandoutCharts.EXCHANGE.fileName("es"), HandoutCharts.EXCHANGE.fileName("en"),
                    HandoutCharts.RACE.fileName("es"), HandoutCharts.RACE.fileName("en"));
        }
    }

    @Test
    void nothingIsLeftInTheRunDirectory() throws IOException {
        try (Stream<Path> left = Files.list(runParent)) {
            assertThat(left).as("run directories left").isEmpty();
        }
    }

    /** The race's updates, as its chart's title quotes them. */
    private static long raceUpdates() {
        StepFigures race = figures.of(LessonStep.RACE).orElseThrow();
        return (long) race.rows().stream().filter(r -> r.label() == FigureRow.Label.UPDATES).findFirst().orElseThrow()
                .here().value();
    }

    private static String markdown(Language language) throws IOException {
        return Files.readString(dir.resolve("lesson-" + language.code() + ".md"), StandardCharsets.UTF_8);
    }

    /** A step's part of the Markdown: from its heading to the next heading of a step or part. */
    private static String section(String md, LessonWords words, LessonStep step) {
        int start = md.indexOf("\n### " + words.stepTitle(step) + "\n");
        assertThat(start).as("heading of %s", step).isNotNegative();
        int next = md.length();
        for (String heading : List.of("\n### ", "\n## ")) {
            int at = md.indexOf(heading, start + 1);
            if (at > 0) {
                next = Math.min(next, at);
            }
        }
        return md.substring(start, next);
    }

}

package dev.telar.tui.handout;

import dev.telar.tui.LessonWords;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.lesson.FigureRow;
import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The handout's text in one language: title, this machine, then every part and step with its
 * explanation, its table of figures beside the lecture's, its key figure and its takeaway, and the
 * charts after the steps they belong to. A pure function of the figures and the words.
 */
public final class HandoutMarkdown {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Texts texts;
    private final LessonWords words;

    public HandoutMarkdown(Texts texts) {
        this.texts = texts;
        this.words = new LessonWords(texts);
    }

    /**
     * The Markdown.
     *
     * @param figures what was measured
     * @param version Telar's version, for the introduction
     * @param charts  the charts drawn for this language, each with its title (the image's text); a
     *                chart not in it is said to be missing
     */
    public String write(HandoutFigures figures, String version, Map<HandoutCharts, String> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(texts.get("handout.title")).append("\n\n");
        md.append(texts.format("handout.intro", version, WHEN.format(figures.takenAt()), figures.sizes().budgetSeconds()))
                .append("\n\n");
        machine(md, figures.host());
        for (LessonPart part : LessonPart.values()) {
            md.append("## ").append(words.partTitle(part)).append("\n\n");
            for (LessonStep step : LessonStep.of(part)) {
                figures.of(step).ifPresent(f -> step(md, f));
                for (HandoutCharts chart : HandoutCharts.values()) {
                    if (chart.after() == step) {
                        chart(md, chart, figures, charts.get(chart));
                    }
                }
            }
        }
        return md.toString();
    }

    private void machine(StringBuilder md, HostDescription host) {
        md.append("## ").append(texts.get("handout.machine")).append("\n\n");
        md.append("- ").append(texts.format("handout.machine.cores", host.cores())).append('\n');
        md.append("- ").append(texts.format("handout.machine.cpu", inline(host.cpuModel()))).append('\n');
        if (host.memoryBytes() > 0) {
            md.append("- ").append(texts.format("handout.machine.memory", host.memoryBytes() / (1024.0 * 1024 * 1024)))
                    .append('\n');
        }
        md.append("- ").append(texts.format("handout.machine.os", inline(host.os()))).append('\n');
        md.append("- ").append(texts.format("handout.machine.jvm", inline(host.jvmName()), inline(host.jvmVersion()),
                inline(host.jvmVendor()))).append('\n');
        md.append("- ").append(texts.format("handout.machine.host", inline(host.hostName()))).append("\n\n");
    }

    private void step(StringBuilder md, StepFigures f) {
        LessonStep step = f.step();
        md.append("### ").append(words.stepTitle(step)).append("\n\n");
        for (String paragraph : words.explanation(step)) {
            md.append(paragraph).append("\n\n");
        }
        if (!f.rows().isEmpty()) {
            md.append("| ").append(texts.get("handout.table.run")).append(" | ").append(texts.get("handout.table.here"))
                    .append(" | ").append(texts.get("handout.table.lecture")).append(" |\n");
            md.append("| --- | ---: | ---: |\n");
            for (FigureRow row : f.rows()) {
                md.append("| ").append(cell(words.rowLabel(row))).append(" | ").append(cell(words.figure(row.here())))
                        .append(" | ").append(cell(words.figure(row.lecture()))).append(" |\n");
            }
            md.append('\n');
        }
        if (!f.measured()) {
            md.append(texts.format("handout.outcome", words.outcome(f))).append("\n\n");
        }
        if (f.key().present()) {
            md.append(f.lectureKey().present()
                    ? texts.format("handout.key.lecture", words.keyCaption(step), words.figure(f.key()),
                            words.figure(f.lectureKey()))
                    : texts.format("handout.key", words.keyCaption(step), words.figure(f.key()))).append("\n\n");
        }
        String source = words.lectureSource(step);
        if (!source.isBlank()) {
            md.append(texts.format("handout.source", source)).append("\n\n");
        }
        md.append("> ").append(texts.format("handout.takeaway", words.takeaway(f))).append("\n\n");
    }

    /** The chart's image and caption, or why it is missing ({@code title} null). */
    private void chart(StringBuilder md, HandoutCharts chart, HandoutFigures figures, String title) {
        String caption = texts.get(chart.captionKey());
        if (title != null) {
            md.append("![").append(inline(title)).append("](").append(chart.fileName(texts.language().code()))
                    .append(")\n\n*").append(caption).append("*\n\n");
            return;
        }
        String why = chart == HandoutCharts.SPEEDUP
                ? Problems.text(figures.sweepProblem(), texts)
                : figures.of(chart.after()).map(words::outcome).orElse("");
        md.append("*").append(caption).append(": ").append(texts.format("handout.chart.missing", why)).append("*\n\n");
    }

    /** A cell of a table: a pipe would end the cell, a line break the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }

    /** A machine fact as one line of text, with no character Markdown would take for markup. */
    private static String inline(String text) {
        return text == null || text.isBlank() ? "?" : text.replace('\n', ' ').replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
    }
}

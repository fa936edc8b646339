package dev.telar.tui.handout;

import dev.telar.config.Language;
import dev.telar.tui.chart.Charts;
import dev.telar.tui.chart.PngWriter;
import dev.telar.tui.text.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Writes a handout from its figures: per language, {@code lesson-<lang>.md} and its charts'
 * PNG files, made in the directory's staging place and moved in together by {@link HandoutDir#commit}.
 */
public final class HandoutWriter {
    private HandoutWriter() {
    }

    /** The Markdown file's name for {@code language}. */
    public static String markdownName(Language language) {
        return "lesson-" + language.code() + ".md";
    }

    /** Every file a handout in {@code languages} may write (a chart left out is not written). */
    public static List<String> names(List<Language> languages) {
        List<String> out = new ArrayList<>();
        for (Language language : languages) {
            out.add(markdownName(language));
            for (HandoutCharts chart : HandoutCharts.values()) {
                out.add(chart.fileName(language.code()));
            }
        }
        return out;
    }

    /**
     * Draws the charts and writes the Markdown of each language into {@code dir}'s staging place;
     * the caller commits (or discards) the directory.
     *
     * @return where each language's Markdown will be once committed, in the order of {@code languages}
     * @throws IOException when a file could not be made (the chart's or the file system's reason)
     */
    public static List<Path> write(HandoutFigures figures, List<Language> languages, String version, HandoutDir dir)
            throws IOException {
        Charts.headless();
        List<Path> written = new ArrayList<>();
        for (Language language : languages) {
            Texts texts = Texts.of(language);
            Map<HandoutCharts, String> drawn = new EnumMap<>(HandoutCharts.class);
            for (HandoutCharts chart : HandoutCharts.values()) {
                Optional<JFreeChart> drawing = chart.draw(figures, texts);
                if (drawing.isPresent()) {
                    PngWriter.write(drawing.get(), dir.staging().resolve(chart.fileName(language.code())));
                    drawn.put(chart, drawing.get().getTitle().getText());
                }
            }
            String markdown = new HandoutMarkdown(texts).write(figures, version, drawn);
            Files.writeString(dir.staging().resolve(markdownName(language)), markdown, StandardCharsets.UTF_8);
            written.add(dir.dir().resolve(markdownName(language)));
        }
        return written;
    }
}

package dev.telar.tui.panel;

import dev.telar.tui.LessonWords;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LessonState;
import dev.telar.workloads.lesson.Figure;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import java.util.Optional;

/**
 * The step's one key figure, measured here, in block digits {@link BigDigits#HEIGHT} rows tall,
 * beside the lecture's figure for the same thing, drawn as big: what the step is about, readable
 * from the back of a room. Above them, what the figure is; below, where the lecture's figure
 * comes from, or why nothing was measured. "—" until the step's run is in. Draws from the
 * {@link LessonState} only.
 */
public final class LessonFigurePanel extends LessonPanel {
    /** Rows the panel needs for its big figures: caption, their labels, the digits, one note line. */
    public static final int HEIGHT = 3 + BigDigits.HEIGHT;
    /** Cells kept between the two figures. */
    private static final int GAP = 4;

    @Override
    void draw(Canvas g, Palette p, Texts t, LessonWords w, LessonState s, int width, int height) {
        LessonStep step = s.step();
        Optional<StepFigures> seen = s.figures(step);
        p.label(g);
        g.putString(1, 0, Units.fit(w.keyCaption(step), width - 1));
        Figure none = Figure.none(step.keyUnit());
        String here = w.figure(seen.map(StepFigures::key).orElse(none));
        String lecture = w.figure(step.lectureKey());
        int hereWidth = Math.max(t.get("lesson.view.here").length(), block(here));
        int lectureColumn = 1 + hereWidth + GAP;
        p.strong(g);
        g.putString(1, 1, t.get("lesson.view.here"));
        p.plain(g);
        g.putString(lectureColumn, 1, Units.fit(t.get("lesson.view.lecture"), Math.max(0, width - lectureColumn)));
        p.label(g);
        drawBig(g, 1, 2, width - 1, here);
        p.plain(g);
        if (lectureColumn < width) {
            drawBig(g, lectureColumn, 2, width - lectureColumn, lecture);
        }
        int note = 2 + BigDigits.HEIGHT;
        if (seen.isPresent() && !seen.get().measured()) {
            p.warning(g);
            for (String line : Units.wrap(w.outcome(seen.get()), width - 1, height - note)) {
                g.putString(1, note++, line);
            }
        } else {
            String source = step.lectureKey().present() ? w.lectureSource(step) : t.get("lesson.view.nolecture");
            p.plain(g);
            for (String line : Units.wrap(source, width - 1, height - note)) {
                g.putString(1, note++, line);
            }
        }
    }

    /** Cells the figure takes drawn big, with its unit after it. */
    private static int block(String figure) {
        String unit = figure.substring(BigDigits.bigPart(figure));
        return BigDigits.width(figure) + (unit.isBlank() ? 0 : unit.length());
    }

    /** The big part of {@code figure}, then its unit in plain text on the digits' last row. */
    private static void drawBig(Canvas g, int column, int row, int room, String figure) {
        int drawn = BigDigits.draw(g, column, row, room, figure);
        String unit = figure.substring(BigDigits.bigPart(figure));
        if (!unit.isBlank() && drawn < room) {
            g.putString(column + drawn, row + BigDigits.HEIGHT - 1, Units.fit(unit, room - drawn));
        }
    }
}

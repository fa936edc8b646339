package dev.telar.tui.panel;

import dev.telar.tui.LessonWords;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LessonState;
import dev.telar.workloads.lesson.FigureRow;
import dev.telar.workloads.lesson.StepFigures;
import java.util.List;
import java.util.Optional;

/**
 * The step's table: each run of the step, its figure here and the lecture's for the same thing,
 * as many lines as fit. Until the step has run, one line says it runs (or has not run). Draws
 * from the {@link LessonState} only.
 */
public final class LessonTablePanel extends LessonPanel {
    /** Cells of each figure column. */
    static final int COLUMN = 11;

    @Override
    void draw(Canvas g, Palette p, Texts t, LessonWords w, LessonState s, int width, int height) {
        Optional<StepFigures> seen = s.figures(s.step());
        int label = Math.max(4, width - 2 * (COLUMN + 1) - 1);
        p.bar(g);
        g.putString(0, 0, Units.fit(" " + Units.fit(t.get("lesson.view.run"), label) + right(t.get("lesson.view.here"))
                + right(t.get("lesson.view.lecture")), width));
        List<FigureRow> rows = seen.map(StepFigures::rows).orElse(List.of());
        if (rows.isEmpty()) {
            p.plain(g);
            String none = seen.isPresent() ? w.outcome(seen.get()) : t.get(s.phase() == LessonState.Phase.RUNNING
                    ? "lesson.view.running" : "lesson.view.notyet");
            g.putString(1, 1, Units.fit(none, width - 1));
            return;
        }
        for (int i = 0; i < rows.size() && 1 + i < height; i++) {
            FigureRow r = rows.get(i);
            p.plain(g);
            g.putString(1, 1 + i, Units.fit(w.rowLabel(r), label));
            p.strong(g);
            g.putString(1 + label, 1 + i, right(w.figure(r.here())));
            p.plain(g);
            g.putString(1 + label + COLUMN + 1, 1 + i, right(w.figure(r.lecture())));
        }
    }

    /** {@code text} right-aligned in a figure column, after one space. */
    private static String right(String text) {
        String cut = text.length() > COLUMN ? text.substring(0, COLUMN) : text;
        return " " + " ".repeat(COLUMN - cut.length()) + cut;
    }
}

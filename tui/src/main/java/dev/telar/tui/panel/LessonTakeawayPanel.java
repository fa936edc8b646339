package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import dev.telar.tui.LessonWords;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LessonState;
import dev.telar.workloads.lesson.StepFigures;
import java.util.List;
import java.util.Optional;

/**
 * The step's one-line lesson, true for what was measured here (or why nothing was), in bold after
 * an arrow; and, when measuring this machine failed, a line saying the steps run with default
 * sizes. Draws from the {@link LessonState} only.
 */
public final class LessonTakeawayPanel extends LessonPanel {
    @Override
    void draw(Canvas g, Palette p, Texts t, LessonWords w, LessonState s, int width, int height) {
        Optional<StepFigures> seen = s.figures(s.step());
        int row = 0;
        if (seen.isPresent()) {
            if (seen.get().measured()) {
                p.label(g);
            } else {
                p.warning(g);
                g.enableModifiers(SGR.BOLD);
            }
            List<String> lines = Units.wrap(w.takeaway(seen.get()), width - 3, height);
            for (int i = 0; i < lines.size(); i++) {
                g.putString(1, row++, (i == 0 ? "▶ " : "  ") + lines.get(i));
            }
        }
        if (!s.calibrationProblem().isNone() && row < height) {
            p.warning(g);
            String why = t.format("lesson.view.fallback", Units.printable(Problems.text(s.calibrationProblem(), t)));
            g.putString(1, row, Units.fit(why, width - 1));
        }
    }
}

package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.LessonWords;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.LessonState;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.lesson.StepFigures;
import java.util.List;
import java.util.Optional;

/**
 * The step's one-line lesson, true for what was measured here (or why nothing was), in bold after
 * an arrow; and, when measuring this machine failed, a line saying the steps run with default
 * sizes. Draws from the {@link LessonState} only.
 */
public final class LessonTakeawayPanel implements Panel {
    private final PerLanguage<LessonWords> words = new PerLanguage<>(LessonWords::new);

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts t = Texts.of(view.language());
        LessonWords w = words.get(t);
        LessonState s = view.lesson();
        Optional<StepFigures> seen = s.figures(s.step());
        int row = 0;
        if (seen.isPresent()) {
            if (seen.get().measured()) {
                p.label(g);
            } else {
                p.warning(g);
                g.enableModifiers(SGR.BOLD);
            }
            List<String> lines = Units.wrap(w.takeaway(seen.get()), area.width() - 3, area.height());
            for (int i = 0; i < lines.size(); i++) {
                g.putString(1, row++, (i == 0 ? "▶ " : "  ") + lines.get(i));
            }
        }
        if (!s.calibrationProblem().isNone() && row < area.height()) {
            p.warning(g);
            String why = t.format("lesson.view.fallback", Units.printable(Problems.text(s.calibrationProblem(), t)));
            g.putString(1, row, Units.fit(why, area.width() - 1));
        }
        return LaidOut.NOTHING;
    }
}

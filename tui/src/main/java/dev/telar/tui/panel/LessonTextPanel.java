package dev.telar.tui.panel;

import dev.telar.tui.LessonWords;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LessonState;
import dev.telar.workloads.lesson.LessonStep;
import java.util.List;

/**
 * The lesson step's words: a title bar ("2 · Threads · step 3 of 17 · the JVM's threads") with
 * where the step is at its right (measuring, running, paused, the seconds until autoplay moves
 * on), then the step's explanation wrapped to the panel, paragraph after paragraph while they fit.
 * Draws from the {@link LessonState} only.
 */
public final class LessonTextPanel extends LessonPanel {
    @Override
    void draw(Canvas g, Palette p, Texts t, LessonWords w, LessonState s, int width, int height) {
        LessonStep step = s.step();
        String title = " " + t.format("lesson.view.step", w.partTitle(step.part()), s.index() + 1,
                LessonStep.values().length, w.stepTitle(step));
        String state = state(t, s);
        // Where the step is (measuring, running, the countdown) matters more than the end of a long title.
        int room = state.isEmpty() ? width : Math.max(width / 2, width - state.length() - 2);
        TitleRow.draw(g, p, 0, width, title.length() > room ? title.substring(0, room) : title, state, 1, true);
        p.plain(g);
        int row = 1;
        for (String paragraph : w.explanation(step)) {
            List<String> lines = Units.wrap(paragraph, width - 1, height - row);
            for (String line : lines) {
                g.putString(1, row++, line);
            }
        }
    }

    /** Where the lesson is, in a few words for the title bar's right end. */
    static String state(Texts t, LessonState s) {
        String state = switch (s.phase()) {
            case CALIBRATING -> t.get("lesson.view.measuring");
            case WAITING -> t.get("lesson.view.waiting");
            case CANCELLING -> t.get("lesson.view.stopping");
            case RUNNING -> t.get("lesson.view.running");
            case SHOWN -> s.paused() ? t.get("lesson.view.paused") : Double.isNaN(s.autoplayLeft()) ? ""
                    : t.format("lesson.view.next", (long) Math.ceil(s.autoplayLeft()));
            default -> "";
        };
        if (s.phase() != LessonState.Phase.SHOWN && s.paused()) {
            state = state + " · " + t.get("lesson.view.paused");
        }
        return s.readonly() ? state + " · " + t.get("lesson.view.readonly.short") : state;
    }
}

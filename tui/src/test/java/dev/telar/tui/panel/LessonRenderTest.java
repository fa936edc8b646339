package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.config.Theme;
import dev.telar.tui.LessonRecording;
import dev.telar.tui.LessonWords;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LessonOptions;
import dev.telar.tui.view.LessonState;
import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import dev.telar.workloads.problem.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step of the lesson drawn in both languages at 80×24 and 200×60, driven by the lab events a
 * real run of the whole lesson reported ({@link LessonRecording}, played back): the view measures,
 * runs each step with the jobs the real run got, reads the same figures as the headless runner, and
 * shows the step's title, its key figure in block digits and its takeaway.
 */
@Timeout(400)
class LessonRenderTest {
    private static LessonRecording recording;

    @BeforeAll
    @Timeout(400)
    static void record() throws Exception {
        recording = LessonRecording.get();
    }

    static Stream<Arguments> screens() {
        return Stream.of(Arguments.of(Language.EN, 80, 24), Arguments.of(Language.ES, 80, 24),
                Arguments.of(Language.EN, 200, 60), Arguments.of(Language.ES, 200, 60));
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("screens")
    void everyStepShowsItsTitleKeyFigureAndTakeaway(Language language, int columns, int rows) {
        Texts t = Texts.of(language);
        LessonWords w = new LessonWords(t);
        VirtualScreen vs = new VirtualScreen(columns, rows, Settings.defaults().withLanguage(language)
                .withTheme(Theme.LIGHT), new LessonOptions(0, false, LessonRecording.BUDGET,
                LessonPart.PROCESSES_AND_THREADS), recording.jobs());
        vs.show(Snapshots.lab().build());
        LessonStep[] steps = LessonStep.values();
        for (int k = 0; k < steps.length; k++) {
            LessonStep step = steps[k];
            LessonState s = vs.view.lesson();
            assertThat(s.step()).isEqualTo(step);
            assertThat(s.phase()).as(step.id()).isEqualTo(LessonState.Phase.SHOWN);
            StepFigures f = s.figures(step).orElseThrow();
            StepFigures runner = recording.figures(step);
            if (runner.problem().code() != ProblemCode.LESSON_STEP_TIMEOUT) {
                // (A step the runner gave up on was cancelled: the view, played the same events, reads a cancellation.)
                assertThat(f).as("%s: the view reads what the runner read", step.id()).isEqualTo(runner);
            }
            List<String> screen = vs.rows();
            String text = vs.text();
            // The title bar: part, step k of 17 and the step's title, as much as the width holds.
            String title = " " + t.format("lesson.view.step", w.partTitle(step.part()), k + 1, steps.length,
                    w.stepTitle(step));
            assertThat(text).as("%s %s", step.id(), language).contains(title.substring(0, Math.min(title.length(),
                    columns)));
            assertThat(bigAt(screen, 1, w.figure(f.key()))).as("%s key figure %s in block digits:%n%s", step.id(),
                    w.figure(f.key()), text).isTrue();
            String firstLine = Units.wrap(w.takeaway(f), columns, 1).get(0);
            assertThat(text.replace("\n", " ")).as("%s takeaway", step.id())
                    .contains(firstLine.substring(0, Math.min(firstLine.length(), 30)));
            vs.press('n');
        }
        assertThat(vs.view.lesson().step()).as("after the last step, the first").isEqualTo(steps[0]);
        assertThat(vs.lab.toPlayBack()).as("every recorded job played").isZero();
    }

    /** True when {@code figure}'s block digits are on the screen, their left edge at {@code column}. */
    static boolean bigAt(List<String> screen, int column, String figure) {
        List<String> big = big(figure);
        for (int r = 0; r + big.size() <= screen.size(); r++) {
            boolean all = true;
            for (int i = 0; i < big.size() && all; i++) {
                all = screen.get(r + i).startsWith(big.get(i), column);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The rows {@link BigDigits} draws for {@code figure}, as text. */
    static List<String> big(String figure) {
        CellBuffer cells = new CellBuffer(BigDigits.width(figure), BigDigits.HEIGHT);
        Canvas g = new Canvas(cells);
        g.fill(' ');
        BigDigits.draw(g, 0, 0, cells.columns(), figure);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < cells.rows(); r++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < cells.columns(); c++) {
                row.append(cells.charAt(c, r));
            }
            rows.add(row.toString());
        }
        return rows;
    }
}

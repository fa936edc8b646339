package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.view.Outcome;
import org.junit.jupiter.api.Test;

/** Clicks map to what the last frame drew under them; the keyboard does the same things. */
class MouseTest {

    private static VirtualScreen lab(int columns, int rows) {
        return new VirtualScreen(columns, rows).show(Snapshots.lab().build());
    }

    @Test
    void clickingAProcessRowSelectsIt() {
        VirtualScreen vs = lab(80, 24);
        int row = vs.rowOf("ros2 launch");
        assertThat(vs.click(40, row)).isEqualTo(Outcome.REDRAW);
        assertThat(vs.view.selectedPid()).isEqualTo(977);
        assertThat(vs.rowOf("ros2 launch")).isEqualTo(row);
        // Clicking the selected row again changes nothing.
        assertThat(vs.click(2, row)).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void rowsBelowAnExpandedProcessMapToTheirProcessesNotToTheThreadLines() {
        VirtualScreen vs = lab(80, 24);
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.Enter); // 4242's two threads are listed under it
        int threadLine = vs.rowOf("telar-sampler");
        assertThat(vs.click(20, threadLine)).as("a thread line is no process").isEqualTo(Outcome.IGNORED);
        assertThat(vs.view.selectedPid()).isEqualTo(4242);
        vs.click(20, vs.rowOf("sshd: alice"));
        assertThat(vs.view.selectedPid()).isEqualTo(55);
    }

    @Test
    void clickingASortableHeadingSortsByIt() {
        VirtualScreen vs = lab(80, 24);
        int header = vs.rowOf("PID USER");
        int rss = vs.rows().get(header).indexOf("RSS");
        vs.click(rss, header);
        assertThat(vs.view.sort()).isEqualTo(SortKey.RSS);
        vs.click(4, header);
        assertThat(vs.view.sort()).isEqualTo(SortKey.PID);
        int cpu = vs.rows().get(header).indexOf("CPU%");
        vs.click(cpu, header);
        assertThat(vs.view.sort()).isEqualTo(SortKey.CPU);
    }

    @Test
    void clickingAFooterHintActsAsItsKey() {
        VirtualScreen vs = lab(80, 24);
        String footer = vs.rows().get(23);
        vs.click(footer.indexOf("x Exp") + 2, 23);
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.EXPERIMENTS);
        footer = vs.rows().get(23);
        vs.click(footer.indexOf("h Help"), 23);
        assertThat(vs.view.helpVisible()).isTrue();
        // With help open, any click closes it.
        vs.click(0, 0);
        assertThat(vs.view.helpVisible()).isFalse();
        footer = vs.rows().get(23);
        assertThat(vs.click(footer.indexOf("q Quit") + 1, 23)).isEqualTo(Outcome.QUIT);
    }

    @Test
    void inTheFormAClickSelectsAFieldAndTheArrowsChangeIt() {
        VirtualScreen vs = lab(80, 24);
        vs.press('x');
        int workers = vs.rowOf("  Workers    4");
        vs.click(5, workers);
        assertThat(vs.view.experiments().field()).isEqualTo(ExperimentState.Field.WORKERS);
        String line = vs.rows().get(workers);
        assertThat(line).contains("▸ Workers  ◂ 4 ▸");
        vs.click(line.lastIndexOf('▸'), workers);
        assertThat(vs.view.experiments().workers()).isEqualTo(5);
        vs.click(vs.rows().get(workers).indexOf('◂'), workers);
        vs.click(vs.rows().get(workers).indexOf('◂'), workers);
        assertThat(vs.view.experiments().workers()).isEqualTo(3);
    }

    @Test
    void theWheelMovesTheSelectionOrTheField() {
        VirtualScreen vs = lab(80, 24);
        vs.wheel(10, 10, false);
        assertThat(vs.view.selectedIndex()).isEqualTo(Dispatcher.WHEEL_ROWS);
        vs.wheel(10, 10, true);
        assertThat(vs.view.selectedIndex()).isZero();
        vs.press('x');
        vs.wheel(10, 10, false);
        assertThat(vs.view.experiments().field()).isEqualTo(ExperimentState.Field.MODEL);
    }

    @Test
    void releasesOtherButtonsAndClicksWhileTypingAreIgnored() {
        VirtualScreen vs = lab(80, 24);
        int row = vs.rowOf("ros2 launch");
        assertThat(vs.press(new MouseAction(MouseActionType.CLICK_RELEASE, 0, new TerminalPosition(5, row))))
                .isEqualTo(Outcome.IGNORED);
        assertThat(vs.press(new MouseAction(MouseActionType.CLICK_DOWN, 3, new TerminalPosition(5, row))))
                .isEqualTo(Outcome.IGNORED);
        vs.press('/');
        assertThat(vs.click(5, row)).isEqualTo(Outcome.IGNORED);
        assertThat(vs.view.filterDraft()).isEmpty();
        assertThat(vs.view.selectedPid()).isEqualTo(812);
    }

    @Test
    void wideLayoutsMapClicksToo() {
        VirtualScreen vs = lab(200, 60);
        int header = vs.rowOf("PPID");
        vs.click(vs.rows().get(header).indexOf("RSS"), header);
        assertThat(vs.view.sort()).isEqualTo(SortKey.RSS);
        vs.click(150, vs.rowOf("sshd: alice"));
        assertThat(vs.view.selectedPid()).isEqualTo(55);
    }
}

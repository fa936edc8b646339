package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.config.Language;
import dev.telar.tui.Snapshots;
import dev.telar.tui.text.Texts;
import dev.telar.tui.VirtualScreen;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardRenderTest {

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void headerShowsHostUptimeLoadCoresAndMemory(int columns, int rows) {
        VirtualScreen vs = new VirtualScreen(columns, rows).show(Snapshots.lab().build());
        List<String> lines = vs.rows();
        assertThat(lines.get(0)).contains("robot-7").contains("Debian GNU/Linux 12").contains("up 3d 04:12");
        assertThat(lines.get(1)).contains("Load 0.52 0.61 0.70").contains("Cores 4").contains("Mem 3.2G/23.5G").contains("Tasks 6");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void everyCoreHasALabelAndPercentage(int columns, int rows) {
        VirtualScreen vs = new VirtualScreen(columns, rows).show(Snapshots.lab().build());
        String text = vs.text();
        // Cores 0..3 are busy 0, 7, 14 and 21 %.
        for (String core : new String[] {"  0 [", "  1 [", "  2 [", "  3 ["}) {
            assertThat(text).contains(core);
        }
        assertThat(text).contains(" 7%]").contains("14%]").contains("21%]").contains("Avg [");
        // The history 0,25,50,75,100,21 as block glyphs.
        assertThat(text).contains("▁▃▅▇█▂");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void processLineShowsEveryColumn(int columns, int rows) {
        VirtualScreen vs = new VirtualScreen(columns, rows).show(Snapshots.lab().build());
        assertThat(vs.text()).contains("PID USER      S  CPU%▾    RSS  THR  COMMAND");
        assertThat(vs.text()).contains("    812 alice     S   73.5   900M    1  python3 train.py --epochs 5");
        assertThat(vs.text()).contains("    977 bob       S   12.3   2.0G    1  ros2 launch nav2_bringup");
    }

    @Test
    void selectedRowIsReverseVideoAndStartsOnTheBusiestProcess() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        int row = vs.rowOf("python3 train.py");
        assertThat(vs.cell(10, row).getModifiers()).contains(SGR.REVERSE);
        int other = vs.rowOf("ros2 launch");
        assertThat(vs.cell(10, other).getModifiers()).doesNotContain(SGR.REVERSE);
    }

    @Test
    void footerListsKeysIntervalAndSort() {
        // Wide enough for every hint in full.
        String wide = new VirtualScreen(200, 40).show(Snapshots.lab().build()).rows().get(39);
        assertThat(wide).contains("F1/h Help").contains("/ Filter").contains("F6/s Sort").contains("t Telar only")
                .contains("Enter Threads").contains("+/- Rate").contains("x Experiments").contains("L Español")
                .contains("T Theme").contains("q Quit").contains("Sort CPU%").contains("Every 1s");
        // At 120 every hint still shows, in short form.
        String medium = new VirtualScreen(120, 40).show(Snapshots.lab().build()).rows().get(39);
        assertThat(medium).contains("h Help").contains("/ Filter").contains("s Sort").contains("t Telar")
                .contains("Enter Thr").contains("+/- Rate").contains("x Exp").contains("L Español").contains("T Theme")
                .contains("q Quit").contains("Sort CPU%").contains("Every 1s");
        // At 80 the least needed hints give way; Help and Quit stay.
        String small = new VirtualScreen(80, 24).show(Snapshots.lab().build()).rows().get(23);
        assertThat(small).contains("h Help").contains("q Quit").contains("x Exp").contains("Sort CPU%").contains("Every 1s")
                .doesNotContain("Theme");
    }

    @Test
    void firstFrameBeforeAnySampleShowsPlaceholders() {
        VirtualScreen vs = new VirtualScreen(80, 24).draw();
        assertThat(vs.text()).contains("waiting for the first sample").contains("reading processes").contains("Every 1s");
    }

    @Test
    void tooSmallShowsOnlyTheEnlargeMessage() {
        VirtualScreen vs = new VirtualScreen(50, 12).show(Snapshots.lab().build());
        List<String> lines = vs.rows();
        // one line, centred: (12 rows - 1 line) / 2
        assertThat(lines.get(5).strip()).isEqualTo("Enlarge the terminal to at least 60×15 (now 50×12)");
        for (int i = 0; i < lines.size(); i++) {
            if (i != 5) {
                assertThat(lines.get(i).isBlank()).as("row %d", i).isTrue();
            }
        }
    }

    @Test
    void resizingRelaysOut() {
        VirtualScreen vs = new VirtualScreen(120, 40).show(Snapshots.lab().build());
        vs.terminal.setTerminalSize(new TerminalSize(59, 30));
        vs.draw();
        assertThat(vs.text()).contains("(now 59×30)").doesNotContain("python3");
        vs.terminal.setTerminalSize(new TerminalSize(80, 24));
        vs.draw();
        assertThat(vs.text()).contains("python3 train.py").doesNotContain("Enlarge");
        assertThat(vs.rows().get(23)).contains("Quit");
    }

    @Test
    void helpOverlayListsEveryKey() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('h');
        String text = vs.text();
        assertThat(text).contains("Telar keys");
        for (String[] key : HelpOverlay.lines(Texts.of(Language.EN), vs.view.keys(), true)) {
            assertThat(text).contains(key[0]).contains(key[1]);
        }
        assertThat(text).contains("F10").contains("Ctrl-C").contains("PgUp").contains("Home").contains("F6").contains("Enter");
        vs.press(KeyType.Escape);
        assertThat(vs.text()).doesNotContain("Telar keys");
        vs.press(KeyType.F1);
        assertThat(vs.text()).contains("Telar keys");
        vs.press('h');
        assertThat(vs.text()).doesNotContain("Telar keys");
    }

    @Test
    void helpFitsTheMinimumSize() {
        VirtualScreen vs = new VirtualScreen(60, 15).show(Snapshots.lab().build());
        vs.press(KeyType.F1);
        for (String[] key : HelpOverlay.lines(Texts.of(Language.EN), vs.view.keys(), true)) {
            assertThat(vs.text()).contains(key[1]);
        }
    }

    @Test
    void manyCoresAllFitAt120x40() {
        VirtualScreen vs = new VirtualScreen(120, 40).show(Snapshots.lab().cores(128).build());
        String text = vs.text();
        for (int core = 0; core < 128; core++) {
            Pattern label = Pattern.compile("(^|\\s)" + core + " [\\[ ]", Pattern.MULTILINE);
            assertThat(label.matcher(text).find()).as("core %d on screen", core).isTrue();
        }
        // The process list keeps at least five rows.
        assertThat(text).contains("python3 train.py").contains("ros2 launch").contains("sshd");
        Frame.Layout layout = Frame.layout(new TerminalSize(120, 40), 128);
        assertThat(layout.processes().height()).isGreaterThanOrEqualTo(1 + Frame.MIN_PROCESS_ROWS);
    }

    @Test
    void manyCoresAt80x24KeepTheProcessList() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().cores(64).build());
        assertThat(vs.text()).contains("Avg").contains("PID USER");
        long processRows = vs.rows().stream().filter(r -> r.matches("^ +\\d+ \\w+ +S .*")).count();
        assertThat(processRows).isGreaterThanOrEqualTo(5);
    }
}

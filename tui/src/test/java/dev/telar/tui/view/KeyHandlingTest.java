package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.probe.ThreadInfo;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.view.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyHandlingTest {

    /** Pids of the process lines on screen, top to bottom. */
    private static List<Integer> pidsOnScreen(VirtualScreen vs) {
        List<Integer> pids = new ArrayList<>();
        for (String row : vs.rows()) {
            if (row.matches("^ {0,6}\\d+ \\w+ +S .*")) {
                pids.add(Integer.parseInt(row.strip().split(" ")[0]));
            }
        }
        return pids;
    }

    @Test
    void sortCyclesCpuRssPid() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        assertThat(pidsOnScreen(vs)).containsExactly(812, 4300, 977, 4242, 55, 1);
        vs.press('s');
        assertThat(vs.text()).contains("RSS▾").contains("Sort RSS");
        assertThat(pidsOnScreen(vs)).containsExactly(977, 812, 4242, 1, 4300, 55);
        vs.press(KeyType.F6);
        assertThat(vs.text()).contains("PID▾").contains("Sort PID");
        assertThat(pidsOnScreen(vs)).containsExactly(1, 55, 812, 977, 4242, 4300);
        vs.press('s');
        assertThat(pidsOnScreen(vs)).containsExactly(812, 4300, 977, 4242, 55, 1);
    }

    @Test
    void filterNarrowsOnEnterAndEscClears() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('/');
        vs.type("bob");
        assertThat(vs.rows().get(23)).contains("Filter: bob");
        // Not applied until Enter.
        assertThat(pidsOnScreen(vs)).hasSize(6);
        vs.press(KeyType.Enter);
        assertThat(pidsOnScreen(vs)).containsExactly(977);
        assertThat(vs.text()).contains("filter \"bob\"");
        // Matches the command too, case-insensitively.
        vs.press('/');
        vs.press(KeyType.Backspace);
        vs.press(KeyType.Backspace);
        vs.press(KeyType.Backspace);
        vs.type("TRAIN");
        vs.press(KeyType.Enter);
        assertThat(pidsOnScreen(vs)).containsExactly(812);
        vs.press('/');
        vs.press(KeyType.Escape);
        assertThat(pidsOnScreen(vs)).hasSize(6);
        assertThat(vs.text()).doesNotContain("filter \"");
    }

    @Test
    void filterWithNoMatchSaysSo() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('/');
        vs.type("nothing-like-this");
        vs.press(KeyType.Enter);
        assertThat(pidsOnScreen(vs)).isEmpty();
        assertThat(vs.text()).contains("no process matches");
        vs.press(KeyType.Escape);
        assertThat(pidsOnScreen(vs)).hasSize(6);
    }

    @Test
    void keysWhileTypingAFilterAreText() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('/');
        assertThat(vs.press('q')).isEqualTo(Outcome.REDRAW);
        vs.press('s');
        assertThat(vs.view.sort()).isEqualTo(SortKey.CPU);
        assertThat(vs.rows().get(23)).contains("Filter: qs");
    }

    @Test
    void telarOnlyShowsSelfAndDescendantsAsATree() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('t');
        // A tree: Telar first, its child (busier) under it.
        assertThat(pidsOnScreen(vs)).containsExactly(4242, 4300);
        assertThat(vs.text()).contains("Telar only");
        vs.press('t');
        assertThat(pidsOnScreen(vs)).hasSize(6);
    }

    @Test
    void enterExpandsThreadsAndAsksTheSamplerForThem() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        // Select 977 (third by CPU) and expand it: no threads in this snapshot yet.
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.ArrowDown);
        assertThat(vs.view.selectedPid()).isEqualTo(977);
        vs.press(KeyType.Enter);
        assertThat(vs.sampler.threadsFor).containsExactly(977);
        assertThat(vs.sampler.nowRequests).isEqualTo(1);
        int row = vs.rowOf("ros2 launch");
        assertThat(vs.rows().get(row + 1)).contains("reading threads…");

        // Expand Telar's process, whose threads are in the snapshot.
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.Enter);
        assertThat(vs.sampler.threadsFor).containsExactly(4242);
        int telar = vs.rowOf("java -jar telar.jar");
        List<String> rows = vs.rows();
        assertThat(rows.get(telar + 1)).contains("TID").contains("NAME").contains("CPU%").contains("CORE");
        assertThat(rows.get(telar + 2)).contains("4250").contains("telar-sampler").contains("R").contains("2.5").endsWith("   3" + " ".repeat(rows.get(telar + 2).length() - rows.get(telar + 2).stripTrailing().length()));
        assertThat(rows.get(telar + 3)).contains("4242").contains("main").contains("0.5");
        assertThat(rows.get(telar + 4)).contains("sshd");

        vs.press(KeyType.Enter);
        assertThat(vs.sampler.threadsFor).isEmpty();
        assertThat(vs.text()).doesNotContain("telar-sampler");
    }

    @Test
    void selectionMovesWithArrowsPagesHomeEnd() {
        Snapshots many = Snapshots.snapshot().cores(2);
        for (int pid = 100; pid < 200; pid++) {
            many.process(pid, 1, "u", 0.0, 1000, "cmd-" + pid);
        }
        VirtualScreen vs = new VirtualScreen(80, 24).show(many.build());
        assertThat(vs.view.selectedPid()).isEqualTo(100);
        vs.press(KeyType.ArrowDown);
        assertThat(vs.view.selectedPid()).isEqualTo(101);
        assertThat(vs.press(KeyType.ArrowUp)).isEqualTo(Outcome.REDRAW);
        assertThat(vs.press(KeyType.ArrowUp)).isEqualTo(Outcome.IGNORED);
        vs.press(KeyType.PageDown);
        int page = vs.view.pageRows();
        assertThat(vs.view.selectedPid()).isEqualTo(100 + page);
        vs.press(KeyType.End);
        assertThat(vs.view.selectedPid()).isEqualTo(199);
        assertThat(vs.text()).contains("cmd-199");
        assertThat(vs.text()).doesNotContain("cmd-100 ");
        vs.press(KeyType.Home);
        assertThat(vs.view.selectedPid()).isEqualTo(100);
        assertThat(vs.text()).contains("cmd-100");
    }

    @Test
    void selectionStaysOnItsRowUnlessFollowIsOn() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press(KeyType.ArrowDown);
        assertThat(vs.view.selectedPid()).isEqualTo(4300);
        vs.show(Snapshots.snapshot().cores(4)
                .process(4300, 1, "alice", 99.0, 1, "telar-worker spin")
                .process(812, 1, "alice", 1.0, 1, "python3 train.py").build());
        assertThat(vs.view.selectedIndex()).isEqualTo(1); // htop's default: the bar keeps its row
        assertThat(vs.view.selectedPid()).isEqualTo(812);
    }

    @Test
    void selectionFollowsTheProcessAcrossSnapshotsWithF() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press(KeyType.ArrowDown);
        assertThat(vs.view.selectedPid()).isEqualTo(4300);
        vs.press('F');
        assertThat(vs.view.follow()).isTrue();
        vs.show(Snapshots.snapshot().cores(4)
                .process(4300, 1, "alice", 99.0, 1, "telar-worker spin")
                .process(812, 1, "alice", 1.0, 1, "python3 train.py").build());
        assertThat(vs.view.selectedPid()).isEqualTo(4300);
        assertThat(vs.view.selectedIndex()).isZero();
    }

    @Test
    void plusAndMinusStepTheRefreshIntervalWithinLimits() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('+');
        assertThat(vs.sampler.interval).isEqualTo(500);
        assertThat(vs.rows().get(23)).contains("Every 0.5s");
        vs.press('+');
        assertThat(vs.rows().get(23)).contains("Every 0.25s");
        assertThat(vs.press('+')).isEqualTo(Outcome.IGNORED);
        for (int i = 0; i < 10; i++) {
            vs.press('-');
        }
        assertThat(vs.sampler.interval).isEqualTo(10_000);
        assertThat(vs.rows().get(23)).contains("Every 10s");
    }

    @Test
    void quitKeys() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        assertThat(vs.keys.onKey(new KeyStroke('q', false, false))).isEqualTo(Outcome.QUIT);
        assertThat(vs.keys.onKey(new KeyStroke(KeyType.F10))).isEqualTo(Outcome.QUIT);
        assertThat(vs.keys.onKey(new KeyStroke('c', true, false))).isEqualTo(Outcome.QUIT);
        assertThat(vs.keys.onKey(new KeyStroke(KeyType.EOF))).isEqualTo(Outcome.QUIT);
        assertThat(vs.keys.onKey(new KeyStroke('z', false, false))).isEqualTo(Outcome.IGNORED);
        assertThat(vs.sampler.threadsFor).isEqualTo(Set.of());
    }

    /** Ctrl-Z asks the loop to suspend from every view, and while the filter is being typed. */
    @Test
    void ctrlZSuspendsFromEveryView() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        KeyStroke ctrlZ = new KeyStroke('z', true, false);
        assertThat(vs.keys.onKey(ctrlZ)).isEqualTo(Outcome.SUSPEND);
        for (char view : new char[] {'x', 'X', 'y'}) {
            VirtualScreen other = new VirtualScreen(80, 24).show(Snapshots.lab().build());
            other.press(view);
            assertThat(other.view.mode()).as("key %s opens a view", view).isNotEqualTo(ViewState.Mode.PROCESSES);
            assertThat(other.keys.onKey(ctrlZ)).as("in the view of %s", view).isEqualTo(Outcome.SUSPEND);
        }
        vs.press('/');
        assertThat(vs.view.editingFilter()).isTrue();
        assertThat(vs.keys.onKey(ctrlZ)).isEqualTo(Outcome.SUSPEND);
        assertThat(vs.view.editingFilter()).as("the filter is still being typed after fg").isTrue();
    }

    /** The help box of every view tells Ctrl-Z. */
    @Test
    void theHelpOfEveryViewTellsCtrlZ() {
        for (String keys : new String[] {"", "x", "X", "y"}) {
            VirtualScreen vs = new VirtualScreen(100, 30).show(Snapshots.lab().build());
            for (char c : keys.toCharArray()) {
                vs.press(c);
            }
            vs.press('h');
            assertThat(vs.draw().text()).as("help after %s", keys).contains("Ctrl-Z").contains("fg");
        }
    }

    @Test
    void threadsOfTheExpandedProcessAreSortedBusiestFirst() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.snapshot().cores(1)
                .process(10, 1, "u", 5, 1, "app", List.of(
                        new ThreadInfo(11, "idle", 'S', 0.0, 0, 0),
                        new ThreadInfo(12, "busy", 'R', 90.0, 0, 0))).build());
        vs.press(KeyType.Enter);
        assertThat(vs.rowOf("busy")).isLessThan(vs.rowOf("idle"));
    }
}

package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.workloads.remote.ManagerLink;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.sync.scenario.LockFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.RemoteRun;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The six primitive panels drawn from fixed state records, in both languages and at two sizes. */
class SyncRenderTest {
    private static VirtualScreen running(Language language, int columns, int rows, Primitive p, Mode mode) {
        VirtualScreen vs = new VirtualScreen(columns, rows, Settings.defaults().withLanguage(language));
        return SyncScreens.running(vs, p, mode, SyncScreens.state(p), SyncScreens.figures(p));
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void lockShowsHolderWaitersAndTheTotalAgainstTheExpected(int columns, int rows) {
        String en = running(Language.EN, columns, rows, Primitive.LOCK, Mode.THREADS).text();
        assertThat(en).contains(" 1 Lock ").contains(" 6 Barrier ").contains("m threads   s lecture pace  l lock on")
                .contains("threads: running 3.3 s")
                .contains(" Holder     worker-2").contains(" Waiters    3: worker-0 worker-1 worker-3")
                .contains(" Acquired   2,345 times").contains(" Abandoned  no (0 takeovers)")
                .contains(" Lock       on: every update inside the lock").contains(" Total      1,000,123,456")
                .contains(" Expected   1,000,123,456 so far, from 2,345 updates made")
                .doesNotContain("short by").doesNotContain("updates lost")
                .contains("] 2,000,000 of 4,000,000").contains("Workers worker-0 worker-1 worker-2 worker-3")
                .contains("running; c or Esc cancels");
        String es = running(Language.ES, columns, rows, Primitive.LOCK, Mode.THREADS).text();
        assertThat(es).contains(" 3 Semáforo ").contains("m hilos   s ritmo de clase  l cerrojo sí")
                .contains("hilos: en marcha 3.3 s").contains(" Dueño        worker-2")
                .contains(" En espera    3: worker-0 worker-1 worker-3").contains(" Adquirido    2,345 veces")
                .contains(" Abandonado   no (0 tomas forzosas)")
                .contains(" Esperado     1,000,123,456 hasta ahora, de 2,345 sumas hechas");
    }

    /**
     * With a manager configured, m goes threads, processes, remote and round again; a remote run's
     * panel says where it meets, and a suspended or lost link is what the status says first.
     */
    @Test
    void remoteModeSaysWhereItMeetsAndALinkInTroubleComesFirst() {
        VirtualScreen vs = new VirtualScreen(120, 40);
        ManagerTarget manager = new ManagerTarget("robot-1:2181", Optional.of(Path.of("/tmp/k")), 6_000);
        vs.view.sync().offerRemote(Optional.of(manager));
        vs.show(Snapshots.lab().build());
        vs.press('y');
        vs.press('m');
        vs.press('m');
        assertThat(vs.text()).contains("m remote at robot-1:2181   s lecture pace  l lock on");
        vs.press('m');
        assertThat(vs.text()).as("round again").contains("m threads   s lecture pace");
        vs.press('m');
        vs.press('m');
        vs.press(' ');
        Primitive p = Primitive.LOCK;
        for (ManagerLink.State link : ManagerLink.State.values()) {
            vs.scenario(new ScenarioSnapshot(p, Mode.REMOTE, ScenarioStatus.RUNNING, Optional.of(SyncScreens.state(p)),
                    Optional.of(SyncScreens.figures(p)), List.of("pid 4321", "pid 4322", "pid 4323", "pid 4324"),
                    List.of(), 3.25, Optional.of(new RemoteRun("robot-1:2181", "run-1", link, 6_000))));
            String text = vs.text();
            switch (link) {
                case CONNECTED -> assertThat(text).contains("remote: running 3.3 s");
                case SUSPENDED -> assertThat(text).contains("remote: manager unreachable, lock uncertain");
                case LOST -> assertThat(text).contains("remote: session lost, lock gone");
                default -> throw new AssertionError(link);
            }
        }
        // A holder that vanished and the lock the manager freed are the news of the bottom line.
        vs.scenario(new ScenarioSnapshot(p, Mode.REMOTE, ScenarioStatus.RUNNING, Optional.of(SyncScreens.state(p)),
                Optional.of(SyncScreens.figures(p)), List.of("pid 4322", "pid 4323", "pid 4324"),
                List.of("runner: pid 4321 on robot-2 vanished while holding the lock",
                        "manager: lock freed 2.3 s after pid 4321 on robot-2 vanished"), 9.5,
                Optional.of(new RemoteRun("robot-1:2181", "run-1", ManagerLink.State.CONNECTED, 6_000))));
        assertThat(vs.text()).contains(" manager: lock freed 2.3 s after pid 4321 on robot-2 vanished · c or Esc cancels");
        VirtualScreen none = new VirtualScreen(120, 40);
        none.show(Snapshots.lab().build());
        none.press('y');
        none.press('m');
        none.press('m');
        assertThat(none.text()).as("no manager: no remote choice").contains("m threads   s lecture pace");
    }

    @Test
    void aLockTakenOverFromADeadHolderAndLostUpdatesStandOut() {
        VirtualScreen vs = SyncScreens.ended(new VirtualScreen(120, 40), Primitive.LOCK, Mode.PROCESSES,
                SyncScreens.LOCK_ABANDONED, SyncScreens.LOCK_OFF_FIGURES, ScenarioStatus.COMPLETED, false);
        String text = vs.text();
        assertThat(text).contains("m processes   s lecture pace  l lock off").contains("processes: done in 4.50 s")
                .as("the run has ended: no one holds or waits any more")
                .contains(" Holder     free").contains(" Waiters    none")
                .contains(" Abandoned  ABANDONED: taken over from a dead holder (1 takeovers)")
                .contains(" Lock       OFF: read, add, write back unprotected")
                .contains(" Expected   1,998,000,000: total short by 8,000,000, 17 updates lost")
                .contains("no lock: lock off, total 1,990,000,000 but expected 1,998,000,000: 17 updates lost (4.50 s)")
                .contains("Workers pid 101 pid 102 pid 103 pid 104");
        int row = vs.rowOf("ABANDONED");
        assertThat(vs.cell(12, row).getModifiers()).contains(com.googlecode.lanterna.SGR.BOLD);
        assertThat(vs.cell(12, row).getForegroundColor()).isEqualTo(com.googlecode.lanterna.TextColor.ANSI.YELLOW);
        String es = SyncScreens.ended(new VirtualScreen(120, 40, Settings.defaults().withLanguage(Language.ES)),
                Primitive.LOCK, Mode.PROCESSES, SyncScreens.LOCK_ABANDONED, SyncScreens.LOCK_OFF_FIGURES,
                ScenarioStatus.COMPLETED, false).text();
        assertThat(es).contains("ABANDONADO: tomado de un dueño muerto (1 tomas forzosas)")
                .contains("sin cerrojo: cerrojo no, total 1,990,000,000 pero se esperaba 1,998,000,000: 17 sumas perdidas");
    }

    /**
     * A Lock run whose worker was killed: the verdict says it failed and what was counted, with no
     * expected total and no loss claimed; the holder it had is gone; at 120 columns the long line
     * wraps onto the workers' line instead of being cut.
     */
    @Test
    void aLockRunWhoseWorkerWasKilledSaysWhatWasCountedAndClaimsNoLoss() {
        LockFigures stopped = new LockFigures(true, 619_609_965L, 639_647_858L, 1_234, 0,
                List.of(300_000L, 310_000L, 290_000L, 305_000L));
        VirtualScreen vs = SyncScreens.ended(new VirtualScreen(120, 40), Primitive.LOCK, Mode.PROCESSES,
                SyncScreens.LOCK_ABANDONED, stopped, ScenarioStatus.FAILED, false);
        String text = vs.text();
        String verdict = "failed (worker pid 102: killed by SIGKILL (9)): lock on, total 619,609,965 from 1,234 updates"
                + " made before it stopped (4.50 s)";
        assertThat(verdict.length()).as("longer than the row: it must wrap").isGreaterThan(119);
        int first = vs.rowOf("failed (worker");
        assertThat(String.join(" ", vs.rows().get(first).strip(), vs.rows().get(first + 1).strip())).isEqualTo(verdict);
        assertThat(text).contains(" Holder     free").contains(" Waiters    none")
                .contains(" Expected   639,647,858 so far, from 1,234 updates made")
                .doesNotContain("short by").doesNotContain("lost").doesNotContain("but expected");
        String es = SyncScreens.ended(new VirtualScreen(120, 40, Settings.defaults().withLanguage(Language.ES)),
                Primitive.LOCK, Mode.PROCESSES, SyncScreens.LOCK_ABANDONED, stopped, ScenarioStatus.FAILED, false).text();
        assertThat(es.replaceAll(" *\n ", " ")).contains("cerrojo sí, total 619,609,965 de 1,234 sumas hechas antes de parar (4.50 s)")
                .doesNotContain("perdidas");
    }

    /** A remote run that never started (no manager, a refused key) says it failed and why, and claims no count. */
    @Test
    void aRunThatNeverStartedSaysOnlyWhyItFailed() {
        VirtualScreen vs = new VirtualScreen(120, 40);
        vs.show(Snapshots.lab().build());
        vs.press('y');
        vs.press(' ');
        for (Problem why : List.of(Problem.of(ProblemCode.MANAGER_UNREACHABLE, "robot-1:2181", 10),
                Problem.of(ProblemCode.MANAGER_REFUSED, "robot-1:2181"))) {
            vs.scenario(new ScenarioOutcome(Primitive.LOCK, Mode.REMOTE, ScenarioStatus.FAILED, Optional.empty(), false,
                    "failed", 10.02, why));
            String bottom = vs.rows().get(vs.rowOf("failed (")).strip();
            assertThat(bottom).startsWith("failed (").endsWith(") (10.02 s)").doesNotContain("total")
                    .doesNotContain("expected").doesNotContain("lost");
        }
        assertThat(vs.rows().get(vs.rowOf("failed (")).strip()).isEqualTo("failed (manager at robot-1:2181 refused the key (authentication failed)) (10.02 s)");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void rlockShowsItsHoldCountAndTheAccounts(int columns, int rows) {
        String en = running(Language.EN, columns, rows, Primitive.RLOCK, Mode.THREADS).text();
        assertThat(en).contains(" Holder     worker-0").contains("] 2 now, deepest 2").contains(" Waiters    1: worker-1")
                .contains(" Acquired   41 times").contains(" Accounts   A 999,993 + B 7 = 1,000,000")
                .contains("] 7 of 20");
        String es = running(Language.ES, columns, rows, Primitive.RLOCK, Mode.THREADS).text();
        assertThat(es).contains("] 2 ahora, como mucho 2").contains(" Cuentas      A 999,993 + B 7 = 1,000,000");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void semaphoreShowsWhoHoldsAPermitAndWhoWaits(int columns, int rows) {
        String en = running(Language.EN, columns, rows, Primitive.SEMAPHORE, Mode.PROCESSES).text();
        assertThat(en).contains(" Permits    [").contains("███] 3 of 3 in use")
                .contains(" Holders    3: pid 101 pid 102 pid 103").contains(" Waiters    5: pid 104 pid 105")
                .contains(" Inside     3 now, most at once 3 (permits 3)")
                .contains(" Abandoned  ABANDONED: taken over from a dead holder (1 takeovers)")
                .contains("] 20 of 48");
        String es = running(Language.ES, columns, rows, Primitive.SEMAPHORE, Mode.PROCESSES).text();
        assertThat(es).contains("3 de 3 en uso").contains(" Dueños       3: pid 101 pid 102 pid 103")
                .contains("3 ahora, como mucho 3 a la vez (permisos 3)");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void conditionShowsTheBufferAndTheNotifyCount(int columns, int rows) {
        String en = running(Language.EN, columns, rows, Primitive.CONDITION, Mode.THREADS).text();
        assertThat(en).contains("] 4 of 4 slots, fullest 4").contains(" Lock       worker-1")
                .contains(" Waiters    2: worker-0 worker-2").contains(" Notify     40 calls woke 75 waiters")
                .contains(" Items      produced 25, consumed 21, of 40");
        String es = running(Language.ES, columns, rows, Primitive.CONDITION, Mode.THREADS).text();
        assertThat(es).contains("] 4 de 4 huecos, como mucho 4").contains(" Avisos       40 avisos despertaron a 75");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void eventShowsItsFlagAndWhoWaits(int columns, int rows) {
        String en = running(Language.EN, columns, rows, Primitive.EVENT, Mode.THREADS).text();
        assertThat(en).contains(" Flag       clear: waiters block").contains(" Waiters    4: worker-0 worker-1")
                .contains("] 1 of 2").contains(" Passed     4 (ready 8), 0 early");
        String es = running(Language.ES, columns, rows, Primitive.EVENT, Mode.THREADS).text();
        assertThat(es).contains(" Bandera      desactivada: quien espera se bloquea").contains(" Pasaron      4 (listos 8)");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void barrierShowsPartiesArrivedAndRounds(int columns, int rows) {
        String en = running(Language.EN, columns, rows, Primitive.BARRIER, Mode.THREADS).text();
        assertThat(en).contains("] 3 of 4 parties").contains(" Waiting    3: worker-1 worker-2 worker-3")
                .contains(" Generation 2").contains(" Broken     no").contains("] 2 of 5, 0 early starts");
        String es = running(Language.ES, columns, rows, Primitive.BARRIER, Mode.THREADS).text();
        assertThat(es).contains("] 3 de 4 participantes").contains(" Generación   2").contains(" Rota         no");
    }

    @Test
    void outcomesReadAsVerdicts() {
        var screens = EveryPanel.screens(Settings.defaults(), 120, 40);
        assertThat(screens.get("sync barrier done").text())
                .contains("correct: 5 of 5 rounds in step, 0 early starts (4.50 s)").contains("threads: done in 4.50 s");
        assertThat(screens.get("sync event failed").text())
                .contains("failed (worker pid 102: killed by SIGKILL (9))").contains("processes: failed");
        assertThat(screens.get("sync semaphore cancelled").text()).contains("cancelled: 20 uses, at most 3 inside");
        assertThat(screens.get("sync busy").text()).contains("a scenario is running; c or Esc cancels it");
        assertThat(screens.get("sync, before a run").text()).contains("not started")
                .contains("Enter or space starts the Lock scenario").contains(" Holder     free")
                .contains(" Waiters    none").contains("] 0 of 4,000,000");
        assertThat(screens.get("sync help").text()).contains("Threads or processes").contains("Lock scenario: lock on/off");
    }

    @Test
    void syncHelpFitsTheMinimumSizeInEveryLanguage() {
        for (Language language : Language.values()) {
            for (boolean mouse : new boolean[] {false, true}) {
                VirtualScreen vs = new VirtualScreen(60, 15, VirtualScreen.mouse(Settings.defaults().withLanguage(language),
                        mouse)).show(dev.telar.tui.Snapshots.lab().build());
                vs.press('y');
                vs.press('h');
                for (String[] line : HelpOverlay.lines(dev.telar.tui.text.Texts.of(language), vs.view.keys(), mouse)) {
                    assertThat(vs.text()).as("%s sync help, mouse %s", language, mouse).contains(line[0]).contains(line[1]);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"EN", "ES"})
    void asciiModeKeepsEveryCellAscii(Language language) {
        for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
            var screens = EveryPanel.screens(Settings.defaults().withLanguage(language).withAscii(true), size[0], size[1]);
            screens.forEach((name, vs) -> {
                if (name.startsWith("sync")) {
                    assertThat(vs.text()).as(name).matches("[\\x20-\\x7e\\n]*");
                }
            });
        }
    }
}

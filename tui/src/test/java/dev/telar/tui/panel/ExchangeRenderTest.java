package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.tui.ExchangeFixtures;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.remote.ManagerTarget;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The exchange view's panels drawn from fixed data, in both languages, at 80×24 and 120×40, and in ASCII. */
class ExchangeRenderTest {

    private static boolean english(Language language) {
        return language == Language.EN;
    }

    private static VirtualScreen screen(String name, Language language, int columns, int rows) {
        return EveryPanel.screens(Settings.defaults().withLanguage(language), columns, rows).get(name);
    }

    @ParameterizedTest
    @CsvSource({"EN,80,24", "ES,80,24", "EN,120,40", "ES,120,40"})
    void aRunningMechanismShowsItsFiguresItsChildrenAndTheChildThatDied(Language language, int columns, int rows) {
        boolean en = english(language);
        String text = screen("exchange running, a child killed", language, columns, rows).text();
        assertThat(text).contains(" queue ×4").contains(en ? "running 1.2 s" : "en marcha 1.2 s")
                .contains(en ? "rate    533 msg/s" : "ritmo      533 msj/s")
                .contains("p50 12.3 µs  p99 80.1 µs")
                .contains(en ? "3 written, not read  waits 0" : "3 escritos sin leer  esperas 0")
                .contains(en ? "producers 2/4  consumers 1" : "productores 2/4  consumidores 1")
                .contains(en ? "12.0M of a 512M cap" : "12.0M de un límite de 512M")
                .contains(en ? "! child 5102 killed by SIGKILL (9); 12 read" : "! hijo 5102 matado por SIGKILL (9)");
        // The children still computing, each with the core its busiest thread is on (from the sampled threads).
        assertThat(text).containsPattern("5101 S  99\\.0 +1 ").containsPattern("5103 S  97\\.0 +3");
        // The table: pipe done with its speedup; queue's 1-process run done, its 4-process run in progress.
        assertThat(text).contains("pipe        4      1.02      0.31    ×3.29   3.0M  " + (en ? "OK" : "correcto"))
                .contains("queue       4      1.01                      3.0M  " + (en ? "running…" : "en marcha…"))
                .contains("dict        4                                      " + (en ? "waiting" : "en espera"));
        assertThat(text).contains(en ? "▸ Mechanism ◂ all 5 ▸" : "▸ Mecanismo ◂ los 5 ▸")
                .contains(en ? "Compare     1 vs 4" : "Comparar    1 frente a 4");
    }

    @ParameterizedTest
    @CsvSource({"EN,80,24", "ES,80,24", "EN,120,40", "ES,120,40"})
    void aFailedRunNamesTheChildsPidAndSignalAndGivesNoTotal(Language language, int columns, int rows) {
        boolean en = english(language);
        VirtualScreen vs = EveryPanel.exchangeRunning(new VirtualScreen(columns, rows,
                Settings.defaults().withLanguage(language)));
        vs.event(ExchangeFixtures.queueKilled());
        String text = vs.text();
        assertThat(text).contains("queue       4      1.01         -           12.0M  " + (en ? "FAILED" : "FALLÓ"))
                .contains(en ? "  └ child 5102 killed by SIGKILL (9); 12 of the 12 messages it sent were read"
                        : "  └ hijo 5102 matado por SIGKILL (9); leídos 12 de los 12 mensajes enviados");
        // The verdict on the newest run says the same, and that there is no total.
        String verdict = String.join(" ", vs.rows().subList(rows - 3, rows - 1)).replaceAll(" +", " ");
        assertThat(verdict).contains(en ? "▶ queue, 4 processes: FAILED, no total: child 5102 killed by SIGKILL (9)"
                : "▶ queue, 4 procesos: FALLÓ, sin total: hijo 5102 matado por SIGKILL (9)");
        // The box of the run: failed, its children as they ended.
        assertThat(text).contains(en ? "failed" : "falló").contains(en ? "5101 exited 0" : "5101 salió: 0");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKindOfResultReads(Language language) {
        boolean en = english(language);
        String text = screen("exchange results with every status", language, 80, 24).text();
        assertThat(text).contains("value       4      1.00      0.30    ×3.33   4.0K  " + (en ? "WRONG total" : "total ERRÓNEO"))
                .contains("array       4         -                        0B  " + (en ? "cancelled" : "cancelado"))
                .contains("dict        4                                      -")
                .contains(en ? "▶ array, 1 process: cancelled, no total" : "▶ array, 1 proceso: cancelado, sin total");
        assertThat(text).contains(en ? "latency none: no messages" : "latencia   no aplica: sin mensajes")
                .contains(en ? "backlog none: shared memory" : "pendientes no hay: memoria compartida");
    }

    @ParameterizedTest
    @CsvSource({"EN,80,24", "ES,80,24", "EN,120,40", "ES,120,40"})
    void theRaceDemoShowsExpectedActualAndLostUpdates(Language language, int columns, int rows) {
        boolean en = english(language);
        String running = screen("race running", language, columns, rows).text();
        assertThat(running).contains(en ? "Race: 4 processes × 1M increments" : "Carrera: 4 procesos × 1M incrementos")
                .contains(en ? "expected      4000000" : "esperado     4000000")
                .contains(en ? "without lock  2345678  ████" : "sin cerrojo  2345678  ████")
                .contains(en ? "with lock     1200000  ███" : "con cerrojo  1200000  ███")
                .contains(en ? "lost updates  1654322  41.4%" : "perdidas     1654322  41.4%");
        String done = screen("race done", language, columns, rows).text();
        assertThat(done).contains(en ? "with lock     4000000" : "con cerrojo  4000000")
                .contains(en ? "0.12 s without the lock, 0.85 s with it" : "0.12 s sin el cerrojo, 0.85 s con él");
        assertThat(screen("race failed", language, columns, rows).text())
                .contains(en ? "failed: process 2 (pid 5203) killed by SIGKILL"
                        : "falló: el proceso 2 (pid 5203) terminó por la");
    }

    @ParameterizedTest
    @CsvSource({"EN,80,24", "ES,80,24", "EN,120,40", "ES,120,40"})
    void inAsciiModeEveryCellOfTheExchangeViewIsAscii(Language language, int columns, int rows) {
        Map<String, VirtualScreen> screens = EveryPanel.screens(Settings.defaults().withLanguage(language).withAscii(true),
                columns, rows);
        screens.forEach((name, vs) -> {
            if (name.contains("xchange") || name.contains("race")) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        TextCharacter cell = vs.cell(c, r);
                        assertThat(cell.getCharacterString()).as("%s cell %d,%d", name, c, r).matches("[\\x20-\\x7e]");
                    }
                }
                assertThat(vs.text()).as(name).doesNotContain("??");
            }
        });
        assertThat(screens.get("exchange running, a child killed").text()).contains("p50 12.3 us  p99 80.1 us")
                .contains(" queue x4").contains("x3.29");
        assertThat(screens.get("race done").text()).contains("2345678  ####").contains("::::");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void exchangeHelpFitsTheMinimumSize(Language language) {
        for (boolean mouse : new boolean[] {false, true}) {
            VirtualScreen vs = new VirtualScreen(60, 15,
                    VirtualScreen.mouse(Settings.defaults().withLanguage(language), mouse)).show(Snapshots.lab().build());
            vs.press('X');
            vs.press('h');
            for (String[] line : HelpOverlay.lines(Texts.of(language), vs.view.keys(), mouse)) {
                assertThat(vs.text()).as("%s help, mouse %s", language, mouse).contains(line[0]).contains(line[1]);
            }
        }
    }

    /** With a manager configured the form offers the lecture's Manager mechanisms, after the local ones and before "all". */
    @Test
    void withAManagerTheFormOffersTheManagersMechanisms() {
        VirtualScreen vs = new VirtualScreen(120, 40);
        vs.view.exchange().offerRemote(Optional.of(new ManagerTarget("robot-1:2181", Optional.empty(), 6_000)));
        vs.show(Snapshots.lab().build());
        vs.press('X');
        vs.press(KeyType.ArrowLeft);
        assertThat(vs.view.exchange().mechanisms()).containsExactly(Mechanism.MANAGER_VALUE);
        assertThat(vs.text()).contains("manager-value");
        vs.press(KeyType.ArrowLeft);
        assertThat(vs.view.exchange().mechanisms()).containsExactly(Mechanism.MANAGER_DICT);
        vs.press(KeyType.ArrowRight);
        vs.press(KeyType.ArrowRight);
        assertThat(vs.view.exchange().mechanisms()).as("all, the manager's included").hasSize(Mechanism.values().length);
        VirtualScreen none = new VirtualScreen(120, 40);
        none.show(Snapshots.lab().build());
        none.press('X');
        none.press(KeyType.ArrowLeft);
        assertThat(none.view.exchange().mechanisms()).as("no manager: the last local one").containsExactly(Mechanism.DICT);
    }

    @Test
    void theFooterLeadsToTheExchangeViewAndBack() {
        VirtualScreen vs = new VirtualScreen(120, 40).show(Snapshots.lab().build());
        String footer = vs.rows().get(39);
        assertThat(footer).contains("X Exch");
        vs.click(footer.indexOf("X Exch") + 2, 39);
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.EXCHANGE);
        footer = vs.rows().get(39);
        assertThat(footer).contains("X Processes").contains("Enter Run").contains("r Race").contains("c/Esc Cancel");
        vs.click(footer.indexOf("X Processes"), 39);
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.PROCESSES);
    }

    @Test
    void theLanguageSwitchesWhileARunIsShown() {
        VirtualScreen vs = EveryPanel.exchangeRunning(new VirtualScreen(80, 24));
        vs.event(ExchangeFixtures.queueKilled());
        assertThat(vs.text()).contains("child 5102 killed by SIGKILL (9)");
        vs.press('L');
        assertThat(vs.text()).contains("hijo 5102 matado por SIGKILL (9)").doesNotContain("killed");
        vs.event(new ExchangeEvent.Idle());
        assertThat(vs.text()).contains("en espera");
    }
}

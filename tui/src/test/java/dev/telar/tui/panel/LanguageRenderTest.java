package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.tui.Snapshots;
import dev.telar.tui.Verdict;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.run.RunResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every panel in English and Spanish on a virtual terminal: no raw keys, the chosen language, and the L key. */
class LanguageRenderTest {

    @ParameterizedTest
    @CsvSource({"EN,80,24", "ES,80,24", "EN,200,60", "ES,200,60", "EN,60,15", "ES,60,15"})
    void noPanelShowsARawKey(Language language, int columns, int rows) {
        Map<String, VirtualScreen> screens = EveryPanel.screens(Settings.defaults().withLanguage(language), columns, rows);
        screens.forEach((name, vs) -> assertThat(vs.text()).as("%s in %s at %dx%d", name, language, columns, rows)
                .doesNotContain("??"));
    }

    @Test
    void theProcessViewSpeaksSpanish() {
        VirtualScreen vs = new VirtualScreen(80, 24, Settings.defaults().withLanguage(Language.ES))
                .show(Snapshots.lab().build());
        String text = vs.text();
        assertThat(vs.rows().get(0)).contains("activo 3d 04:12");
        assertThat(vs.rows().get(1)).contains("Carga 0.52 0.61 0.70").contains("Núcleos 4").contains("Tareas 6");
        assertThat(text).contains("Med [").contains("PID USUARIO   E  CPU%▾    RSS HILOS  ORDEN");
        assertThat(text).contains("    812 alice     S   73.5   900M     1  python3 train.py --epochs 5");
        assertThat(vs.rows().get(23)).contains("h Ayuda").contains("q Salir").contains("Orden CPU%").contains("Cada 1s");
        assertThat(text).doesNotContain("Load").doesNotContain("Quit").doesNotContain("USER");
    }

    @Test
    void theExperimentsViewSpeaksSpanishAndKeepsItsFormAt80x24() {
        VirtualScreen vs = new VirtualScreen(80, 24, Settings.defaults().withLanguage(Language.ES))
                .show(Snapshots.lab().build());
        vs.press('x');
        String text = vs.text();
        assertThat(text).contains(" Experimento").contains("en espera").contains("▸ Carga     ◂ cpu ▸")
                .contains("  Modelo      thread-target").contains("  Hilos       4").contains("  Tareas      4")
                .contains("  Tamaño      200M muestras").contains("  Afinidad    ninguna")
                .contains("  Referencia  sí").contains("aún no hay ejecuciones");
        assertThat(text).contains("CARGA  MODELO").contains("ACELER.");
        assertThat(vs.rows().get(23)).contains("Ejecutar").contains("Barrido").contains("Cancelar").contains("Salir");
        // The widest Spanish value still fits the form beside its label at 80 columns.
        for (int i = 0; i < 5; i++) {
            vs.press(KeyType.ArrowDown);
        }
        vs.press(KeyType.ArrowLeft);
        assertThat(vs.text()).contains("▸ Afinidad  ◂ repartida: todos ▸");
    }

    @Test
    void spanishVerdictsSweepAndWorkers() {
        Map<String, VirtualScreen> screens = EveryPanel.screens(Settings.defaults().withLanguage(Language.ES), 120, 40);
        assertThat(screens.get("results with every status").text())
                .contains("▶ 1 hilo del pool: falló: out of memory")
                .contains("cancelada, sin resultado");
        assertThat(screens.get("sweep").text()).contains("Barrido cpu/thread-target en 4 núcleos")
                .contains("◀ más rápido").contains("más allá de 4 núcleos: hasta un 7% más lento que con 4");
        assertThat(screens.get("running, worker threads").text()).contains("Hilos de cpu/thread-target ×4")
                .contains("juntos ocupan 3.07 núcleos, en los núcleos 0 1 2 3")
                .contains("hay un experimento en marcha; c o Esc lo cancela");
        assertThat(screens.get("cancelling").text()).contains("cancelando…");
        assertThat(screens.get("help").text()).contains("Teclas de Telar").contains("Salir").contains("Esc/h cierra");
        assertThat(screens.get("too small").text()).contains("Agrande el terminal al menos a 60×15 (ahora 50×12)");
        // A failure the workloads report is worded here, in the chosen language.
        assertThat(screens.get("sync event failed").text())
                .contains("falló (trabajador pid 102: terminó por la señal SIGKILL (9))").doesNotContain("killed");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyVerdictIsWordedInBothLanguages(Language language) {
        Texts texts = Texts.of(language);
        for (RunResult r : EveryPanel.everyStatus()) {
            for (int cores : new int[] {1, 4}) {
                String verdict = Verdict.of(r, cores, texts);
                assertThat(verdict).as("%s on %d cores", r.spec(), cores).doesNotContain("??").isNotBlank();
            }
        }
        assertThat(Verdict.of(EveryPanel.everyStatus().get(1), 4, Texts.of(Language.ES)))
                .isEqualTo("4 hilos: ×3.64 — en paralelo en 4 núcleos");
    }

    @Test
    void helpFitsTheMinimumSizeInEveryLanguage() {
        for (Language language : Language.values()) {
            for (boolean experiments : new boolean[] {false, true}) {
                for (boolean mouse : new boolean[] {false, true}) {
                    VirtualScreen vs = new VirtualScreen(60, 15,
                            VirtualScreen.mouse(Settings.defaults().withLanguage(language), mouse)).show(Snapshots.lab().build());
                    if (experiments) {
                        vs.press('x');
                    }
                    vs.press('h');
                    for (String[] line : HelpOverlay.lines(Texts.of(language), vs.view.keys(), mouse)) {
                        assertThat(vs.text()).as("%s help, mouse %s", language, mouse).contains(line[0]).contains(line[1]);
                    }
                }
            }
        }
    }

    @Test
    void theLKeySwitchesLanguageAtRunTimeEvenWithHelpOpen() {
        VirtualScreen vs = new VirtualScreen(120, 30).show(Snapshots.lab().build());
        assertThat(vs.rows().get(29)).contains("Quit").contains("L Español");
        vs.press('L');
        assertThat(vs.rows().get(29)).contains("Salir").contains("L English");
        assertThat(vs.text()).contains("USUARIO");
        vs.press('h');
        assertThat(vs.text()).contains("Teclas de Telar");
        vs.press('L');
        assertThat(vs.text()).contains("Telar keys");
        vs.press(KeyType.Escape);
        vs.press('x');
        vs.press('L');
        assertThat(vs.text()).contains("Referencia");
        // Typing a filter is typing: L is a letter there.
        vs.press('x');
        vs.press('/');
        vs.press('L');
        assertThat(vs.view.language()).isEqualTo(Language.ES);
        assertThat(vs.rows().get(29)).contains("Filtro: L");
    }
}

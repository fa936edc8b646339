package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TerminalSize;
import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.config.Theme;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.text.Texts;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** ASCII mode, themes and terminal sizes, checked cell by cell on a virtual terminal. */
class TerminalFitnessTest {
    /** Text colours that wash out on a light background. */
    private static final Set<TextColor.ANSI> PALE = EnumSet.of(TextColor.ANSI.YELLOW, TextColor.ANSI.YELLOW_BRIGHT,
            TextColor.ANSI.WHITE, TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.CYAN, TextColor.ANSI.CYAN_BRIGHT);

    @ParameterizedTest
    @CsvSource({"EN,80,24", "ES,80,24", "EN,200,60", "ES,200,60", "EN,60,15", "ES,60,15"})
    void inAsciiModeEveryCellOfEveryPanelIsAscii(Language language, int columns, int rows) {
        Settings ascii = Settings.defaults().withLanguage(language).withAscii(true);
        Map<String, VirtualScreen> screens = EveryPanel.screens(ascii, columns, rows);
        screens.forEach((name, vs) -> forEachCell(vs, (column, row, cell) -> assertThat(cell.getCharacterString())
                .as("%s in %s at %dx%d, cell %d,%d", name, language, columns, rows, column, row)
                .matches("[\\x20-\\x7e]")));
        // Still readable: accents folded, glyphs replaced by their ASCII stand-ins.
        assertThat(screens.get("processes with threads").text()).contains(language == Language.ES ? "Nucleos 4" : "Cores 4")
                .contains("CPU%v");
        if (rows >= 24) { // at the minimum size the side panel has room for the sweep's verdict only
            assertThat(screens.get("sweep").text()).contains("#####").contains("< ");
        }
    }

    @Test
    void unicodeModeKeepsItsGlyphs() {
        VirtualScreen vs = EveryPanel.screens(Settings.defaults(), 80, 24).get("sweep");
        assertThat(vs.text()).contains("█").contains("◀ fastest").contains("×3.70");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void monoUsesNoColourYetShowsHeadersAndTheSelection(Language language) {
        Settings mono = Settings.defaults().withLanguage(language).withTheme(Theme.MONO);
        Map<String, VirtualScreen> screens = EveryPanel.screens(mono, 120, 40);
        screens.forEach((name, vs) -> forEachCell(vs, (column, row, cell) -> {
            assertThat(cell.getForegroundColor()).as("%s cell %d,%d", name, column, row).isEqualTo(TextColor.ANSI.DEFAULT);
            assertThat(cell.getBackgroundColor()).as("%s cell %d,%d", name, column, row).isEqualTo(TextColor.ANSI.DEFAULT);
        }));
        VirtualScreen processes = screens.get("processes with threads");
        int header = processes.rowOf("PID");
        assertThat(processes.cell(5, header).getModifiers()).contains(SGR.REVERSE);
        int selected = processes.rowOf("java -jar telar.jar");
        assertThat(processes.cell(10, selected).getModifiers()).contains(SGR.REVERSE, SGR.BOLD);
        int other = processes.rowOf("python3 train.py");
        assertThat(processes.cell(10, other).getModifiers()).isEmpty();
        int load = processes.rowOf("Avg [") >= 0 ? processes.rowOf("Avg [") : processes.rowOf("Med [");
        assertThat(processes.cell(0, load).getModifiers()).as("labels are bold").contains(SGR.BOLD);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void lightHasNoPaleTextOnTheTerminalsOwnBackground(Language language) {
        Settings light = Settings.defaults().withLanguage(language).withTheme(Theme.LIGHT);
        Map<String, VirtualScreen> screens = EveryPanel.screens(light, 120, 40);
        screens.forEach((name, vs) -> forEachCell(vs, (column, row, cell) -> {
            if (cell.getBackgroundColor() == TextColor.ANSI.DEFAULT && !cell.getModifiers().contains(SGR.REVERSE)) {
                assertThat(PALE).as("%s cell %d,%d '%s'", name, column, row, cell.getCharacterString())
                        .doesNotContain((TextColor.ANSI) cell.getForegroundColor());
            }
        }));
        // It is a colour theme all the same: labels and busy cores are coloured.
        VirtualScreen processes = screens.get("processes with threads");
        assertThat(processes.cell(0, processes.rowOf("Load") >= 0 ? processes.rowOf("Load") : processes.rowOf("Carga"))
                .getForegroundColor()).isEqualTo(TextColor.ANSI.BLUE);
    }

    @Test
    void everyColourIsOneOfTheSixteenAnsiColours() {
        for (Theme theme : Theme.values()) {
            EveryPanel.screens(Settings.defaults().withTheme(theme), 120, 40).forEach((name, vs) ->
                    forEachCell(vs, (column, row, cell) -> {
                        assertThat(cell.getForegroundColor()).isInstanceOf(TextColor.ANSI.class);
                        assertThat(cell.getBackgroundColor()).isInstanceOf(TextColor.ANSI.class);
                    }));
        }
    }

    @Test
    void theTKeyCyclesDarkLightMono() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        int header = vs.rowOf("PID");
        assertThat(vs.cell(5, header).getBackgroundColor()).isEqualTo(TextColor.ANSI.CYAN);
        vs.press('T');
        assertThat(vs.view.theme()).isEqualTo(Theme.LIGHT);
        assertThat(vs.cell(5, header).getBackgroundColor()).isEqualTo(TextColor.ANSI.BLUE);
        vs.press('T');
        assertThat(vs.view.theme()).isEqualTo(Theme.MONO);
        assertThat(vs.cell(5, header).getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
        assertThat(vs.cell(5, header).getModifiers()).contains(SGR.REVERSE);
        vs.press('T');
        assertThat(vs.view.theme()).isEqualTo(Theme.DARK);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void at80x24EveryViewKeepsWhatMatters(Language language) {
        Map<String, VirtualScreen> screens = EveryPanel.screens(Settings.defaults().withLanguage(language), 80, 24);
        String quit = language == Language.ES ? "q Salir" : "q Quit";
        screens.forEach((name, vs) -> {
            // A read-only lesson has no help key, and while it asks whether to quit, the question is the line.
            if (name.equals("lesson read-only quit asked")) {
                assertThat(vs.rows().get(23)).as(name).startsWith(Texts.of(language).get("lesson.view.quit"));
            } else if (name.startsWith("lesson read-only")) {
                assertThat(vs.rows().get(23)).as(name).contains(quit);
            } else if (!name.equals("too small") && !name.equals("filter input")) {
                assertThat(vs.rows().get(23)).as(name).contains(quit).contains("h ");
            }
        });
        // Every process column, and whole command lines, fit.
        String processes = screens.get("processes with threads").text();
        assertThat(processes).contains("python3 train.py --epochs 5").contains("sshd: alice [priv]")
                .contains("2.0G").contains("73.5");
        // Every field of the form shows, and the results table keeps all of its columns.
        String form = screens.get("results with every status").text();
        for (String field : language == Language.ES
                ? new String[] {"Carga", "Modelo", "Hilos", "Tareas", "Tamaño", "Afinidad", "Referencia", "NÚCLEOS"}
                : new String[] {"Kernel", "Model", "Workers", "Tasks", "Size", "Affinity", "Baseline", "CORES"}) {
            assertThat(form).contains(field);
        }
        assertThat(screens.get("sweep").text()).contains(language == Language.ES ? "◀ más rápido" : "◀ fastest");
    }

    @Test
    void wideTerminalsShowMoreColumnsAndLongerHistory() {
        VirtualScreen narrow = new VirtualScreen(120, 40).show(Snapshots.lab().build());
        VirtualScreen wide = new VirtualScreen(200, 60).show(Snapshots.lab().build());
        assertThat(narrow.text()).doesNotContain("PPID").doesNotContain("MEM%");
        String header = wide.rows().get(wide.rowOf("PPID"));
        assertThat(header).contains("    PID    PPID USER      S  CPU%▾  MEM%    RSS  THR  COMMAND");
        // python3 (pid 812, parent 1) holds 900M of 23.5G: 3.7 %.
        assertThat(wide.text()).contains("    812       1 alice     S   73.5   3.7   900M    1  python3 train.py");
        // The sparkline grows with the cell (the lab history has 6 samples, all shown either way).
        assertThat(CoresPanel.SPARK_MAX_WIDE).isGreaterThan(20);
        assertThat(wide.rows().get(2).stripTrailing().length()).isGreaterThan(150);
    }

    @Test
    void theTooSmallMessageStaysBelow60x15() {
        VirtualScreen vs = new VirtualScreen(59, 15).show(Snapshots.lab().build());
        assertThat(vs.text()).contains("Enlarge the terminal to at least 60×15 (now 59×15)");
        vs.terminal.setTerminalSize(new TerminalSize(60, 14));
        vs.draw();
        assertThat(vs.text()).contains("(now 60×14)");
        vs.terminal.setTerminalSize(new TerminalSize(60, 15));
        vs.draw();
        assertThat(vs.text()).doesNotContain("Enlarge").contains("python3");
    }

    /** Below the width of the one-line request, it wraps at spaces and both sizes stay whole. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EN|40|10|4|Enlarge the terminal to at least 60×15;(now 40×10)",
            "EN|20|5|1|Enlarge the terminal;to at least 60×15;(now 20×5)",
            "ES|20|5|1|Agrande el terminal;al menos a 60×15;(ahora 20×5)",
            "ES|30|2|0|Agrande el terminal al menos a;60×15 (ahora 30×2)",
            // Too few rows for the request wrapped: the short form, with both sizes.
            "EN|10|3|0|need;60×15, now;10×3",
            "ES|30|1|0|mínimo 60×15, ahora 30×1"})
    void theTooSmallMessageWrapsAndKeepsBothSizes(Language language, int columns, int rows, int top, String shown) {
        VirtualScreen vs = new VirtualScreen(columns, rows, Settings.defaults().withLanguage(language))
                .show(Snapshots.lab().build());
        String[] lines = shown.split(";");
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int row = 0; row < rows; row++) {
            String line = row >= top && row < top + lines.length ? lines[row - top] : "";
            int left = (columns - line.length()) / 2;
            expected.add((" ".repeat(left) + line + " ".repeat(columns)).substring(0, columns));
        }
        assertThat(vs.rows()).as("%s at %dx%d", language, columns, rows).isEqualTo(expected);
    }

    private interface CellCheck {
        void check(int column, int row, TextCharacter cell);
    }

    private static void forEachCell(VirtualScreen vs, CellCheck check) {
        TerminalSize size = vs.terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            for (int column = 0; column < size.getColumns(); column++) {
                TextCharacter cell = vs.cell(column, row);
                if (cell != null) {
                    check.check(column, row, cell);
                }
            }
        }
    }
}

package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.view.Outcome;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A panel that throws while drawing: its area says so in one line, the rest of the dashboard is
 * drawn and the keys work, and the stack trace is in the log (once, not on every frame). An Error
 * is not contained.
 */
class PanelFailureTest {
    /** A process list that fails on every frame with {@code failure}. */
    private static final class FailingPanel implements Panel {
        final AtomicInteger calls = new AtomicInteger();
        final RuntimeException failure;
        final Error error;

        FailingPanel(RuntimeException failure, Error error) {
            this.failure = failure;
            this.error = error;
        }

        @Override
        public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
            calls.incrementAndGet();
            screen.clip(area).putString(0, 1, "half drawn");
            if (error != null) {
                throw error;
            }
            throw failure;
        }
    }

    private static Frame frameWith(Panel failing) {
        return new Frame(p -> p instanceof ProcessPanel ? failing : p);
    }

    @Test
    void aFailingPanelShowsOneLineInItsAreaAndTheRestGoesOn() throws IOException {
        String marker = "marker-" + Long.toHexString(System.nanoTime());
        FailingPanel failing = new FailingPanel(new NullPointerException(marker), null);
        VirtualScreen vs = new VirtualScreen(100, 30, Settings.defaults(), frameWith(failing));
        vs.show(Snapshots.lab().build());

        List<String> rows = vs.rows();
        int area = Frame.layout(vs.terminal.getTerminalSize(), Snapshots.lab().build().cores().size()).processes().row();
        assertThat(rows.get(area).strip()).isEqualTo("panel error: NullPointerException — see the log");
        assertThat(rows.get(area + 1).strip()).as("what the panel drew before it failed is blanked").isEmpty();
        assertThat(rows.get(0)).as("the header is drawn").contains("robot-7");
        assertThat(vs.text()).as("the cores are drawn").contains("Avg");
        assertThat(rows.get(29)).as("the footer is drawn").contains("Help");

        // The keys still work: the help opens over the failed panel, and another view draws normally.
        assertThat(vs.press('h')).isEqualTo(Outcome.REDRAW);
        assertThat(vs.draw().text()).contains("Telar keys");
        vs.press('h');
        vs.press('x');
        vs.draw();
        assertThat(vs.text()).contains("Kernel").doesNotContain("panel error");
        vs.press('x');
        vs.draw();
        vs.press('L');
        vs.draw();
        assertThat(vs.rows().get(area).strip()).as("in the chosen language")
                .isEqualTo("error del panel: NullPointerException — ver el registro");

        // Logged with its stack trace, once however many frames failed.
        assertThat(failing.calls.get()).isGreaterThanOrEqualTo(3);
        String log = Files.readString(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")));
        assertThat(log).containsOnlyOnce("java.lang.NullPointerException: " + marker);
        String trace = log.substring(log.indexOf("java.lang.NullPointerException: " + marker));
        assertThat(trace).as("the stack trace follows").contains("\tat " + PanelFailureTest.class.getName() + ".");
        assertThat(log.substring(0, log.indexOf("java.lang.NullPointerException: " + marker)))
                .contains("the panel FailingPanel failed to draw");
    }

    @Test
    void anErrorIsNotContained() {
        FailingPanel failing = new FailingPanel(null, new StackOverflowError());
        VirtualScreen vs = new VirtualScreen(100, 30, Settings.defaults(), frameWith(failing));
        assertThatThrownBy(() -> vs.show(Snapshots.lab().build())).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void theLineFitsTheAreaWhateverTheLanguage() {
        for (Language language : Language.values()) {
            String line = dev.telar.tui.text.Texts.of(language).format("panel.error", "IllegalArgumentException");
            assertThat(line.length()).as(line).isLessThanOrEqualTo(60);
        }
    }
}

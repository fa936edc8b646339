package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.text.Texts;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each view's key table is the one place its keys are declared: every key of every binding
 * reaches that binding and no other, every binding has its help line, and every hint is in the
 * footer (with the key a click on it presses among the binding's own), in both languages.
 */
class KeyTablesTest {
    /** The key that opens each view from the process list. */
    private static final Map<ViewState.Mode, Character> OPEN = Map.of(ViewState.Mode.EXPERIMENTS, 'x',
            ViewState.Mode.EXCHANGE, 'X', ViewState.Mode.SYNC, 'y', ViewState.Mode.FLEET, 'f',
            ViewState.Mode.LESSON, 'g');

    private static VirtualScreen shown(ViewState.Mode mode, Language language) {
        VirtualScreen vs = new VirtualScreen(200, 60, Settings.defaults().withLanguage(language))
                .show(Snapshots.lab().build());
        if (OPEN.containsKey(mode)) {
            vs.press(OPEN.get(mode));
        }
        assertThat(vs.view.mode()).isEqualTo(mode);
        return vs;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyDispatchesToItsBindingAndEveryBindingIsInTheHelpAndFooter(Language language) {
        Texts t = Texts.of(language);
        for (ViewState.Mode mode : ViewState.Mode.values()) {
            VirtualScreen vs = shown(mode, language);
            KeyTable table = vs.view.keys();
            assertThat(table.bindings()).as("%s has keys", mode).hasSizeGreaterThan(5);
            Set<String> ids = new HashSet<>();
            for (Binding b : table.bindings()) {
                assertThat(ids.add(b.id())).as("%s: one help line per binding, %s twice", mode, b.id()).isTrue();
                for (Key k : b.keys()) {
                    assertThat(vs.keys.bindingFor(k.stroke())).as("%s: %s reaches %s", mode, k, b.id()).containsSame(b);
                }
                for (Hint h : b.hints()) {
                    assertThat(b.keys()).as("%s: the hint %s presses a key of %s", mode, h.key(), b.id()).contains(h.press());
                }
            }
            String footer = vs.rows().get(59);
            for (Hint h : table.hints()) {
                assertThat(footer).as("%s footer in %s", mode, language).contains(h.key() + " " + t.get(h.label()) + " ");
            }
            vs.press('h');
            String help = vs.text();
            for (Binding b : table.bindings()) {
                String id = "help." + b.id();
                assertThat(t.has(id + ".keys") && t.has(id)).as("%s: words of %s in %s", mode, b.id(), language).isTrue();
                // The mouse is on: a line that says more when clicks work says that.
                String meaning = t.get(t.has(id + ".mouse") ? id + ".mouse" : id);
                assertThat(help).as("%s help in %s", mode, language).contains(t.get(id + ".keys")).contains(meaning);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ViewState.Mode.class)
    void everyKeyOfAViewCanBePressedThereAndTheQuitKeysQuit(ViewState.Mode mode) {
        List<Binding> bindings = shown(mode, Language.EN).view.keys().bindings();
        for (Binding b : bindings) {
            for (Key k : b.keys()) {
                VirtualScreen vs = shown(mode, Language.EN);
                Outcome outcome = vs.press(k.stroke());
                if (b.id().equals("quit")) {
                    assertThat(outcome).as("%s in %s", k, mode).isEqualTo(k.ctrl() && k.character() == 'z'
                            ? Outcome.SUSPEND : Outcome.QUIT);
                } else {
                    assertThat(outcome).as("%s in %s", k, mode).isIn(Outcome.REDRAW, Outcome.IGNORED);
                }
            }
        }
    }
}

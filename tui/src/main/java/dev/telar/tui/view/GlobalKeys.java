package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.config.Language;
import dev.telar.config.Theme;

/**
 * The keys every view shares, declared once: help first, and after the view's own keys the
 * refresh rate, the view switches, language and theme, and quit (with Ctrl-Z, told on its line).
 * The view switches read per view: the key of the view shown goes back to the process list.
 */
final class GlobalKeys {
    private final ViewState view;
    private final Sampling sampling;
    private final Binding help;
    private final Binding quit;
    private final Binding look;
    private final Runnable jobViewOpened;

    /** @param jobViewOpened called when a job view opens, so the lab can start before the first job */
    GlobalKeys(ViewState view, Sampling sampling, Runnable jobViewOpened) {
        this.view = view;
        this.sampling = sampling;
        this.jobViewOpened = jobViewOpened;
        this.help = Binding.of("help", k -> toggleHelp(), Key.of('h'), Key.of(KeyType.F1))
                .hint("F1/h", "h", "footer.help", "footer.help", Hint.ALWAYS).overHelp();
        this.quit = Binding.of("quit", k -> Key.ctrl('z').matches(k) ? Outcome.SUSPEND : Outcome.QUIT, Key.of('q'),
                Key.of(KeyType.F10), Key.ctrl('c'), Key.ctrl('z')).hint("q", "q", "footer.quit", "footer.quit", 11)
                .overHelp();
        this.look = Binding.of("look", this::look, Key.of('L'), Key.of('T'))
                .hint(new Hint("L", "L", "footer.language", "footer.language", 3, Key.of('L')))
                .hint(new Hint("T", "T", "footer.theme", "footer.theme", 1, Key.of('T'))).overHelp();
    }

    /** Quit and suspend: they work in every view, with help open, and while a filter is typed. */
    Binding quit() {
        return quit;
    }

    /** The shared keys that come before a view's own. */
    KeyTable head() {
        return KeyTable.of(help);
    }

    /**
     * The shared keys that come after the own keys of the view {@code shown}. Their hints leave
     * room for the view's own: the refresh rate is hinted in the process list only, the view
     * keys there and between the two form views, and everywhere the key that goes back.
     */
    KeyTable tail(ViewState.Mode shown) {
        Binding rate = Binding.of("rate", k -> sampling.interval(k.getCharacter() == '+'
                        ? RefreshSteps.faster(view.intervalMillis()) : RefreshSteps.slower(view.intervalMillis())),
                Key.of('+'), Key.of('-'));
        Binding views = Binding.of("views", this::switchView, Key.of('x'), Key.of(KeyType.F2), Key.of('X'), Key.of('y'),
                Key.of('f'), Key.of('g'));
        switch (shown) {
            case PROCESSES -> {
                rate = rate.hint("+/-", "+/-", "footer.rate", "footer.rate.short", 2);
                views = views.hint(viewHint('x', "footer.experiments", 8)).hint(viewHint('X', "footer.exchange", 5))
                        .hint(viewHint('y', "footer.sync", 2)).hint(viewHint('f', "footer.fleet", 1))
                        .hint(viewHint('g', "footer.lesson", 1));
            }
            case EXPERIMENTS -> views = views.hint(backHint('x')).hint(viewHint('X', "footer.exchange", 2));
            case EXCHANGE -> views = views.hint(backHint('X')).hint(viewHint('x', "footer.experiments", 1));
            case FLEET -> views = views.hint(backHint('f'));
            case LESSON -> views = views.hint(backHint('g'));
            default -> views = views.hint(backHint('y'));
        }
        return KeyTable.of(rate, views, look, quit);
    }

    private static Hint viewHint(char key, String label, int priority) {
        String name = String.valueOf(key);
        return new Hint(name, name, label, label + ".short", priority, Key.of(key));
    }

    /** The hint of the shown view's own key, which goes back to the process list. */
    private static Hint backHint(char key) {
        String name = String.valueOf(key);
        return new Hint(name, name, "footer.processes", "footer.processes.short", 8, Key.of(key));
    }

    private Outcome toggleHelp() {
        view.setHelpVisible(!view.helpVisible());
        return Outcome.REDRAW;
    }

    private Outcome look(KeyStroke key) {
        if (key.getCharacter() == 'L') {
            view.setLanguage(view.language() == Language.EN ? Language.ES : Language.EN);
        } else {
            Theme[] themes = Theme.values();
            view.setTheme(themes[(view.theme().ordinal() + 1) % themes.length]);
        }
        return Outcome.REDRAW;
    }

    /** x or F2, X, y, f, g: that view, or back to the process list from it. */
    private Outcome switchView(KeyStroke key) {
        ViewState.Mode target = key.getKeyType() == KeyType.F2 || key.getCharacter() == 'x' ? ViewState.Mode.EXPERIMENTS
                : key.getCharacter() == 'X' ? ViewState.Mode.EXCHANGE
                : key.getCharacter() == 'f' ? ViewState.Mode.FLEET
                : key.getCharacter() == 'g' ? ViewState.Mode.LESSON : ViewState.Mode.SYNC;
        view.setMode(view.mode() == target ? ViewState.Mode.PROCESSES : target);
        // The fleet runs no job: the lab need not start for it.
        if (view.mode() != ViewState.Mode.PROCESSES && view.mode() != ViewState.Mode.FLEET) {
            jobViewOpened.run();
        }
        sampling.follow(true);
        return Outcome.REDRAW;
    }
}

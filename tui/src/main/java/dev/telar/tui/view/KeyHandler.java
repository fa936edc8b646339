package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.probe.SystemSnapshot;
import java.util.Set;

/**
 * Applies key strokes and new snapshots to a {@link ViewState}; the one place where the user's
 * keys change what is shown or steer the sampler. Runs on the UI thread only.
 *
 * <p>The real loop and the tests feed it the same {@link KeyStroke}s, so key handling is tested
 * exactly as it runs.
 */
public final class KeyHandler {
    /** What the loop should do after an event. */
    public enum Outcome {
        /** Nothing changed; do not redraw. */
        IGNORED,
        /** The view changed; redraw. */
        REDRAW,
        /** The user asked to quit. */
        QUIT
    }

    private final ViewState view;
    private final SamplerControl sampler;

    /**
     * @param view    the state to change
     * @param sampler the sampler to steer on user action (interval, threads of the expanded process)
     */
    public KeyHandler(ViewState view, SamplerControl sampler) {
        this.view = view;
        this.sampler = sampler;
    }

    /** The state this handler changes. */
    public ViewState view() {
        return view;
    }

    /** Takes a new snapshot; always worth a redraw. */
    public Outcome onSnapshot(SystemSnapshot snapshot) {
        view.setSnapshot(snapshot);
        return Outcome.REDRAW;
    }

    /** Applies one key stroke. */
    public Outcome onKey(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF || isCtrl(key, 'c')) {
            // EOF: the terminal is gone (e.g. the SSH connection dropped); nothing more can be read.
            return Outcome.QUIT;
        }
        if (view.editingFilter()) {
            return onFilterKey(key);
        }
        if (view.helpVisible()) {
            return onHelpKey(key);
        }
        return onListKey(key);
    }

    private Outcome onFilterKey(KeyStroke key) {
        switch (key.getKeyType()) {
            case Enter:
                view.setFilter(view.filterDraft().strip());
                view.setEditingFilter(false);
                return Outcome.REDRAW;
            case Escape:
                view.draft().setLength(0);
                view.setFilter("");
                view.setEditingFilter(false);
                return Outcome.REDRAW;
            case Backspace:
                if (view.draft().length() > 0) {
                    view.draft().setLength(view.draft().length() - 1);
                }
                return Outcome.REDRAW;
            case Character:
                if (key.isCtrlDown() || key.isAltDown()) {
                    return Outcome.IGNORED;
                }
                if (view.draft().length() < 200) {
                    view.draft().append(key.getCharacter());
                }
                return Outcome.REDRAW;
            default:
                return Outcome.IGNORED;
        }
    }

    private Outcome onHelpKey(KeyStroke key) {
        if (isQuit(key)) {
            return Outcome.QUIT;
        }
        if (key.getKeyType() == KeyType.Escape || key.getKeyType() == KeyType.F1 || isChar(key, 'h')) {
            view.setHelpVisible(false);
            return Outcome.REDRAW;
        }
        return Outcome.IGNORED;
    }

    private Outcome onListKey(KeyStroke key) {
        if (isQuit(key)) {
            return Outcome.QUIT;
        }
        switch (key.getKeyType()) {
            case F1:
                view.setHelpVisible(true);
                return Outcome.REDRAW;
            case F6:
                return cycleSort();
            case ArrowUp:
                return moveTo(view.selectedIndex() - 1);
            case ArrowDown:
                return moveTo(view.selectedIndex() + 1);
            case PageUp:
                return moveTo(view.selectedIndex() - view.pageRows());
            case PageDown:
                return moveTo(view.selectedIndex() + view.pageRows());
            case Home:
                return moveTo(0);
            case End:
                return moveTo(Integer.MAX_VALUE);
            case Enter:
                return toggleThreads();
            case Escape:
                if (view.filter().isEmpty()) {
                    return Outcome.IGNORED;
                }
                view.setFilter("");
                return Outcome.REDRAW;
            case Character:
                return onCharacter(key);
            default:
                return Outcome.IGNORED;
        }
    }

    private Outcome onCharacter(KeyStroke key) {
        if (key.isCtrlDown() || key.isAltDown()) {
            return Outcome.IGNORED;
        }
        switch (key.getCharacter()) {
            case 'h':
                view.setHelpVisible(true);
                return Outcome.REDRAW;
            case '/':
                view.draft().setLength(0);
                view.draft().append(view.filter());
                view.setEditingFilter(true);
                return Outcome.REDRAW;
            case 's':
                return cycleSort();
            case 't':
                view.setTelarOnly(!view.telarOnly());
                return Outcome.REDRAW;
            case '+':
                return setInterval(RefreshSteps.faster(view.intervalMillis()));
            case '-':
                return setInterval(RefreshSteps.slower(view.intervalMillis()));
            default:
                return Outcome.IGNORED;
        }
    }

    private Outcome cycleSort() {
        view.setSort(view.sort().next());
        return Outcome.REDRAW;
    }

    private Outcome setInterval(long millis) {
        long applied = sampler.setIntervalMillis(millis);
        if (applied == view.intervalMillis()) {
            return Outcome.IGNORED;
        }
        view.setIntervalMillis(applied);
        return Outcome.REDRAW;
    }

    private Outcome moveTo(int index) {
        int before = view.selectedIndex();
        view.select(index);
        return view.selectedIndex() == before ? Outcome.IGNORED : Outcome.REDRAW;
    }

    private Outcome toggleThreads() {
        int pid = view.selectedPid();
        if (pid < 0) {
            return Outcome.IGNORED;
        }
        if (view.expandedPid() == pid) {
            view.setExpandedPid(-1);
            sampler.setThreadsFor(Set.of());
            return Outcome.REDRAW;
        }
        view.setExpandedPid(pid);
        // Threads are read only for the process the user opened; ask for a sample now so they
        // appear without waiting a whole interval.
        sampler.setThreadsFor(Set.of(pid));
        sampler.requestNow();
        return Outcome.REDRAW;
    }

    private static boolean isQuit(KeyStroke key) {
        return key.getKeyType() == KeyType.F10 || isChar(key, 'q');
    }

    private static boolean isChar(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.getCharacter() == c
                && !key.isCtrlDown() && !key.isAltDown();
    }

    private static boolean isCtrl(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown() && !key.isAltDown()
                && Character.toLowerCase(key.getCharacter()) == c;
    }
}

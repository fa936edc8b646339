package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * The process list's controller: moving the selection (keys, wheel, clicks), the filter and its
 * editing, the sort order, "Telar only", following the selection, and a process's threads.
 */
final class ProcessListController implements ViewController {
    /** Rows one notch of the mouse wheel moves the selection. */
    static final int WHEEL_ROWS = 3;
    /** Longest filter text, characters. */
    private static final int MAX_FILTER = 200;

    private final ViewState view;
    private final Sampling sampling;
    private final KeyTable keys;

    ProcessListController(ViewState view, Sampling sampling) {
        this.view = view;
        this.sampling = sampling;
        this.keys = KeyTable.of(
                Binding.of("esc", k -> clearFilter(), Key.of(KeyType.Escape)),
                Binding.of("move", this::move, Key.of(KeyType.ArrowUp), Key.of(KeyType.ArrowDown),
                        Key.of(KeyType.PageUp), Key.of(KeyType.PageDown)),
                Binding.of("home", k -> moveTo(k.getKeyType() == KeyType.Home ? 0 : Integer.MAX_VALUE),
                        Key.of(KeyType.Home), Key.of(KeyType.End)),
                Binding.of("filter", k -> startFilter(), Key.of('/')).hint("/", "/", "footer.filter", "footer.filter", 7),
                Binding.of("sort", k -> sort(view.sort().next()), Key.of('s'), Key.of(KeyType.F6))
                        .hint("F6/s", "s", "footer.sort", "footer.sort", 6),
                Binding.of("telar", k -> telarOnly(), Key.of('t'))
                        .hint("t", "t", "footer.telaronly", "footer.telaronly.short", 4),
                Binding.of("follow", k -> follow(), Key.of('F')),
                Binding.of("threads", k -> toggleThreads(), Key.of(KeyType.Enter))
                        .hint("Enter", "Enter", "footer.threads", "footer.threads.short", 5));
    }

    @Override
    public KeyTable keys() {
        return keys;
    }

    @Override
    public boolean typing() {
        return view.editingFilter();
    }

    /** While the filter is typed, every key is text for it but Enter (apply), Esc (clear) and Backspace. */
    @Override
    public Outcome capture(KeyStroke key) {
        if (!view.editingFilter()) {
            return null;
        }
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
                if (view.draft().length() < MAX_FILTER) {
                    view.draft().append(key.getCharacter());
                }
                return Outcome.REDRAW;
            default:
                return Outcome.IGNORED;
        }
    }

    @Override
    public Outcome wheel(int step) {
        return moveTo(view.selectedIndex() + step * WHEEL_ROWS);
    }

    @Override
    public Outcome click(Target.Action action, int argument) {
        switch (action) {
            case SELECT_PROCESS:
                return moveTo(argument);
            case SORT:
                return sort(SortKey.values()[argument]);
            default:
                return Outcome.IGNORED;
        }
    }

    private Outcome move(KeyStroke key) {
        int at = view.selectedIndex();
        return switch (key.getKeyType()) {
            case ArrowUp -> moveTo(at - 1);
            case ArrowDown -> moveTo(at + 1);
            case PageUp -> moveTo(at - view.pageRows());
            default -> moveTo(at + view.pageRows());
        };
    }

    private Outcome moveTo(int index) {
        view.setFollow(false); // as in htop: moving the bar ends following
        int before = view.selectedIndex();
        view.select(index);
        return view.selectedIndex() == before ? Outcome.IGNORED : Outcome.REDRAW;
    }

    private Outcome clearFilter() {
        if (view.filter().isEmpty()) {
            return Outcome.IGNORED;
        }
        view.setFilter("");
        return Outcome.REDRAW;
    }

    private Outcome startFilter() {
        view.draft().setLength(0);
        view.draft().append(view.filter());
        view.setEditingFilter(true);
        return Outcome.REDRAW;
    }

    private Outcome sort(SortKey key) {
        view.setSort(key);
        return Outcome.REDRAW;
    }

    private Outcome telarOnly() {
        view.setTelarOnly(!view.telarOnly());
        return Outcome.REDRAW;
    }

    private Outcome follow() {
        view.setFollow(!view.follow());
        return Outcome.REDRAW;
    }

    private Outcome toggleThreads() {
        int pid = view.selectedPid();
        if (pid < 0) {
            return Outcome.IGNORED;
        }
        boolean open = view.expandedPid() != pid;
        view.setExpandedPid(open ? pid : -1);
        // Threads are read only for the process the user opened; ask for a sample now so they
        // appear without waiting a whole interval.
        sampling.follow(open);
        return Outcome.REDRAW;
    }
}

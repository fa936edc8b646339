package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * The fleet view's controller: Up/Down (and the wheel) choose a host, Enter opens that host's
 * read-only view, Esc goes back to the list. The link to the manager is opened when the view is
 * shown and closed when it is left.
 */
final class FleetController implements ViewController {
    private final FleetState s;
    private final FleetLink link;
    private final KeyTable keys;

    FleetController(FleetState s, FleetLink link) {
        this.s = s;
        this.link = link;
        this.keys = KeyTable.of(
                Binding.of("f.select", this::select, Key.of(KeyType.ArrowUp), Key.of(KeyType.ArrowDown))
                        .hint("↑↓", "Up/Dn", "footer.host", "footer.host", 6),
                Binding.of("f.open", k -> s.openSelected() ? Outcome.REDRAW : Outcome.IGNORED, Key.of(KeyType.Enter))
                        .hint("Enter", "Enter", "footer.open", "footer.open", 7),
                Binding.of("f.back", k -> s.back() ? Outcome.REDRAW : Outcome.IGNORED, Key.of(KeyType.Escape))
                        .hint("Esc", "Esc", "footer.back", "footer.back", 5));
    }

    @Override
    public KeyTable keys() {
        return keys;
    }

    @Override
    public Outcome wheel(int step) {
        s.move(step);
        return Outcome.REDRAW;
    }

    private Outcome select(KeyStroke key) {
        s.move(key.getKeyType() == KeyType.ArrowUp ? -1 : 1);
        return Outcome.REDRAW;
    }

    /** The view was shown: follow the fleet, when a manager is configured. */
    void shown() {
        s.configured(link.configured());
        if (link.configured()) {
            link.open();
        }
    }

    /** The view was left: let the manager go. */
    void hidden() {
        link.close();
        s.reset();
    }

    void news(FleetNews news) {
        s.news(news);
    }

    /** A sampler tick while shown: ages move on and gone hosts past their time drop out. */
    void tick() {
        s.refresh(link.latest());
    }
}

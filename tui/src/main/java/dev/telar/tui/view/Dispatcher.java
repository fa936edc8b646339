package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.telar.probe.SystemSnapshot;
import dev.telar.workloads.lab.Lab;
import dev.telar.workloads.lab.LabEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands every event of the UI thread to whom it concerns: a key to the shown view's
 * {@link KeyTable} (its controller's keys with the shared ones around them), a click to what the
 * last frame laid out under it, a snapshot to the view state, a lab event to the job views. The
 * controllers are the only code that changes the view state. UI thread only.
 *
 * <p>Jobs go to the one {@link Lab} as commands; whether one starts is the lab's answer. Its events
 * (start, end, refusal, news and progress) come back in order through the event loop's queue, and
 * are the only way a view learns of its job. The real loop and the tests feed the same key strokes
 * and events, so what is tested is what runs.
 */
public final class Dispatcher {
    /** Rows one notch of the mouse wheel moves the process selection. */
    public static final int WHEEL_ROWS = ProcessListController.WHEEL_ROWS;

    private final ViewState view;
    private final Sampling sampling;
    private final LabLink lab;
    private final GlobalKeys global;
    private final FleetController fleet;
    private final LessonController lesson;
    private final Map<ViewState.Mode, ViewController> controllers = new EnumMap<>(ViewState.Mode.class);

    /**
     * @param view    the state the controllers change; it is given the key tables the footer and help draw
     * @param sampler the sampler to steer (interval, threads listed)
     * @param lab     where the job views send their jobs; its events come back through {@link #onLab}
     */
    public Dispatcher(ViewState view, SamplerControl sampler, Lab lab) {
        this(view, sampler, lab, FleetLink.NONE);
    }

    /**
     * As above, with the fleet view's way to the manager.
     *
     * @param fleet opened while the fleet view is shown, closed when it is left
     */
    public Dispatcher(ViewState view, SamplerControl sampler, Lab lab, FleetLink fleet) {
        this(view, sampler, lab, fleet, Optional.empty());
    }

    /**
     * As above, opened on the lesson view with {@code lesson}'s options when given ({@code telar
     * lesson}): its first job (measuring this machine) is sent at once.
     */
    public Dispatcher(ViewState view, SamplerControl sampler, Lab lab, FleetLink fleet, Optional<LessonOptions> lesson) {
        this.view = view;
        this.sampling = new Sampling(sampler, view);
        this.lab = new LabLink(view, lab);
        this.global = new GlobalKeys(view, sampling, this.lab::warmUp);
        ExperimentsController experiments = new ExperimentsController(view.experiments(), sampling, this.lab);
        ExchangeController exchange = new ExchangeController(view.exchange(), this.lab);
        SyncController sync = new SyncController(view.sync(), this.lab);
        this.lab.serve(experiments, exchange, sync);
        controllers.put(ViewState.Mode.PROCESSES, new ProcessListController(view, sampling));
        controllers.put(ViewState.Mode.EXPERIMENTS, experiments);
        controllers.put(ViewState.Mode.EXCHANGE, exchange);
        controllers.put(ViewState.Mode.SYNC, sync);
        this.fleet = new FleetController(view.fleet(), fleet);
        controllers.put(ViewState.Mode.FLEET, this.fleet);
        this.lesson = new LessonController(view.lesson(), view, this.lab);
        controllers.put(ViewState.Mode.LESSON, this.lesson);
        Map<ViewState.Mode, KeyTable> tables = new EnumMap<>(ViewState.Mode.class);
        controllers.forEach((mode, c) -> tables.put(mode, KeyTable.join(global.head(), c.keys(), global.tail(mode))));
        // Read-only, the lesson's footer and help tell only what works: the step keys and a quit that asks.
        lesson.filter(LessonOptions::readonly).ifPresent(o -> tables.put(ViewState.Mode.LESSON, this.lesson.readonlyKeys()));
        view.setKeyTables(tables);
        lesson.ifPresent(o -> {
            this.lab.warmUp();
            this.lesson.open(o);
        });
    }

    /** The state the controllers change. */
    public ViewState view() {
        return view;
    }

    /** Takes a new snapshot; always worth a redraw. */
    public Outcome onSnapshot(SystemSnapshot snapshot) {
        view.setSnapshot(snapshot);
        if (view.mode() == ViewState.Mode.FLEET) {
            fleet.tick();
        }
        // The sampler's snapshots are the lesson's clock (the loop has no timer).
        lesson.tick(System.nanoTime());
        return Outcome.REDRAW;
    }

    /** Takes the fleet link's news. */
    public Outcome onFleet(FleetNews news) {
        if (view.mode() != ViewState.Mode.FLEET) {
            return Outcome.IGNORED; // late news of a link just closed
        }
        fleet.news(news);
        return Outcome.REDRAW;
    }

    /**
     * Keeps what the frame just drawn laid out: the click targets the next clicks hit, and the
     * process list's page for PgUp/PgDn and the next frame's scrolling.
     */
    public void laidOut(LaidOut frame) {
        view.setLaidOut(frame);
    }

    /** Takes an event of the lab, delivered in the lab's order through the event loop's queue. */
    public Outcome onLab(LabEvent event) {
        lab.onLab(event);
        // After the views that own the job kinds: their panels show the lesson's runs live.
        lesson.onLab(event);
        // A run's children, or the lab's own process, may have changed what the screen lists threads of.
        sampling.follow(false);
        return Outcome.REDRAW;
    }

    /**
     * Applies one key stroke or mouse action. End of input and Ctrl-C quit, and Ctrl-Z suspends,
     * in every state; a view that holds the keyboard (a filter being typed) takes every other key;
     * with help open only the keys that work over it do.
     */
    public Outcome onKey(KeyStroke key) {
        ViewState.Mode before = view.mode();
        Outcome outcome = applyKey(key);
        if (view.mode() != before) {
            if (before == ViewState.Mode.FLEET) {
                fleet.hidden();
            } else if (view.mode() == ViewState.Mode.FLEET) {
                fleet.shown();
            }
            if (before == ViewState.Mode.LESSON) {
                lesson.hidden();
            } else if (view.mode() == ViewState.Mode.LESSON) {
                lesson.shown();
            }
        }
        return outcome;
    }

    private Outcome applyKey(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            // The terminal is gone (e.g. the SSH connection dropped); nothing more can be read.
            return Outcome.QUIT;
        }
        // A read-only lesson, or one asking whether to quit, takes every key first (Ctrl-C too).
        Outcome lessonFirst = lesson.intercept(key);
        if (lessonFirst != null) {
            return lessonFirst;
        }
        if (key.isCtrlDown() && global.quit().matches(key)) {
            return global.quit().run(key);
        }
        if (key instanceof MouseAction mouse) {
            return onMouse(mouse);
        }
        Outcome captured = shown().capture(key);
        if (captured != null) {
            return captured;
        }
        Optional<Binding> binding = bindingFor(key);
        if (view.helpVisible()) {
            if (key.getKeyType() == KeyType.Escape) {
                view.setHelpVisible(false);
                return Outcome.REDRAW;
            }
            binding = binding.filter(Binding::worksOverHelp);
        }
        return binding.map(b -> b.run(key)).orElse(Outcome.IGNORED);
    }

    /** The binding of the shown view's table that {@code key} runs, if any. */
    Optional<Binding> bindingFor(KeyStroke key) {
        return view.keys().find(key);
    }

    /**
     * A press of the first button hits the target the last frame laid out under it; the wheel goes to
     * the view shown. Releases and other buttons are ignored, and so is everything while a filter
     * is typed. With help open, a click closes it.
     */
    private Outcome onMouse(MouseAction mouse) {
        if (shown().typing()) {
            return Outcome.IGNORED;
        }
        MouseActionType type = mouse.getActionType();
        if (type == MouseActionType.SCROLL_UP || type == MouseActionType.SCROLL_DOWN) {
            return view.helpVisible() ? Outcome.IGNORED : shown().wheel(type == MouseActionType.SCROLL_UP ? -1 : 1);
        }
        if (type != MouseActionType.CLICK_DOWN || mouse.getButton() != 1) {
            return Outcome.IGNORED;
        }
        if (view.helpVisible()) {
            view.setHelpVisible(false);
            return Outcome.REDRAW;
        }
        Optional<Target> hit = view.laidOut().at(mouse.getPosition().getColumn(), mouse.getPosition().getRow());
        if (hit.isEmpty()) {
            return Outcome.IGNORED;
        }
        Target target = hit.get();
        return target.action() == Target.Action.KEY ? applyKey(target.key()) : shown().click(target.action(), target.argument());
    }

    private ViewController shown() {
        return controllers.get(view.mode());
    }
}

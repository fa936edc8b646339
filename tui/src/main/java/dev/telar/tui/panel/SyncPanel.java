package dev.telar.tui.panel;

import com.googlecode.lanterna.input.KeyStroke;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.SyncViewState;
import dev.telar.tui.view.Target;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.remote.ManagerLink;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.BarrierFigures;
import dev.telar.workloads.sync.scenario.ConditionFigures;
import dev.telar.workloads.sync.scenario.EventFigures;
import dev.telar.workloads.sync.scenario.LockFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.RLockFigures;
import dev.telar.workloads.sync.scenario.RemoteRun;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import dev.telar.workloads.sync.scenario.SemaphoreFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sync view's body: a tab per primitive (1-6), a line with the choices (threads or
 * processes, pace, the Lock scenario's lock) and the run's status, the chosen primitive's own
 * panel, the workers, and at the bottom the outcome, a note, or what to press. A click on a tab
 * chooses that primitive. Draws from the {@link SyncViewState} only.
 */
public final class SyncPanel implements Panel {
    private final PrimitivePanel[] panels = {new LockPanel(), new RLockPanel(), new SemaphorePanel(),
        new ConditionPanel(), new EventPanel(), new BarrierPanel()};

    /** The panel that draws {@code p}'s state. */
    static PrimitivePanel panelOf(PrimitivePanel[] panels, Primitive p) {
        return panels[p.ordinal()];
    }

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts t = Texts.of(view.language());
        SyncViewState s = view.sync();
        int width = area.width();
        if (area.height() < 3) {
            return LaidOut.NOTHING;
        }
        List<Target> tabs = drawTabs(g, p, t, s, width);
        drawChoices(g, p, t, s, width);
        int workersRow = area.height() >= 8 ? 1 : 0;
        Area body = new Area(area.column(), area.row() + 2, width, area.height() - 3 - workersRow);
        LaidOut primitive = panelOf(panels, s.primitive()).render(screen, body, snap, view);
        Optional<ScenarioSnapshot> shot = s.snapshot().filter(x -> x.primitive() == s.primitive());
        if (workersRow == 1) {
            String names = shot.map(x -> String.join(" ", x.workers())).orElse("");
            p.label(g);
            String label = " " + t.get("sync.l.workers") + " ";
            g.putString(0, area.height() - 2, label);
            p.plain(g);
            g.putString(label.length(), area.height() - 2, Units.fit(names.isEmpty() ? "-" : names, width - label.length()));
        }
        drawBottom(g, p, t, s, shot, width, area.height() - 1, workersRow == 1);
        return LaidOut.of(tabs).then(primitive);
    }

    /** The tabs, and a click target on each that presses its number. */
    private static List<Target> drawTabs(Canvas g, Palette p, Texts t, SyncViewState s, int width) {
        List<Target> targets = new ArrayList<>();
        p.bar(g);
        g.putString(0, 0, Units.fit("", width));
        int col = 0;
        for (Primitive each : Primitive.values()) {
            String tab = " " + (each.ordinal() + 1) + " " + t.get("sync.tab." + each.label()) + " ";
            if (each == s.primitive()) {
                p.selected(g);
            } else {
                p.bar(g);
            }
            g.putString(col, 0, tab);
            targets.add(Target.key(g.top(), g.left() + col, g.left() + col + tab.length() - 1,
                    new KeyStroke((char) ('1' + each.ordinal()), false, false)));
            col += tab.length();
        }
        return targets;
    }

    private static void drawChoices(Canvas g, Palette p, Texts t, SyncViewState s, int width) {
        String mode = s.mode() == Mode.REMOTE && s.manager().isPresent()
                ? t.format("sync.mode.remote.at", s.manager().get().address()) : modeText(t, s.mode());
        String pace = t.get("sync.pace." + (int) s.slowdown());
        StringBuilder line = new StringBuilder(t.format("sync.choices", mode, pace));
        if (s.primitive() == Primitive.LOCK) {
            line.append("  ").append(t.format("sync.choices.lock", t.get(s.lockEnabled() ? "sync.on" : "sync.off")));
        }
        p.plain(g);
        g.putString(1, 1, Units.fit(line.toString(), width - 1));
        String status = status(t, s);
        p.strong(g);
        if (line.length() + status.length() + 3 <= width) {
            g.putString(width - status.length(), 1, status);
        }
    }

    private static String status(Texts t, SyncViewState s) {
        Optional<ScenarioSnapshot> shot = s.snapshot().filter(x -> x.primitive() == s.primitive());
        if (shot.isEmpty()) {
            return t.get("sync.state.idle") + " ";
        }
        ScenarioSnapshot x = shot.get();
        String what = modeText(t, x.mode());
        Optional<RemoteRun> remote = x.remote().filter(r -> r.link() != ManagerLink.State.CONNECTED);
        if (remote.isPresent() && !x.status().ended()) {
            // A holder's worry first: what a cut-off link means for what it holds.
            return t.get(remote.get().link() == ManagerLink.State.SUSPENDED ? "sync.link.suspended" : "sync.link.lost") + " ";
        }
        return switch (x.status()) {
            case STARTING -> t.format("sync.state.starting", what);
            case RUNNING -> t.format("sync.state.running", what, x.elapsedSeconds());
            case COMPLETED -> t.format("sync.state.completed", what, x.elapsedSeconds());
            case CANCELLED -> t.format("sync.state.cancelled", what);
            case FAILED -> t.format("sync.state.failed", what);
        } + " ";
    }

    /** threads, processes or remote, in the language of {@code t}. */
    private static String modeText(Texts t, Mode mode) {
        return t.get("sync.mode." + mode.label());
    }

    private static void drawBottom(Canvas g, Palette p, Texts t, SyncViewState s, Optional<ScenarioSnapshot> shot,
                                   int width, int row, boolean workersAbove) {
        String text;
        boolean warn = false;
        boolean verdict = false;
        if (!s.message().isEmpty()) {
            text = s.message().in(t);
            warn = true;
        } else if (s.outcome().isPresent() && s.outcome().get().primitive() == s.primitive()) {
            ScenarioOutcome o = s.outcome().get();
            text = verdict(t, o, s.shownSpec().orElse(null));
            warn = !o.correct();
            verdict = true;
            p.strong(g);
        } else if (s.running()) {
            // The run's latest event (a holder that vanished, a lock the manager freed, the lock
            // switched) is the news; the keys are then given in short.
            Optional<String> latest = shot.map(ScenarioSnapshot::recentEvents).filter(e -> !e.isEmpty())
                    .map(e -> e.get(e.size() - 1));
            text = latest.isPresent() ? t.format("sync.hint.running.event", latest.get()) : t.get("sync.hint.running");
        } else {
            text = t.format("sync.hint.idle", t.get("sync.tab." + s.primitive().label()));
        }
        if (warn) {
            p.warning(g);
            g.enableModifiers(com.googlecode.lanterna.SGR.BOLD);
        } else if (s.outcome().isEmpty() || !s.message().isEmpty()) {
            p.plain(g);
        }
        int room = width - 1;
        if (text.length() > room && verdict && workersAbove) {
            // A long verdict (a failure's reason and the figures) wraps onto the workers' line
            // above, which matters less once the run has ended.
            int cut = text.lastIndexOf(' ', room);
            cut = cut <= 0 ? room : cut;
            g.putString(0, row - 1, Units.fit("", width));
            g.putString(1, row - 1, text.substring(0, cut));
            text = text.substring(cut).strip();
        }
        g.putString(1, row, Units.fit(text, room));
    }

    /** The outcome in one line, in the chosen language: correct or not, the scenario's figures, the time. */
    static String verdict(Texts t, ScenarioOutcome o, ScenarioSpec spec) {
        String mark = switch (o.status()) {
            // With the lock off, lost updates are the lesson, not a fault of the primitive.
            case COMPLETED -> o.figures(LockFigures.class).map(f -> !f.lockOn()).orElse(false)
                    ? t.get("sync.verdict.unprotected")
                    : t.get(o.correct() ? "sync.verdict.correct" : "sync.verdict.wrong");
            case CANCELLED -> t.get("sync.verdict.cancelled");
            case FAILED -> t.format("sync.verdict.failed", Problems.message(o.failure()));
            default -> "";
        };
        if (o.figures().isEmpty() && o.status() != ScenarioStatus.COMPLETED) {
            // It stopped before its primitives existed: nothing was counted, so no count is claimed.
            return t.format("sync.verdict.bare", mark, o.seconds());
        }
        return t.format("sync.verdict", mark, figures(t, o), o.seconds());
    }

    /**
     * The scenario's own figures in the language of {@code t} (e.g. the lock's total against the
     * expected one, the semaphore's most holders at once): the verdict line's middle, also printed
     * by {@code telar sync}. A Lock run that did not complete gives its total so far and no
     * comparison: no updates are claimed lost for work that was never done.
     */
    public static String figures(Texts t, ScenarioOutcome o) {
        PrimitiveFigures f = o.figures().orElseGet(() -> PrimitiveFigures.zero(o.primitive()));
        if (f instanceof LockFigures l) {
            String lock = t.get(l.lockOn() ? "sync.on" : "sync.off");
            if (o.status() != ScenarioStatus.COMPLETED) {
                // Stopped early (a worker killed, a cancel): what was counted, held against nothing,
                // as the workers stopped at different points of their work.
                return t.format("sync.verdict.lock.stopped", lock, l.total(), l.updates());
            }
            return l.total() == l.expected() ? t.format("sync.verdict.lock.equal", lock, l.total())
                    : t.format("sync.verdict.lock.lost", lock, l.total(), l.expected(), l.lostUpdates());
        }
        if (f instanceof RLockFigures r) {
            return t.format("sync.verdict.rlock", r.transfers(), r.deepestHoldCount(), r.accountA() + r.accountB());
        }
        if (f instanceof SemaphoreFigures s) {
            return t.format("sync.verdict.semaphore", s.uses(), s.mostInside(), s.permits());
        }
        if (f instanceof ConditionFigures c) {
            return t.format("sync.verdict.condition", c.produced(), c.consumed(), c.fullest(), c.capacity());
        }
        if (f instanceof EventFigures e) {
            return t.format("sync.verdict.event", e.passes(), e.cycles(), e.violations());
        }
        BarrierFigures b = (BarrierFigures) f;
        return t.format("sync.verdict.barrier", b.rounds(), b.targetRounds(), b.violations());
    }
}

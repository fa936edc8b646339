package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.LessonState;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.Watch;
import java.util.ArrayList;
import java.util.List;

/**
 * What to watch while the step runs: a title in the accent colour naming the panels that matter
 * ("▶ watch: cores ↑ · worker threads"; the cores are the panel above, always shown), and under it
 * the dashboard's own live panel for the step: the worker threads and the cores they run on (also
 * the child processes' threads), the exchange's mechanisms, the race demo, or the sync primitive's
 * state. They draw from the views' states, which the lab's events keep moving while the lesson's
 * jobs run. Keeps no state.
 */
public final class LessonWatchPanel implements Panel {
    private final Panel workers = new WorkersPanel();
    private final Panel exchange = new ExchangePanel();
    private final Panel race = new RaceDemoPanel();
    private final Panel cores = new CoresPanel();
    private final PrimitivePanel[] primitives = {new LockPanel(), new RLockPanel(), new SemaphorePanel(),
        new ConditionPanel(), new EventPanel(), new BarrierPanel()};

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts t = Texts.of(view.language());
        LessonState s = view.lesson();
        LessonStep step = s.step();
        List<String> names = new ArrayList<>();
        for (Watch watch : Watch.values()) {
            if (!step.watch().contains(watch)) {
                continue;
            }
            names.add(t.get("lesson.view.watch." + watch.name().toLowerCase(java.util.Locale.ROOT)));
        }
        p.label(g);
        g.putString(0, 0, Units.fit("▶ " + t.format("lesson.view.watch", String.join(" · ", names)), area.width()));
        if (area.height() < 2) {
            return LaidOut.NOTHING;
        }
        Panel live = live(step);
        if (idle(live, view)) {
            // The live panels' own idle lines speak of their forms' keys (Enter): not the lesson's.
            p.plain(g);
            g.putString(1, 1, Units.fit(t.get("lesson.view.watch.idle"), area.width() - 1));
            return LaidOut.NOTHING;
        }
        Area body = new Area(area.column(), area.row() + 1, area.width(), area.height() - 1);
        return live.render(screen, body, snap, view);
    }

    /** True when {@code live} has nothing of a run to show yet (the sync panels draw their empty state). */
    private boolean idle(Panel live, ViewState view) {
        return live == workers && !view.experiments().busy() || live == exchange && view.exchange().lives().isEmpty()
                || live == race && view.exchange().race() == null;
    }

    /** The live panel that shows the step's run. */
    private Panel live(LessonStep step) {
        if (step.primitive().isPresent()) {
            return SyncPanel.panelOf(primitives, step.primitive().get());
        }
        if (step.watch().contains(Watch.RACE)) {
            return race;
        }
        if (step.watch().contains(Watch.EXCHANGE)) {
            return exchange;
        }
        if (step.watch().contains(Watch.WORKERS) || step.watch().contains(Watch.PROCESSES)) {
            return workers;
        }
        return cores;
    }
}

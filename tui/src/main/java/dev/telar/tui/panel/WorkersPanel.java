package dev.telar.tui.panel;

import dev.telar.probe.ProcessInfo;
import dev.telar.probe.SystemSnapshot;
import dev.telar.probe.ThreadInfo;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.ExperimentState;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.run.RunSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * The running experiment's worker threads, from the newest snapshot: TID, name, state, CPU% and
 * the core each last ran on, so a user sees threads spread over the cores, or GIL threads taking
 * turns. Rows are ordered by name and TID, not by CPU, so they stay put while the load moves.
 * The last line counts the threads per core when there is room.
 *
 * <p>The threads are those of the lab's process (the pid of its {@code Ready}: this JVM, or the
 * lab JVM) and of the run's own child processes, and only while an experiment or sweep holds the
 * lab's slot: the lab runs one job at a time, so no other job's threads are ever listed here.
 */
public final class WorkersPanel implements Panel {
    /**
     * Threads of the lab and of Telar that share the {@code telar-} prefix with the workers but
     * are not theirs. The kernel keeps only 15 characters of a name, so names are compared as prefixes.
     */
    private static final List<String> INFRASTRUCTURE = List.of("telar-sampler", "telar-experiments", "telar-input",
            "telar-restore", "telar-size-query", "telar-child-", "telar-parent-watch", "telar-lab-", "telar-scenario-",
            "telar-exchange-", "telar-teardown");
    private static final Comparator<ThreadInfo> ORDER =
            Comparator.comparing(ThreadInfo::name).thenComparingInt(ThreadInfo::tid);

    /** True for a thread name of an experiment's worker or helper (e.g. {@code telar-target-0}, truncated or not). */
    public static boolean isWorker(String name) {
        if (name == null || !name.startsWith("telar-")) {
            return false;
        }
        for (String infra : INFRASTRUCTURE) {
            if (infra.startsWith(name) || name.startsWith(infra)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The experiment threads in {@code snap}, by name and TID: those of the lab's process
     * {@code labPid}, then those of the run's child processes {@code children} (process models),
     * named {@code pid <pid> <thread name>} so each process shows with the core its worker is on.
     * Empty when no threads are listed.
     */
    public static List<ThreadInfo> workers(SystemSnapshot snap, long labPid, Set<Integer> children) {
        if (snap == null) {
            return List.of();
        }
        List<ThreadInfo> out = new ArrayList<>();
        List<ThreadInfo> childThreads = new ArrayList<>();
        for (ProcessInfo p : snap.processes()) {
            boolean lab = p.pid() == labPid;
            if (!lab && !children.contains(p.pid())) {
                continue;
            }
            for (ThreadInfo t : p.threads()) {
                if (isWorker(t.name())) {
                    if (lab) {
                        out.add(t);
                    } else {
                        childThreads.add(new ThreadInfo(t.tid(), "pid " + p.pid() + " " + t.name(), t.state(),
                                t.cpuPct(), t.lastCore(), t.cpuSeconds()));
                    }
                }
            }
        }
        childThreads.sort(ORDER);
        out.sort(ORDER);
        out.addAll(childThreads);
        return out;
    }

    /** The panel's words in one language. */
    private record Words(String title, String titleOf, String name, char state, String core, String waiting,
                         String none, String more) {
        static Words of(Texts t) {
            return new Words(t.get("workers.title"), t.get("workers.title.of"), t.get("process.col.name"),
                    t.get("process.col.state").charAt(0), t.get("process.col.core"), t.get("workers.waiting"),
                    t.get("workers.none"), t.get("workers.more"));
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts texts = Texts.of(view.language());
        Words w = words.get(texts);
        int width = area.width();
        ExperimentState x = view.experiments();
        RunSpec running = x.running();
        p.label(g);
        String title = running == null ? w.title() : String.format(Locale.ROOT, w.titleOf(), running.kernel().label()
                + "/" + (running.kernel() == KernelKind.MATMUL ? "matmul ×" + running.kernelThreads()
                        : running.model().label() + " ×" + running.workers()));
        g.putString(0, 0, Units.fit(title, width));
        int coreWidth = Math.max(4, w.core().length());
        int nameWidth = Math.max(8, Math.min(24, width - 17 - coreWidth));
        p.bar(g);
        g.putString(0, 1, Units.fit(String.format(Locale.ROOT, "%7s %-" + nameWidth + "s %c %5s %" + coreWidth + "s", "TID",
                w.name(), w.state(), "CPU%", w.core()), width));
        p.plain(g);
        List<ThreadInfo> threads = x.busy() ? workers(snap, view.labPid(), x.children()) : List.of();
        if (threads.isEmpty()) {
            g.putString(1, 2, Units.fit(x.busy() ? w.waiting() : w.none(), width - 1));
            return LaidOut.NOTHING;
        }
        int room = area.height() - 2;
        boolean summary = room > threads.size();
        int shown = Math.min(threads.size(), summary ? threads.size() : room);
        if (shown < threads.size() && shown > 0) {
            shown--; // keep a line to say how many are not shown
        }
        String row = "%7d %-" + nameWidth + "s %c %5s %" + coreWidth + "d";
        for (int i = 0; i < shown; i++) {
            ThreadInfo t = threads.get(i);
            p.plain(g);
            g.putString(0, 2 + i, Units.fit(String.format(Locale.ROOT, row, t.tid(),
                    Units.fit(Units.printable(t.name()), nameWidth), t.state(), Units.percent(t.cpuPct()), t.lastCore()),
                    width));
            if (t.cpuPct() >= 50) {
                p.load(g, Math.min(100, t.cpuPct()));
                g.putString(7 + 1 + nameWidth + 3, 2 + i, Units.percent(t.cpuPct()));
            }
        }
        p.label(g);
        if (shown < threads.size()) {
            g.putString(1, 2 + shown, Units.fit(String.format(Locale.ROOT, w.more(), threads.size() - shown), width - 1));
        } else if (summary) {
            g.putString(1, 2 + shown, Units.fit(perCore(threads, texts), width - 1));
        }
        return LaidOut.NOTHING;
    }

    /**
     * E.g. {@code together 1.98 cores busy, on cores 0 1}: the workers' summed CPU share, which
     * tells parallel threads (up to the core count) from threads taking turns under one lock (1.0).
     */
    static String perCore(List<ThreadInfo> threads, Texts texts) {
        double total = 0;
        TreeMap<Integer, Integer> cores = new TreeMap<>();
        for (ThreadInfo t : threads) {
            total += Double.isFinite(t.cpuPct()) ? Math.max(0, t.cpuPct()) : 0;
            cores.merge(t.lastCore(), 1, Integer::sum);
        }
        StringBuilder list = new StringBuilder();
        cores.keySet().forEach(c -> list.append(list.length() == 0 ? "" : " ").append(c));
        return texts.count("workers.together", cores.size(), total / 100, list);
    }
}

package dev.telar.tui;

import dev.telar.tui.panel.Units;
import dev.telar.workloads.run.RunResult;
import java.util.Locale;

/**
 * The one-line reading of a run's outcome shown under results, e.g.
 * {@code 4 threads: ×1.02 — GIL mode, one thread computes at a time}. Pure: from the result and
 * the machine's core count only.
 */
public final class Verdict {
    private Verdict() {
    }

    /** Say what {@code r} shows, for a machine with {@code cores} logical cores. */
    public static String of(RunResult r, int cores) {
        String who = who(r);
        switch (r.status()) {
            case CANCELLED:
                return who + ": cancelled, no result";
            case FAILED:
                return who + ": failed: " + r.message();
            default:
                break;
        }
        if (r.spec().model().equals("sequential") && !r.spec().kernel().equals("matmul")) {
            return String.format(Locale.ROOT, "%s: baseline, %d tasks in %.2f s", who, r.spec().tasks(),
                    r.wallSeconds());
        }
        if (r.speedup().isEmpty()) {
            return String.format(Locale.ROOT, "%s: %.2f s (run with a baseline to see the speedup)%s", who,
                    r.wallSeconds(), startUp(r));
        }
        double s = r.speedup().getAsDouble();
        int[] pinned = r.spec().cores();
        if (pinned.length > 0) {
            cores = pinned.length; // the run could use only the cores it was pinned to
        }
        int parallel = r.spec().kernel().equals("matmul") ? r.spec().kernelThreads() : r.spec().workers();
        String why;
        if (r.spec().model().equals("gil")) {
            why = r.spec().kernel().equals("cpu")
                    ? "GIL mode, one thread computes at a time"
                    : "GIL mode, but the lock is released while waiting, so waits overlap";
        } else if (r.spec().model().equals("subinterpreters")) {
            why = "one lock per interpreter: " + Math.min(r.spec().interpreters(), cores) + " can compute at once";
        } else if (r.spec().kernel().equals("io") && parallel > 1) {
            why = "the tasks mostly wait, and " + parallel + " threads wait at once";
        } else if (s < 0.9 && parallel > 1) {
            why = "slower: more threads than the work or the cores can use";
        } else if (parallel > cores && s <= cores * 1.1) {
            why = "capped by the " + cores + (cores == 1 ? " core" : " cores") + ": extra threads only take turns";
        } else if (s >= 0.8 * Math.min(parallel, cores) && parallel > 1) {
            why = "runs in parallel on " + Math.min(parallel, cores) + (Math.min(parallel, cores) == 1 ? " core" : " cores");
        } else if (parallel > 1) {
            why = String.format(Locale.ROOT, "partly parallel, short of \u00d7%d: cores shared with other work, "
                    + "memory bandwidth or start-up costs", Math.min(parallel, cores));
        } else {
            why = r.spec().model().startsWith("process-") ? "one process" : "one thread";
        }
        String where = pinned.length == 0 ? ""
                : " (pinned to " + (pinned.length == 1 ? "core " : "cores ") + Units.coreList(pinned) + ")";
        return String.format(Locale.ROOT, "%s: \u00d7%.2f \u2014 %s%s%s", who, s, why, where, startUp(r));
    }

    /** For runs in child JVMs: their start-up, which the timing leaves out. */
    private static String startUp(RunResult r) {
        return Double.isFinite(r.startSeconds())
                ? String.format(Locale.ROOT, "; +%.2f s JVM start-up, not timed", r.startSeconds()) : "";
    }

    private static String who(RunResult r) {
        if (r.spec().kernel().equals("matmul")) {
            int t = r.spec().kernelThreads();
            return "matmul, " + t + (t == 1 ? " thread" : " threads");
        }
        int w = r.spec().workers();
        String unit = switch (r.spec().model()) {
            case "sequential" -> "sequential";
            case "pool-submit", "pool-map" -> w + " pool " + (w == 1 ? "thread" : "threads");
            case "virtual" -> w + " virtual " + (w == 1 ? "thread" : "threads");
            case "process-target", "process-subclass" -> w + (w == 1 ? " process" : " processes");
            case "process-pool-submit", "process-pool-map" -> w + " pool " + (w == 1 ? "process" : "processes");
            case "subinterpreters" -> w + " workers in " + r.spec().interpreters() + " interpreters";
            default -> w + (w == 1 ? " thread" : " threads");
        };
        return unit;
    }
}

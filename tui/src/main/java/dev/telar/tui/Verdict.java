package dev.telar.tui;

import dev.telar.config.Language;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.run.RunResult;

/**
 * The one-line reading of a run's outcome shown under results and printed by the command line,
 * e.g. {@code 4 threads: ×1.02 — GIL mode, one thread computes at a time}. Pure: from the
 * result, the machine's core count and the language only.
 */
public final class Verdict {
    private Verdict() {
    }

    /** Say what {@code r} shows, in English, for a machine with {@code cores} logical cores. */
    public static String of(RunResult r, int cores) {
        return of(r, cores, Texts.of(Language.EN));
    }

    /** Say what {@code r} shows, in the language of {@code t}, for a machine with {@code cores} logical cores. */
    public static String of(RunResult r, int cores, Texts t) {
        String who = who(r, t);
        switch (r.status()) {
            case CANCELLED:
                return t.format("verdict.cancelled", who);
            case FAILED:
                return t.format("verdict.failed", who, Problems.message(r.problem()));
            default:
                break;
        }
        if (r.spec().model() == ModelKind.SEQUENTIAL && r.spec().kernel() != KernelKind.MATMUL) {
            return t.format("verdict.baseline", who, r.spec().tasks(), r.wallSeconds());
        }
        if (r.speedup().isEmpty()) {
            return t.format("verdict.nobaseline", who, r.wallSeconds()) + startUp(r, t);
        }
        double s = r.speedup().getAsDouble();
        int[] pinned = r.spec().cores();
        if (pinned.length > 0) {
            cores = pinned.length; // the run could use only the cores it was pinned to
        }
        int parallel = r.spec().kernel() == KernelKind.MATMUL ? r.spec().kernelThreads() : r.spec().workers();
        int usable = Math.min(parallel, cores);
        // Process models say "processes" where thread models say "threads".
        String of = r.spec().model().startsProcesses() ? ".process" : "";
        String why;
        if (r.spec().model() == ModelKind.GIL) {
            why = t.get(r.spec().kernel() == KernelKind.CPU ? "verdict.why.gil.cpu" : "verdict.why.gil.wait");
        } else if (r.spec().model() == ModelKind.SUBINTERPRETERS) {
            why = t.format("verdict.why.subinterpreters", Math.min(r.spec().interpreters(), cores));
        } else if (r.spec().kernel() == KernelKind.IO && parallel > 1) {
            why = t.format("verdict.why.io", parallel);
        } else if (s < 0.9 && parallel > 1) {
            why = t.get("verdict.why.slower" + of);
        } else if (parallel > cores && s <= cores * 1.1) {
            why = t.count("verdict.why.capped" + of, cores);
        } else if (s >= 0.8 * usable && parallel > 1) {
            why = t.count("verdict.why.parallel", usable);
        } else if (parallel > 1) {
            why = t.format("verdict.why.partly", usable);
        } else {
            why = t.get(r.spec().model().startsProcesses() ? "verdict.why.oneprocess" : "verdict.why.one");
        }
        String where = pinned.length == 0 ? "" : " " + t.count("verdict.pinned", pinned.length, Units.coreList(pinned));
        return t.format("verdict.speedup", who, s, why, where) + startUp(r, t);
    }

    /** For runs in child JVMs: their start-up, which the timing leaves out. */
    private static String startUp(RunResult r, Texts t) {
        return Double.isFinite(r.startSeconds()) ? t.format("verdict.startup", r.startSeconds()) : "";
    }

    private static String who(RunResult r, Texts t) {
        if (r.spec().kernel() == KernelKind.MATMUL) {
            return t.count("verdict.who.matmul", r.spec().kernelThreads());
        }
        int w = r.spec().workers();
        return switch (r.spec().model()) {
            case SEQUENTIAL -> t.get("verdict.who.sequential");
            case POOL_SUBMIT, POOL_MAP -> t.count("verdict.who.pool", w);
            case VIRTUAL -> t.count("verdict.who.virtual", w);
            case PROCESS_TARGET, PROCESS_SUBCLASS -> t.count("verdict.who.processes", w);
            case PROCESS_POOL_SUBMIT, PROCESS_POOL_MAP -> t.count("verdict.who.poolprocesses", w);
            case SUBINTERPRETERS -> t.count("verdict.who.subinterpreters", w, r.spec().interpreters());
            case THREAD_TARGET, THREAD_SUBCLASS, GIL -> t.count("verdict.who.threads", w);
        };
    }
}

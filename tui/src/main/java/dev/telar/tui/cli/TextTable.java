package dev.telar.tui.cli;

import dev.telar.tui.Verdict;
import dev.telar.workloads.run.RunResult;
import java.util.Locale;

/** Plain-text lines for runs when JSON was not asked for. */
final class TextTable {
    private TextTable() {
    }

    static String line(RunResult r, int cores) {
        String cpu = Double.isNaN(r.cpuSeconds()) ? "  n/a" : String.format(Locale.ROOT, "%5.2f", r.cpuSeconds());
        return String.format(Locale.ROOT, "%-7s %-16s wall %7.3f s  cpu %s s  %s", r.spec().kernel(),
                r.spec().model(), r.wallSeconds(), cpu, Verdict.of(r, cores));
    }
}

package dev.telar.tui.cli;

import dev.telar.tui.Verdict;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.run.RunResult;
import java.util.Locale;

/** Plain-text lines for runs when JSON was not asked for, in the language of the texts given. */
final class TextTable {
    private TextTable() {
    }

    static String line(RunResult r, int cores, Texts texts) {
        String cpu = Double.isNaN(r.cpuSeconds()) ? String.format(Locale.ROOT, "%5s", texts.get("cli.cpu.unknown"))
                : String.format(Locale.ROOT, "%5.2f", r.cpuSeconds());
        return texts.format("cli.run.line", r.spec().kernel().label(), r.spec().model().label(), r.wallSeconds(), cpu,
                Verdict.of(r, cores, texts));
    }
}

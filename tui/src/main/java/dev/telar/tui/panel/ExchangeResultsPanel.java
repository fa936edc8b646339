package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Message;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.ExchangeState;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.exchange.ExchangeEvent.RunFinished;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * The lecture's exchange table: per mechanism, the seconds with 1 process and with P processes
 * (from the start signal to the last partial sum received, JVM start left out), the speedup, the
 * most disk its files took, and whether the total is exactly the sequential sum ("OK"); a run
 * whose child died reads FAILED with the child's pid and how it died, and no total. The last line
 * is the verdict on the newest run, or a note (why a job did not start).
 */
public final class ExchangeResultsPanel implements Panel {
    /** The table's words in one language. */
    private record Words(String header, String ok, String wrong, String failed, String failedOne, String cancelled,
                         String running, String waiting, String none, String hint) {
        static Words of(Texts t) {
            return new Words(String.format(Locale.ROOT, "%-9s %3s %9s %9s %8s %6s  %s", t.get("xchg.col.mechanism"),
                    "P", t.get("xchg.col.one"), t.get("xchg.col.many"), t.get("results.col.speedup"),
                    t.get("xchg.col.disk"), t.get("xchg.col.total")), t.get("xchg.status.ok"),
                    t.get("xchg.status.wrong"), t.get("xchg.status.failed"), t.get("xchg.status.failed.one"),
                    t.get("xchg.status.cancelled"), t.get("xchg.status.running"), t.get("xchg.status.waiting"),
                    t.get("results.none"), t.get("xchg.results.hint"));
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
        ExchangeState x = view.exchange();
        p.bar(g);
        g.putString(0, 0, Units.fit(w.header(), width));
        List<ExchangeState.Row> rows = x.rows();
        // Rows first; then, while there is room, a line under each failed row saying which child
        // died and how; then a second line for the verdict (a failure's verdict is long).
        int base = Math.max(0, area.height() - 2);
        int first = Math.max(0, rows.size() - base);
        int spare = base - (rows.size() - first);
        int line = 1;
        for (int i = first; i < rows.size(); i++) {
            ExchangeState.Row r = rows.get(i);
            Message failure = failure(r);
            boolean detail = failure != null && spare > 0;
            boolean bad = failure != null || wrong(r.one()) || wrong(r.many());
            if (bad) {
                p.warning(g);
            } else {
                p.plain(g);
            }
            g.putString(0, line++, Units.fit(row(r, x, w, texts, !detail), width));
            if (detail) {
                spare--;
                g.putString(0, line++, Units.fit("  └ " + failure.in(texts), width));
            }
        }
        if (rows.isEmpty() && area.height() > 2) {
            p.plain(g);
            g.putString(1, 1, Units.fit(w.none(), width - 1));
        }
        if (area.height() >= 2) {
            String text = note(p, g, texts, w, x);
            List<String> note = Units.wrap(text, width, spare > 0 ? 2 : 1);
            for (int i = 0; i < note.size(); i++) {
                g.putString(0, area.height() - note.size() + i, Units.fit(note.get(i), width));
            }
        }
        return LaidOut.NOTHING;
    }

    /** Why a row's run failed (the P-process run's first), or null when neither failed. */
    private static Message failure(ExchangeState.Row r) {
        return failed(r.many()) ? ExchangeTexts.failure(r.many().result())
                : failed(r.one()) ? ExchangeTexts.failure(r.one().result()) : null;
    }

    private static boolean failed(RunFinished f) {
        return f != null && f.result().status() == RunResult.Status.FAILED;
    }

    private static boolean wrong(RunFinished f) {
        return f != null && f.result().status() == RunResult.Status.COMPLETED && !f.totalMatches();
    }

    private static boolean completed(RunFinished f) {
        return f != null && f.result().status() == RunResult.Status.COMPLETED;
    }

    /**
     * One table line for a mechanism; {@code reason}: a failure's status names the child and how it
     * died (when no line under the row does).
     */
    private static String row(ExchangeState.Row r, ExchangeState x, Words w, Texts texts, boolean reason) {
        String one = !r.withOne() ? "" : seconds(r.one());
        String many = seconds(r.many());
        String speedup = completed(r.one()) && completed(r.many()) && r.many().result().wallSeconds() > 0
                ? String.format(Locale.ROOT, "×%.2f", r.one().result().wallSeconds() / r.many().result().wallSeconds())
                : "";
        long disk = Math.max(r.one() == null ? -1 : r.one().result().bytesOnDisk(),
                r.many() == null ? -1 : r.many().result().bytesOnDisk());
        return String.format(Locale.ROOT, "%-9s %3d %9s %9s %8s %6s  %s", column(r.mechanism()), r.processes(), one,
                many, speedup, disk < 0 ? "" : Units.bytes(disk), status(r, x, w, texts, reason));
    }

    /** The mechanism as its column shows it: the manager's ones shortened to fit (mgr-dict, mgr-value). */
    private static String column(Mechanism m) {
        return m.cliName().replace("manager-", "mgr-");
    }

    private static String seconds(RunFinished f) {
        return completed(f) ? String.format(Locale.ROOT, "%.2f", f.result().wallSeconds()) : f == null ? "" : "-";
    }

    private static String status(ExchangeState.Row r, ExchangeState x, Words w, Texts texts, boolean reason) {
        Message failure = failure(r);
        if (failure != null) {
            String status = failed(r.many()) ? w.failed() : w.failedOne();
            return reason ? status + ": " + failure.in(texts) : status;
        }
        if (wrong(r.one()) || wrong(r.many())) {
            return w.wrong();
        }
        if (isCancelled(r.one()) || isCancelled(r.many())) {
            return w.cancelled();
        }
        if (completed(r.many())) {
            return w.ok();
        }
        if (!x.busy()) {
            return "-";
        }
        return x.running() != null && x.running().mechanism() == r.mechanism() ? w.running() : w.waiting();
    }

    private static boolean isCancelled(RunFinished f) {
        return f != null && f.result().status() == RunResult.Status.CANCELLED;
    }

    /** The last line's text; sets the pen it is drawn with. */
    private static String note(Palette p, Canvas g, Texts texts, Words w, ExchangeState x) {
        RunFinished latest = x.latest();
        if (!x.message().isEmpty()) {
            p.warning(g);
            return x.message().in(texts);
        }
        if (latest != null) {
            if (latest.totalMatches()) {
                p.strong(g);
            } else {
                p.warning(g);
            }
            return "▶ " + verdict(latest, x).in(texts);
        }
        p.plain(g);
        return w.hint();
    }

    /** One line on the newest run: its speedup over 1 process and whether its total is exact, or why there is none. */
    static Message verdict(RunFinished latest, ExchangeState x) {
        ExchangeResult r = latest.result();
        Message who = new Message(r.spec().processes() == 1 ? "xchg.who.one" : "xchg.who.other", r.spec().processes(),
                r.spec().mechanism().cliName());
        switch (r.status()) {
            case CANCELLED:
                return new Message("xchg.verdict.cancelled", who);
            case FAILED:
                return new Message("xchg.verdict.failed", who, ExchangeTexts.failure(r));
            default:
                break;
        }
        if (!latest.totalMatches()) {
            return new Message("xchg.verdict.wrong", who);
        }
        ExchangeState.Row row = x.rows().stream().filter(rw -> rw.mechanism() == r.spec().mechanism()).findFirst()
                .orElse(null);
        if (row != null && row.many() == latest && completed(row.one()) && r.wallSeconds() > 0) {
            return new Message("xchg.verdict.speedup", who, row.one().result().wallSeconds() / r.wallSeconds());
        }
        return new Message("xchg.verdict.time", who, r.wallSeconds());
    }
}

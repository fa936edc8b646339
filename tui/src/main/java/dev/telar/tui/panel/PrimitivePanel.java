package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.SyncViewState;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the six primitive panels share: a column of labelled lines drawn from the sync view's last
 * polled snapshot, bars, lists of participants, and the warning line of an abandoned lock or
 * permit. Each subclass draws one primitive's state record and its scenario's figures; before
 * the first run it draws the same lines from an empty state, so the audience sees what will move.
 * UI thread only; keeps nothing but per-language words between frames.
 */
abstract class PrimitivePanel implements Panel {
    /** Narrowest label column, cells. */
    private static final int LABEL = 11;
    /** Widest a bar gets, cells. */
    private static final int MAX_BAR = 30;

    /** The labels of every primitive panel in one language, and the width of their column. */
    record Labels(Texts texts, int width) {
        static Labels of(Texts t) {
            int width = LABEL;
            for (String key : t.keys()) {
                if (key.startsWith("sync.l.")) {
                    width = Math.max(width, t.get(key).length() + 2);
                }
            }
            return new Labels(t, width);
        }

        String get(String id) {
            return texts.get("sync.l." + id);
        }
    }

    private final PerLanguage<Labels> labels = new PerLanguage<>(Labels::of);

    /** The primitive this panel draws. */
    abstract Primitive primitive();

    /**
     * Draws {@code state} and the scenario's {@code figures}, this panel's primitive's kinds (never
     * null: empty ones before the first run).
     */
    abstract void draw(Rows rows, SyncState state, PrimitiveFigures figures, ScenarioSpec spec);

    /** The state drawn before the first run. */
    abstract SyncState empty(ScenarioSpec spec);

    /** The figures drawn before the first run (and before a run counted anything): zeros by default. */
    PrimitiveFigures none(ScenarioSpec spec) {
        return PrimitiveFigures.zero(primitive());
    }

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Labels l = labels.get(Texts.of(view.language()));
        SyncViewState s = view.sync();
        ScenarioSpec spec = s.shownSpec().orElseGet(() -> defaults(s));
        Optional<ScenarioSnapshot> shot = s.snapshot().filter(x -> x.primitive() == primitive());
        SyncState state = shot.flatMap(ScenarioSnapshot::state).orElseGet(() -> empty(spec));
        PrimitiveFigures figures = shot.flatMap(ScenarioSnapshot::figures).orElseGet(() -> none(spec));
        draw(new Rows(g, p, l, area.width(), area.height(), shot.map(ScenarioSnapshot::status)), state, figures, spec);
        return LaidOut.NOTHING;
    }

    private ScenarioSpec defaults(SyncViewState s) {
        return SyncViewState.withDefaults(ScenarioSpec.of(primitive(), s.mode()).withSlowdown(s.slowdown()));
    }

    /** Lines from the top of the panel, each a label and a value, while there is room. */
    static final class Rows {
        private final Canvas g;
        private final Palette p;
        private final Labels labels;
        private final int width;
        private final int height;
        private final Optional<ScenarioStatus> status;
        private int row;

        Rows(Canvas g, Palette p, Labels labels, int width, int height, Optional<ScenarioStatus> status) {
            this.status = status;
            this.g = g;
            this.p = p;
            this.labels = labels;
            this.width = width;
            this.height = height;
        }

        Texts texts() {
            return labels.texts();
        }

        /**
         * True once the shown run has ended: its primitives are gone, so the last state polled
         * names holders and waiters that hold and wait no longer.
         */
        boolean ended() {
            return status.map(ScenarioStatus::ended).orElse(false);
        }

        /**
         * True while a run goes on or when it stopped before its end (cancelled, failed): its
         * figures are a count so far, not a result to hold against the expected one.
         */
        boolean partial() {
            return status.map(x -> x != ScenarioStatus.COMPLETED).orElse(false);
        }

        /** The holder line of a lock: its holder, or free (also once the run has ended). */
        void holder(String label, Optional<Participant> holder, boolean locked) {
            Optional<Participant> now = ended() ? Optional.empty() : holder;
            line(label, now.map(Participant::name).orElse(texts().get("sync.v.free")), locked && !ended(), false);
        }

        /** {@code key} formatted in this language. */
        String format(String key, Object... args) {
            return labels.texts().format(key, args);
        }

        /** Room for the value after the label, cells. */
        int valueWidth() {
            return Math.max(0, width - labels.width());
        }

        /** A plain line. */
        void line(String label, String value) {
            line(label, value, false, false);
        }

        /** A line whose value is bold ({@code strong}) or in the warning pen ({@code warn}). */
        void line(String label, String value, boolean strong, boolean warn) {
            if (row >= height) {
                return;
            }
            p.label(g);
            g.putString(1, row, Units.fit(labels.get(label), labels.width() - 1));
            if (warn) {
                p.warning(g);
                g.enableModifiers(com.googlecode.lanterna.SGR.BOLD);
            } else if (strong) {
                p.strong(g);
            } else {
                p.plain(g);
            }
            g.putString(labels.width(), row, Units.fit(value, valueWidth()));
            row++;
        }

        /** A bar of {@code done} out of {@code total}, then {@code text}; {@code warn} colours the bar. */
        void bar(String label, long done, long total, String text, boolean warn) {
            if (row >= height) {
                return;
            }
            int room = valueWidth() - text.length() - 3;
            int cells = Math.max(4, Math.min(MAX_BAR, room));
            int filled = total <= 0 ? 0 : (int) Math.min(cells, Math.round((double) cells * Math.max(0, done) / total));
            p.label(g);
            g.putString(1, row, Units.fit(labels.get(label), labels.width() - 1));
            int x = labels.width();
            p.plain(g);
            g.putString(x, row, "[");
            if (warn) {
                p.warning(g);
            } else {
                p.sweepBar(g, true);
            }
            g.putString(x + 1, row, "█".repeat(filled));
            p.plain(g);
            g.putString(x + 1 + filled, row, "░".repeat(cells - filled) + "] " + text);
            row++;
        }

        /** A count and the names of {@code who}, as many as fit, e.g. {@code 3: worker-0 worker-1 …}. */
        void people(String label, List<Participant> who) {
            List<Participant> now = ended() ? List.of() : who;
            line(label, names(texts(), now, valueWidth()), !now.isEmpty(), false);
        }

        /** The abandoned line: prominent when a dead holder's lock or permit was taken over. */
        void abandoned(boolean abandoned, long takeovers) {
            if (abandoned) {
                line("abandoned", format("sync.v.abandoned.yes", takeovers), true, true);
            } else {
                line("abandoned", format("sync.v.abandoned.no", takeovers), false, takeovers > 0);
            }
        }
    }

    /** {@code n: a b c}, cut at a name boundary with {@code …} when too long; the word "none" for nobody. */
    static String names(Texts t, List<Participant> who, int width) {
        if (who.isEmpty()) {
            return t.get("sync.v.none");
        }
        StringBuilder out = new StringBuilder().append(who.size()).append(':');
        for (Participant p : who) {
            String next = " " + p.name();
            if (out.length() + next.length() > width - 2) {
                out.append(" …");
                break;
            }
            out.append(next);
        }
        return out.toString();
    }

    /** Whole numbers with thousands separators, the same in every language. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

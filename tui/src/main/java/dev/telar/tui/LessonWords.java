package dev.telar.tui;

import dev.telar.tui.text.Ascii;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.workloads.lesson.Figure;
import dev.telar.workloads.lesson.FigureRow;
import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.lesson.LessonSizes;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import dev.telar.workloads.lesson.Takeaway;
import dev.telar.workloads.problem.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The lesson's words in one language: part and step titles, each step's explanation, the caption
 * and source of its key figure, its figures and table rows, and the one-line takeaway that quotes
 * the figures it was chosen for. Every sentence comes from the {@code lesson.*} keys of the text
 * bundles; this class only picks the key and puts the figures in.
 *
 * <p>Figures are written as the panels write them, with a decimal point in every language:
 * seconds {@code 2.31 s} ({@code 0.042 s} under a tenth), speed-ups {@code ×3.87}, counts
 * {@code 1,234}, cores busy {@code 1.9 cores}; {@link #NONE} when there is no finite number. The
 * takeaway quotes its figures exactly as {@link #figure(Figure)} writes them, so what it says and
 * what the table shows cannot differ.
 *
 * <p>ASCII mode: the dashboard's canvas folds every character it draws ({@link Ascii}), so screen
 * callers pass these words unchanged; {@link #figure(Figure, boolean)} folds one figure for text
 * written elsewhere. Immutable and thread-safe.
 */
public final class LessonWords {
    /** What a figure with no number reads as. */
    public static final String NONE = "—";
    /** Seconds below this are written with three decimals, so a short run does not read as 0.00 s. */
    private static final double SMALL_SECONDS = 0.1;

    private final Texts texts;

    public LessonWords(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** The part's number and name, e.g. {@code 2 · Threads}. */
    public String partTitle(LessonPart part) {
        return texts.format("lesson.part.title", part.number(), texts.get("lesson.part." + part.id()));
    }

    /** The step's short title (at most 60 columns). */
    public String stepTitle(LessonStep step) {
        return texts.get(stepKey(step, "title"));
    }

    /**
     * What the step shows, as paragraphs without line breaks (the caller wraps them): what the
     * lecture says, what Telar runs, which panels to watch and what to expect. About five lines of
     * 76 columns in all.
     */
    public List<String> explanation(LessonStep step) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : texts.get(stepKey(step, "text")).split("\n\\s*\n")) {
            String one = p.strip().replaceAll("\\s+", " ");
            if (!one.isEmpty()) {
                paragraphs.add(one);
            }
        }
        return paragraphs;
    }

    /** What the step's key figure is, e.g. {@code speed-up, 4 threads against 1}. */
    public String keyCaption(LessonStep step) {
        return texts.format(stepKey(step, "key"), LessonSizes.TASKS);
    }

    /**
     * Where the lecture's figure for this step comes from, e.g. {@code lecture: CPython, 4 cores};
     * empty for a step the lecture gives no figure for.
     */
    public String lectureSource(LessonStep step) {
        String key = stepKey(step, "source");
        return texts.has(key) ? texts.get(key) : "";
    }

    /** A figure as the panels write it: {@code ×3.87}, {@code 2.31 s}, {@code 1,234}, {@code 1.9 cores}; {@link #NONE} for none. */
    public String figure(Figure f) {
        double v = f.value();
        if (!Double.isFinite(v)) {
            return NONE;
        }
        return switch (f.unit()) {
            case SECONDS -> texts.format(Math.abs(v) < SMALL_SECONDS ? "lesson.figure.seconds.small"
                    : "lesson.figure.seconds", v);
            case SPEEDUP -> texts.format("lesson.figure.speedup", v);
            case COUNT -> texts.format("lesson.figure.count", Math.round(v));
            case CORES -> texts.format("lesson.figure.cores", v);
        };
    }

    /** {@link #figure(Figure)}, folded to ASCII ({@code x3.87}, {@code -}) when {@code ascii}. */
    public String figure(Figure f, boolean ascii) {
        String text = figure(f);
        return ascii ? Ascii.fold(text) : text;
    }

    /** What a table row is, e.g. {@code 4 threads}, {@code pipe, 4 processes}, {@code lost without the lock}. */
    public String rowLabel(FigureRow row) {
        String key = "lesson.row." + id(row.label());
        if (row.label() == FigureRow.Label.KERNEL_THREADS && row.count() == 0) {
            key += ".default"; // limit 0: the library chose its own number of threads
        }
        String name = Units.printable(row.name());
        return texts.has(key) ? texts.format(key, row.count(), name) : texts.count(key, row.count(), name);
    }

    /**
     * The step's one-line lesson: its takeaway code's sentence (the step's own wording when it has
     * one) with the takeaway's figures written by {@link #figure(Figure)}; for a step that measured
     * nothing, why.
     */
    public String takeaway(StepFigures f) {
        Takeaway t = f.takeaway();
        if (t.code() == Takeaway.Code.NOT_MEASURED) {
            return texts.format("lesson.takeaway.not-measured", why(f));
        }
        Object[] args = new Object[t.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = figure(t.args().get(i));
        }
        String key = takeawayKey(f.step(), t.code());
        if (!texts.has(key)) {
            int decider = pluralBy(t.code());
            boolean one = decider >= 0 && decider < t.args().size() && t.args().get(decider).value() == 1;
            key += one ? ".one" : ".other";
        }
        return texts.format(key, args);
    }

    /** How the step's runs ended: {@code measured here}, {@code failed: …}, {@code not on this JVM: …}, {@code cancelled}. */
    public String outcome(StepFigures f) {
        String key = "lesson.outcome." + f.outcome().name().toLowerCase(Locale.ROOT);
        if (f.measured() || f.problem().isNone() || f.problem().code() == ProblemCode.CANCELLED) {
            return texts.get(key);
        }
        return texts.format(key + ".why", Problems.message(f.problem()));
    }

    /** The machine the figures were measured on, e.g. {@code this machine: 2 cores}. */
    public String machine(int cores) {
        return texts.count("lesson.machine", cores);
    }

    /** Why a step measured nothing: its problem's words, else how it ended. */
    private String why(StepFigures f) {
        return f.problem().isNone() ? outcome(f) : Problems.text(f.problem(), texts);
    }

    /** The step's own sentence for {@code code} when the bundle has one, else the general one (without .one/.other). */
    private String takeawayKey(LessonStep step, Takeaway.Code code) {
        String own = stepKey(step, "takeaway." + id(code));
        return texts.has(own) || texts.has(own + ".one") ? own : "lesson.takeaway." + id(code);
    }

    /**
     * Which of a code's figures decides between a sentence's .one and .other variants: the count
     * its sentence puts a noun after and that can be 1 (cores, lost updates, violations...); -1 for
     * codes whose sentences need no variant.
     */
    static int pluralBy(Takeaway.Code code) {
        return switch (code) {
            case FASTER, BEST_WITHIN_CORES, BEST_ABOVE_CORES -> 2;
            case TOTAL_WRONG, LOST_WITHOUT_LOCK, LOST_WITH_LOCK, RULE_KEPT, RULE_BROKEN -> 0;
            default -> -1;
        };
    }

    private static String stepKey(LessonStep step, String what) {
        return "lesson.step." + step.id() + "." + what;
    }

    /** An enum constant as the bundles name it: lower case, hyphens for underscores. */
    private static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package dev.telar.tui;

import dev.telar.tui.text.Texts;
import dev.telar.workloads.lesson.Figure;
import dev.telar.workloads.lesson.FigureRow;
import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import java.util.List;
import java.util.Objects;

/**
 * The lesson's words: titles, explanations, figures and takeaways of its steps, in one language.
 * Skeleton: the sentences follow.
 */
public final class LessonWords {
    private final Texts texts;

    public LessonWords(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    public String partTitle(LessonPart part) {
        return part.number() + " · " + part.id();
    }

    public String stepTitle(LessonStep step) {
        return step.id();
    }

    public List<String> explanation(LessonStep step) {
        return List.of(step.id());
    }

    public String keyCaption(LessonStep step) {
        return step.keyUnit().name();
    }

    public String lectureSource(LessonStep step) {
        return "";
    }

    public String figure(Figure f) {
        return Double.isNaN(f.value()) ? "—" : String.valueOf(f.value());
    }

    public String figure(Figure f, boolean ascii) {
        return figure(f);
    }

    public String rowLabel(FigureRow row) {
        return row.label().name();
    }

    public String takeaway(StepFigures f) {
        return f.takeaway().code().name();
    }

    public String outcome(StepFigures f) {
        return f.outcome().name();
    }

    public String machine(int cores) {
        return String.valueOf(cores);
    }
}

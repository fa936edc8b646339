package dev.telar.workloads.lesson;

/** The lecture's five parts, in its order. */
public enum LessonPart {
    PROCESSES_AND_THREADS, THREADS, PROCESSES, EXCHANGE, SYNCHRONIZATION;

    /** 1 to 5, as the lecture numbers them. */
    public int number() {
        return ordinal() + 1;
    }

    /** The word that names this part in texts and file names, e.g. {@code exchange}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

package dev.telar.workloads.remote.fleet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The job a lab engine on a host is running, as that engine last wrote it in its status file
 * ({@link JobStatusFile}), at most {@link JobStatusFile#MIN_GAP_MILLIS} ms behind the job. Immutable;
 * bounded so that a host summary stays small.
 *
 * <p>The figures are the latest the job's events gave, under these names:
 * <ul>
 * <li>experiment and sweep: {@code runs} runs finished in this job (count); {@code wall_s} the
 *     latest finished run's wall time, seconds; {@code speedup} its baseline's wall time divided by
 *     its own (a ratio, 1 = no gain);</li>
 * <li>exchange: {@code runs} runs finished; {@code messages} messages received (updates made, for
 *     the value, array and dict mechanisms) by the run in progress; {@code rate} of those per second
 *     over the latest statistics period; {@code alive} child processes still writing;</li>
 * <li>race: {@code locked} 1 during the phase with the lock, 0 before; {@code value} the shared
 *     value now; {@code expected} what it must reach at the end of the phase (both counts of
 *     increments);</li>
 * <li>scenario: the scenario's own figures as {@code telar sync --json} names them (counts, e.g.
 *     {@code updates}, {@code lost_updates}; a yes/no figure as 1 or 0), per-worker lists left out.</li>
 * </ul>
 *
 * @param pid             the process running the engine (the lab JVM, or a headless command's JVM)
 * @param kind            the job's kind in lower case: {@code experiment}, {@code sweep},
 *                        {@code exchange}, {@code race} or {@code scenario}
 * @param label           what runs, for a person, e.g. "cpu threads, 4 workers"; at most
 *                        {@value #MAX_LABEL} characters, control characters replaced by '?'
 * @param startedAtMillis when the job started, milliseconds since the epoch, by the host's clock
 * @param figures         at most {@value #MAX_FIGURES} figures in the engine's order, each name
 *                        1 to {@value #MAX_NAME} of {@code a-z 0-9 _}; finite values only
 */
public record RunningJob(long pid, String kind, String label, long startedAtMillis, Map<String, Double> figures) {
    /** Longest label kept, characters. */
    public static final int MAX_LABEL = 60;
    /** Most figures kept. */
    public static final int MAX_FIGURES = 8;
    /** Longest figure name, characters. */
    public static final int MAX_NAME = 24;
    /** Most running jobs one summary carries (one per lab engine on the host). */
    public static final int MAX_PER_HOST = 4;

    public RunningJob {
        if (pid <= 0) {
            throw new IllegalArgumentException("a running job's pid is positive, not " + pid);
        }
        if (kind == null || !kind.matches("[a-z]{1,16}")) {
            throw new IllegalArgumentException("a running job's kind is 1 to 16 letters a-z, not '" + kind + "'");
        }
        label = SummaryCodec.clean(Objects.requireNonNull(label, "label").strip());
        if (label.length() > MAX_LABEL) {
            label = label.substring(0, MAX_LABEL);
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Double> f : figures.entrySet()) {
            if (!isFigureName(f.getKey())) {
                throw new IllegalArgumentException("a figure's name is 1 to " + MAX_NAME + " of a-z, 0-9, '_', not '" + f.getKey() + "'");
            }
            if (f.getValue() != null && Double.isFinite(f.getValue()) && kept.size() < MAX_FIGURES) {
                kept.put(f.getKey(), f.getValue());
            }
        }
        figures = Collections.unmodifiableMap(kept);
    }

    /** True for a usable figure name. */
    public static boolean isFigureName(String name) {
        return name != null && name.matches("[a-z0-9_]{1," + MAX_NAME + "}");
    }

    /** Milliseconds from the job's start to {@code nowMillis} (host's clock), at least 0. */
    public long elapsedMillis(long nowMillis) {
        return Math.max(0, nowMillis - startedAtMillis);
    }
}

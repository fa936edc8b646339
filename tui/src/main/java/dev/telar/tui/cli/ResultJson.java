package dev.telar.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.tui.text.Problems;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.util.Locale;

/**
 * One run as a JSON object or a CSV row, with snake_case names; seconds as decimal numbers. Runs
 * of process models also carry {@code start_seconds} (starting and warming up the child JVMs,
 * not part of {@code wall_seconds}), {@code wall_with_start_seconds} and a {@code timing} note.
 */
final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CSV_HEADER = "kernel,model,workers,tasks,size,threads,interpreters,cores,status,"
            + "wall_seconds,cpu_seconds,result,speedup,efficiency,start_seconds";
    /** How process runs are timed, stated in their JSON. */
    static final String TIMING = "wall_seconds from all child JVMs started and warmed up to the last result; "
            + "start-up in start_seconds";

    private ResultJson() {
    }

    static String toLine(RunResult r, String verdict) {
        RunSpec s = r.spec();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kernel", s.kernel().label());
        o.put("model", s.model().label());
        o.put("workers", s.kernel() == KernelKind.MATMUL ? s.kernelThreads() : s.workers());
        o.put("tasks", s.tasks());
        o.put("size", s.size());
        if (s.kernel() == KernelKind.MATMUL) {
            o.put("threads", s.kernelThreads());
        }
        if (s.model() == ModelKind.SUBINTERPRETERS) {
            o.put("interpreters", s.interpreters());
        }
        if (s.model() == ModelKind.GIL || s.model() == ModelKind.SUBINTERPRETERS) {
            o.put("switch_ms", s.switchMillis());
            o.put("max_computing_at_once", r.maxConcurrent());
        }
        ArrayNode cores = o.putArray("cores");
        for (int c : s.cores()) {
            cores.add(c);
        }
        o.put("status", r.status().name().toLowerCase(Locale.ROOT));
        if (!r.problem().isNone()) {
            o.put("message", Problems.english(r.problem()));
        }
        o.put("wall_seconds", r.wallSeconds());
        if (Double.isNaN(r.cpuSeconds())) {
            o.putNull("cpu_seconds");
        } else {
            o.put("cpu_seconds", r.cpuSeconds());
        }
        if (r.status() == RunResult.Status.COMPLETED) {
            o.put("result", r.result());
        } else {
            o.putNull("result");
        }
        if (Double.isFinite(r.startSeconds())) {
            o.put("start_seconds", r.startSeconds());
            o.put("wall_with_start_seconds", r.wallWithStartSeconds());
            o.put("timing", TIMING);
        }
        r.speedup().ifPresent(v -> o.put("speedup", v));
        r.efficiency().ifPresent(v -> o.put("efficiency", v));
        o.put("verdict", verdict);
        return o.toString();
    }

    static String toCsv(RunResult r) {
        RunSpec s = r.spec();
        StringBuilder b = new StringBuilder();
        b.append(s.kernel().label()).append(',').append(s.model().label()).append(',')
                .append(s.kernel() == KernelKind.MATMUL ? s.kernelThreads() : s.workers()).append(',')
                .append(s.tasks()).append(',').append(s.size()).append(',').append(s.kernelThreads()).append(',')
                .append(s.interpreters()).append(',');
        int[] c = s.cores();
        for (int k = 0; k < c.length; k++) {
            b.append(k == 0 ? "" : " ").append(c[k]);
        }
        b.append(',').append(r.status().name().toLowerCase(Locale.ROOT)).append(',')
                .append(num(r.wallSeconds())).append(',').append(num(r.cpuSeconds())).append(',')
                .append(r.status() == RunResult.Status.COMPLETED ? num(r.result()) : "").append(',')
                .append(r.speedup().isPresent() ? num(r.speedup().getAsDouble()) : "").append(',')
                .append(r.efficiency().isPresent() ? num(r.efficiency().getAsDouble()) : "").append(',')
                .append(num(r.startSeconds()));
        return b.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }
}

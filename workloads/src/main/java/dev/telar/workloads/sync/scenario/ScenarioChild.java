package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.process.ProcessSync;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario worker in a child JVM. Arguments: primitive, directory, worker index, workers, size,
 * slowdown. It opens the run's primitives from the directory and runs the worker's part; notable
 * events go to standard output as {@code event <text>} lines, which the runner reads.
 */
public final class ScenarioChild implements ProcessTarget {
    /** The line prefix of an event. */
    static final String EVENT = "event ";

    /** The arguments for worker {@code worker} of a run. */
    static List<String> args(ScenarioSpec spec, Path dir, int worker, int workers, long size) {
        return List.of(spec.primitive().label(), dir.toString(), Integer.toString(worker), Integer.toString(workers),
                Long.toString(size), Double.toString(spec.slowdown()));
    }

    @Override
    public void run(String[] args) throws Exception {
        Primitive primitive = Primitive.parse(args[0]);
        Path dir = Path.of(args[1]);
        int worker = Integer.parseInt(args[2]);
        int workers = Integer.parseInt(args[3]);
        long size = Long.parseLong(args[4]);
        double slowdown = Double.parseDouble(args[5]);
        ScenarioSpec spec = new ScenarioSpec(primitive, Mode.PROCESSES, slowdown, workers, size, true);
        PrintStream out = System.out;
        try (ProcessSync family = new ProcessSync(dir)) {
            ScenarioContext ctx = new ScenarioContext(family, spec, workers, size, line -> {
                synchronized (out) {
                    out.println(EVENT + line);
                    out.flush();
                }
            });
            ctx.control().add(ScenarioContext.STARTED, 1);
            try {
                Scenarios.of(primitive).work(ctx, worker);
            } catch (CancelledException cancelled) {
                // the run was cancelled: end quietly
            }
        }
    }
}

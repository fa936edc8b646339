package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SyncPrimitives;
import dev.telar.workloads.sync.process.ProcessSync;
import dev.telar.workloads.sync.remote.RemoteSync;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scenario worker in a child JVM. Arguments: primitive, place, worker index, workers, size,
 * slowdown, then for a remote run the manager's address, its key file (empty: the inherited
 * variable) and the session in milliseconds. The place is the run directory of a process run, or
 * the run's space on the manager of a remote one; the key itself never travels on the command
 * line. It opens the run's primitives there and runs the worker's part; notable events go to
 * standard output as {@code event <text>} lines, which the runner reads.
 */
public final class ScenarioChild implements ProcessTarget {
    /** The line prefix of an event. */
    static final String EVENT = "event ";

    /** The arguments for worker {@code worker} of a run; {@code manager} is a remote run's (empty otherwise). */
    static List<String> args(ScenarioSpec spec, String place, int worker, int workers, long size,
                             Optional<ManagerTarget> manager) {
        List<String> args = new ArrayList<>(List.of(spec.primitive().label(), place, Integer.toString(worker),
                Integer.toString(workers), Long.toString(size), Double.toString(spec.slowdown())));
        if (spec.mode() == Mode.REMOTE) {
            args.addAll(manager.orElseThrow().childArgs());
        }
        return args;
    }

    @Override
    public void run(String[] args) throws Exception {
        Primitive primitive = Primitive.parse(args[0]);
        String place = args[1];
        int worker = Integer.parseInt(args[2]);
        int workers = Integer.parseInt(args[3]);
        long size = Long.parseLong(args[4]);
        double slowdown = Double.parseDouble(args[5]);
        boolean remote = args.length > 6;
        ScenarioSpec spec = new ScenarioSpec(primitive, remote ? Mode.REMOTE : Mode.PROCESSES, slowdown, workers, size, true);
        if (!remote) {
            try (ProcessSync family = new ProcessSync(Path.of(place))) {
                work(family, spec, worker);
            }
            return;
        }
        try (ManagerClient client = ManagerTarget.fromChildArgs(args, 6).connect(); RemoteSync family = new RemoteSync(client, place)) {
            work(family, spec, worker);
        }
    }

    private static void work(SyncPrimitives family, ScenarioSpec spec, int worker) throws Exception {
        PrintStream out = System.out;
        ScenarioContext ctx = new ScenarioContext(family, spec, spec.workers(), spec.size(), line -> {
            synchronized (out) {
                out.println(EVENT + line);
                out.flush();
            }
        });
        ctx.control().add(ScenarioContext.STARTED, 1);
        try {
            Scenarios.of(spec.primitive()).work(ctx, worker);
        } catch (CancelledException cancelled) {
            // the run was cancelled: end quietly
        }
    }
}

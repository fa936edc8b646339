package dev.telar.workloads.lesson;

import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lesson's quick measurement of this machine, before its first step: one thread's random draws
 * per second and one thread's time for a small matrix product, both run by the lab (warmed up, as
 * every run is), so that {@link LessonSizes} fit the machine in the room. A state machine like
 * {@link StepRun}. Not thread-safe.
 */
public final class Calibration {
    /** Draws of the cpu probe: well under a second on any machine that can run the lesson. */
    public static final long PROBE_DRAWS = 20_000_000L;
    /** Matrix order of the matmul probe. */
    public static final int PROBE_ORDER = 256;

    private final double budgetSeconds;
    private final int cores;
    private final List<RunResult> results = new ArrayList<>();
    private int sent;
    private boolean done;
    private Problem problem = Problem.NONE;

    public Calibration(double budgetSeconds, int cores) {
        this.budgetSeconds = budgetSeconds;
        this.cores = cores;
    }

    /** The first probe to send. */
    public LabCommand.Job start() {
        sent = 1;
        return probe(KernelKind.CPU, PROBE_DRAWS);
    }

    /** Takes one lab event; returns the second probe when the first ended. */
    public Optional<LabCommand.Job> accept(LabEvent event) {
        if (done) {
            return Optional.empty();
        }
        if (event instanceof LabEvent.Experiment e && e.event() instanceof ExperimentEvent.Finished f) {
            results.add(f.result());
            if (f.result().status() != RunResult.Status.COMPLETED) {
                problem = f.result().problem();
            }
        } else if (event instanceof LabEvent.Rejected r) {
            problem = r.reason();
            done = true;
        } else if (event instanceof LabEvent.Refused r) {
            problem = Problem.of(dev.telar.workloads.problem.ProblemCode.LAB_BUSY, r.running().name().toLowerCase());
            done = true;
        } else if (event instanceof LabEvent.LabLost l) {
            problem = l.reason();
        } else if (event instanceof LabEvent.JobEnded) {
            if (sent == 1 && problem.equals(Problem.NONE)) {
                sent = 2;
                return Optional.of(probe(KernelKind.MATMUL, PROBE_ORDER));
            }
            done = true;
        }
        return Optional.empty();
    }

    public boolean done() {
        return done;
    }

    /** Why the measurement failed, or {@link Problem#NONE}. */
    public Problem problem() {
        return problem;
    }

    /** The sizes measured, once {@link #done} without a problem. */
    public Optional<LessonSizes> sizes() {
        if (!done || !problem.equals(Problem.NONE) || results.size() < 2) {
            return Optional.empty();
        }
        double drawsPerSecond = PROBE_DRAWS / Math.max(1e-6, results.get(0).wallSeconds());
        return Optional.of(LessonSizes.of(budgetSeconds, cores, drawsPerSecond, results.get(1).wallSeconds()));
    }

    private static LabCommand.Job probe(KernelKind kernel, long size) {
        return new LabCommand.RunExperiment(new RunSpec(kernel, ModelKind.SEQUENTIAL, 1, 1, size, 1, 1, 5, new int[0],
                RunSpec.SEED), false);
    }
}

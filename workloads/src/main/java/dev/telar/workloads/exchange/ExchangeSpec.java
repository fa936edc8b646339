package dev.telar.workloads.exchange;

import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import java.util.Optional;

/**
 * The lecture's exchange experiment: {@code draws} random draws summed, split over
 * {@code processes} child processes, each returning its partial sum through {@code mechanism}.
 * Process {@code i} draws {@link #drawsOf(int)} numbers with seed {@code seed + i}, exactly as task
 * {@code i} of the CPU experiment, so the total is known in advance ({@link #sequentialSum()}).
 */
public record ExchangeSpec(Mechanism mechanism, int processes, long draws, long seed, ExchangeLimits limits) {
    /**
     * Most processes one experiment starts: 64, or fewer if a {@link SharedQueue} took fewer
     * producers (each process is one producer of the queue mechanism; the parent is its one
     * consumer). Checked where the user gives the number, so no run fails half-way for it.
     */
    public static final int MAX_PROCESSES = Math.min(64, SharedQueue.MAX_PRODUCERS);
    /** The lecture's figure: 320,000,000 draws. */
    public static final long LECTURE_DRAWS = 320_000_000L;
    /** Most draws accepted (some minutes of computing). */
    public static final long MAX_DRAWS = 100_000_000_000L;

    public ExchangeSpec {
        problem(processes, draws).ifPresent(p -> {
            throw new ProblemException(p);
        });
    }

    /** What is wrong with these sizes, or empty. */
    public static Optional<Problem> problem(int processes, long draws) {
        if (processes < 1 || processes > MAX_PROCESSES) {
            return Optional.of(Problem.of(ProblemCode.EXCHANGE_PROCESSES, MAX_PROCESSES, processes));
        }
        if (draws < processes || draws > MAX_DRAWS) {
            return Optional.of(Problem.of(ProblemCode.EXCHANGE_DRAWS, processes, MAX_DRAWS, draws));
        }
        return Optional.empty();
    }

    /** Draws of process {@code index}: an equal share, the first ones taking one more for the rest. */
    public long drawsOf(int index) {
        return draws / processes + (index < draws % processes ? 1 : 0);
    }

    /** The kernel process {@code index} runs (its task {@code index}). */
    public CpuKernel kernelOf(int index) {
        return new CpuKernel(drawsOf(index), seed);
    }

    /**
     * Chunks a pipe or queue message covers: 40 chunks of 250,000 draws, about 10 ms of drawing.
     * A message per chunk (one every 0.25 ms per child) kept the collecting parent busy enough to
     * take a good part of a core from the children on a two-core machine.
     */
    public static final int CHUNKS_PER_MESSAGE = 40;

    /**
     * Messages process {@code index} sends through a pipe or queue: its running partial sum after
     * every {@link #CHUNKS_PER_MESSAGE} chunks and after the last one.
     */
    public long messagesOf(int index) {
        return (kernelOf(index).chunks() + CHUNKS_PER_MESSAGE - 1) / CHUNKS_PER_MESSAGE;
    }

    /** Partial sum of process {@code index}, computed here. */
    public double partialOf(int index) {
        return kernelOf(index).runTask(index, TaskContext.FREE);
    }

    /**
     * The reference: every partial computed in this thread, added in process order from 0 — the
     * same additions in the same order as the parent makes with the partials it receives, so a
     * correct exchange gives exactly this double.
     */
    public double sequentialSum() {
        double total = 0;
        for (int i = 0; i < processes; i++) {
            total += partialOf(i);
        }
        return total;
    }
}

package dev.telar.workloads.model;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemFailure;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Base of the models that start one child JVM per worker (at most one per task), each computing
 * its round-robin share and reporting over its standard output ({@link ShareWorker}). Subclasses
 * say only how a child is made: the lecture's two ways, a target handed to a generic process or a
 * process subclass.
 *
 * <p>Timing: the children start, warm up and say {@code ready}; then the run's timed part begins
 * ({@link Job#startTiming()}) and every child is sent {@code go}; it ends with the last child's
 * {@code done}. JVM start-up is thus reported apart ({@code RunResult.startSeconds}), not hidden.
 * A cancelled run kills the children at once (SIGKILL).
 */
abstract class ChildPerWorkerModel implements ExecutionModel {
    /** How long a child may take to exit once its output has ended. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    /** Starts child {@code worker}'s JVM with these {@link ShareWorker} arguments, its input kept open. */
    abstract Child startChild(String[] args);

    @Override
    public boolean startsProcesses() {
        return true;
    }

    @Override
    public void run(Job job) throws InterruptedException {
        RunControl control = job.control();
        int count = Math.min(job.workers(), job.tasks());
        List<Child> children = new CopyOnWriteArrayList<>();
        Runnable killAll = () -> children.forEach(Child::kill);
        control.onCancel(killAll);
        BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
        try {
            for (int w = 0; w < count; w++) {
                control.check();
                Child child = startChild(ShareWorker.args(job.kernel(), w, count, job.tasks(), control.cores()));
                children.add(child);
                if (control.isCancelled()) {
                    child.kill(); // the cancel hook may have run just before it was listed
                }
                readLines(child, w, lines);
            }
            control.childrenStarted(children.stream().map(Child::pid).toList());
            awaitAll(children, lines, ShareWorker.READY, job, control);
            job.startTiming();
            for (Child child : children) {
                child.sendLine(ShareWorker.GO);
            }
            awaitAll(children, lines, ShareWorker.DONE, job, control);
            job.stopTiming();
            for (int w = 0; w < count; w++) {
                ChildExit exit = exitOf(children.get(w));
                if (!exit.ok()) {
                    throw ended(w, children.get(w), exit, ProblemCode.WORKER_FAILED_AFTER,
                            ProblemCode.WORKER_FAILED_AFTER_SAYING);
                }
            }
        } catch (UncheckedIOException e) {
            control.check(); // a child killed by a cancel closes its pipe: that is a cancellation
            throw e;
        } finally {
            control.removeOnCancel(killAll);
            for (Child child : children) {
                child.kill();
            }
            for (Child child : children) {
                child.join(Duration.ofSeconds(5));
            }
        }
    }

    /** Reads lines until every child has sent {@code word}; records results on the way. */
    private static void awaitAll(List<Child> children, BlockingQueue<Line> lines, String word, Job job,
                                 RunControl control) throws InterruptedException {
        boolean[] said = new boolean[children.size()];
        int left = children.size();
        while (left > 0) {
            Line line = lines.take();
            if (line.text == null) {
                if (said[line.worker]) {
                    continue;
                }
                Child child = children.get(line.worker);
                ChildExit exit = exitOf(child);
                control.check(); // killed by a cancel: report the cancellation, not the death
                boolean ready = word.equals(ShareWorker.READY);
                throw ended(line.worker, child, exit, ready ? ProblemCode.WORKER_NOT_READY : ProblemCode.WORKER_UNFINISHED,
                        ready ? ProblemCode.WORKER_NOT_READY_SAYING : ProblemCode.WORKER_UNFINISHED_SAYING);
            }
            String[] parts = line.text.split(" ");
            if (parts[0].equals(word) && !said[line.worker]) {
                said[line.worker] = true;
                left--;
            } else if (parts[0].equals(ShareWorker.RESULT) && parts.length == 5) {
                job.record(Integer.parseInt(parts[1]), Double.longBitsToDouble(Long.parseUnsignedLong(parts[2], 16)));
                control.addCpuNanos(Long.parseLong(parts[3]));
            }
            // Anything else on a child's output (a library's notice) is not ours: skip it.
        }
    }

    /** The exit of a child whose output has ended; a child that lingers is killed. */
    private static ChildExit exitOf(Child child) throws InterruptedException {
        return child.join(EXIT_WAIT).orElseGet(() -> {
            child.kill();
            return new ChildExit(128 + 9);
        });
    }

    /** The failure of a run whose worker process ended badly; its last words count unless it was killed. */
    private static ProblemFailure ended(int worker, Child child, ChildExit exit, ProblemCode plain,
                                          ProblemCode saying) {
        Optional<Problem> said = exit.signal() == 0 ? child.lastProblem() : Optional.empty();
        return new ProblemFailure(Problem.ended(said, plain, saying, worker, child.pid(), exit.code()));
    }

    /** A daemon thread per child reads its output into the shared queue; end of output is a null text. */
    private static void readLines(Child child, int worker, BlockingQueue<Line> lines) {
        Thread reader = new Thread(() -> {
            try {
                for (String s; (s = child.stdout().readLine()) != null; ) {
                    lines.add(new Line(worker, s));
                }
            } catch (IOException e) {
                // the pipe broke: same as its end
            }
            lines.add(new Line(worker, null));
        }, "telar-child-out-" + child.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** One line a child wrote, or its end of output (null text). */
    private record Line(int worker, String text) {
    }
}

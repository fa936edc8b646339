package dev.telar.workloads.ipc;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCarrier;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The file system that holds exchange files has no room for what was about to be written. Its
 * {@link #problem()} is one of the {@code DISK_FULL} codes, naming the place, the free space and
 * what was needed.
 */
public final class DiskFullException extends UncheckedIOException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public DiskFullException(Problem problem) {
        super(problem.toString(), new IOException("No space left on device"));
        this.problem = problem;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}

package dev.telar.workloads.problem;

/**
 * Something that was running failed (e.g. a worker process died), said as a {@link Problem}. An
 * {@link IllegalStateException}, as such failures were before; a bad request is a
 * {@link ProblemException} instead.
 */
public final class ProblemFailure extends IllegalStateException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ProblemFailure(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}

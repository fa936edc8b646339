package dev.telar.workloads.problem;

/**
 * A request that cannot be served as asked (a spec out of range, a number of workers a scenario
 * cannot use), said as a {@link Problem}. An {@link IllegalArgumentException}, so callers that
 * validate as usual need nothing new; the lab reports it as a refused job with the problem. A
 * failure of something that was running is a {@link ProblemFailure} instead.
 */
public final class ProblemException extends IllegalArgumentException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}

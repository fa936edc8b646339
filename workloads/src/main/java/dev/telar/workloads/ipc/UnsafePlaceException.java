package dev.telar.workloads.ipc;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCarrier;
import dev.telar.workloads.problem.ProblemCode;
import java.nio.file.Path;

/**
 * Telar's own directory for run files exists but cannot be trusted (a symlink, another user's, open
 * to group or others, not a directory), or cannot be made. Its {@link #problem()} (a {@code PLACE_}
 * code, the path first) says what is wrong; the user interface words it with the fix, and the CLI
 * prints that line after {@code telar: } and exits non-zero.
 */
public final class UnsafePlaceException extends RuntimeException implements ProblemCarrier {
    private final Path place;
    private final transient Problem problem;

    /** @param args the code's arguments after the place */
    UnsafePlaceException(Path place, ProblemCode code, Object... args) {
        this(place, null, code, args);
    }

    UnsafePlaceException(Path place, Throwable cause, ProblemCode code, Object... args) {
        this(place, cause, withPlace(place, code, args));
    }

    private UnsafePlaceException(Path place, Throwable cause, Problem problem) {
        super(problem.toString(), cause);
        this.place = place;
        this.problem = problem;
    }

    private static Problem withPlace(Path place, ProblemCode code, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = place;
        System.arraycopy(args, 0, all, 1, args.length);
        return Problem.of(code, all);
    }

    @Override
    public Problem problem() {
        return problem;
    }

    /** The directory that was refused. */
    public Path place() {
        return place;
    }
}

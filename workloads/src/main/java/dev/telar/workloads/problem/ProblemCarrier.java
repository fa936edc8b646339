package dev.telar.workloads.problem;

/** An exception that says what went wrong as a {@link Problem}; its message is the problem's code and arguments, for logs. */
public interface ProblemCarrier {
    /** What went wrong. */
    Problem problem();
}

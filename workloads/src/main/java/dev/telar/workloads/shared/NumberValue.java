package dev.telar.workloads.shared;

/**
 * One number shared by many processes: the lecture's Value, and the Manager's value.
 *
 * <p><b>Units.</b> A {@code double}. Whole numbers are exact while they stay within
 * &plusmn;2<sup>53</sup>; past that, or with fractions, the usual {@code double} rounding applies.
 * An implementation that keeps whole numbers only (a local value of type LONG) truncates each
 * result toward zero, and says so.
 *
 * <p><b>Guarantees.</b> {@link #getDouble()} and {@link #setDouble(double)} are single reads and
 * writes: another process may change the number right after. {@link #addDouble(double)} is atomic
 * across every thread and process using the value (the lecture's
 * {@code with v.get_lock(): v.value += x}): no addition is lost or applied twice, and each caller
 * gets the sum its own addition produced. Implementations are thread-safe. A failure is an
 * unchecked exception saying what happened, never a guessed result: a manager out of reach, or a
 * dropped connection that leaves an addition's outcome unknown, is an {@link
 * IllegalStateException}; an interrupted wait for the local lock, the shared memory layer's
 * {@code WaitInterruptedException}.
 */
public interface NumberValue {
    /** The number now. */
    double getDouble();

    /** Replaces the number (the last write wins). */
    void setDouble(double value);

    /** Adds {@code delta} atomically; returns the sum this addition produced. */
    double addDouble(double delta);
}

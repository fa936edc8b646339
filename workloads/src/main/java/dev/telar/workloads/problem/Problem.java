package dev.telar.workloads.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why something failed or was refused: a code, its arguments (numbers, pids, paths, names, or the
 * words of an underlying error where nothing better exists), and for some codes the problem behind
 * it. The words around the arguments are the user interface's, in the user's language. Immutable;
 * carried across processes field by field (the lab's events), and as one line of a child's error
 * stream ({@link #toLine()}).
 *
 * @param code  what happened
 * @param args  exactly {@link ProblemCode#arity()} values, in the code's order
 * @param cause the problem behind this one: present exactly when {@link ProblemCode#caused()}
 */
public record Problem(ProblemCode code, List<String> args, Optional<Problem> cause) {
    /** No problem: what a completed run carries. */
    public static final Problem NONE = new Problem(ProblemCode.NONE, List.of(), Optional.empty());
    /** A run or job stopped because it was asked to. */
    public static final Problem CANCELLED = new Problem(ProblemCode.CANCELLED, List.of(), Optional.empty());
    /** What every line {@link #toLine()} writes starts with. */
    public static final String LINE_PREFIX = "telar-problem";
    private static final String SEPARATOR = "\t";

    public Problem {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        Objects.requireNonNull(cause, "cause");
        if (args.size() != code.arity()) {
            throw new IllegalArgumentException(code + " takes " + code.arity() + " arguments, got " + args.size());
        }
        if (cause.isPresent() != code.caused()) {
            throw new IllegalArgumentException(code + (code.caused() ? " needs" : " takes no") + " cause");
        }
    }

    /** A problem without a cause; each argument is put in as {@link String#valueOf}. */
    public static Problem of(ProblemCode code, Object... args) {
        return new Problem(code, strings(args), Optional.empty());
    }

    /** A problem whose cause is {@code cause}. */
    public static Problem because(Problem cause, ProblemCode code, Object... args) {
        return new Problem(code, strings(args), Optional.of(cause));
    }

    /**
     * What {@code failure} says: the problem it carries ({@link ProblemCarrier}, also among its
     * causes), a full disk however it showed ({@link #fullDisk}), else its own first line
     * ({@link ProblemCode#ERROR}), or its class name when it has no message.
     */
    public static Problem of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemCarrier carrier) {
                return carrier.problem();
            }
        }
        return fullDisk(failure).orElseGet(() -> of(ProblemCode.ERROR, firstLine(failure)));
    }

    /**
     * The full disk behind {@code failure} (a {@code DISK_FULL} problem), or empty when it is
     * something else. Recognised, also among its causes: a {@link ProblemCarrier} with such a
     * problem; the JVM's {@link InternalError} for a fault in an access to mapped memory (a page the
     * disk could not give); an I/O error "No space left on device"; Chronicle Map's "Not enough
     * space to fallocate".
     */
    public static Optional<Problem> fullDisk(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof ProblemCarrier carrier && carrier.problem().code().diskFull()) {
                return Optional.of(carrier.problem());
            }
            if (t instanceof InternalError && m.contains("unsafe memory access")) {
                return Optional.of(of(ProblemCode.DISK_FULL_MAPPED_WRITE, m.lines().findFirst().orElse(m)));
            }
            if (m.contains("No space left on device") || m.contains("Not enough space to fallocate")) {
                return Optional.of(of(ProblemCode.DISK_FULL, m.lines().findFirst().orElse(m)));
            }
        }
        return Optional.empty();
    }

    /** The detail of an error: its class's simple name, and its message's first line when it has one. */
    public static String detail(Throwable failure) {
        Optional<String> io = IoWords.of(failure);
        if (io.isPresent()) {
            return io.get();
        }
        String m = failure.getMessage();
        return failure.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /**
     * The full disk this problem comes down to: itself or the nearest of its causes with a
     * {@link ProblemCode#diskFull()} code (e.g. the last words of a child that met it); empty when
     * none is one.
     */
    public Optional<Problem> diskFull() {
        for (Problem p = this; p != null; p = p.cause.orElse(null)) {
            if (p.code.diskFull()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** True for {@link #NONE}. */
    public boolean isNone() {
        return code == ProblemCode.NONE;
    }

    /**
     * This problem and its causes as one line, for a child's error stream: {@value #LINE_PREFIX},
     * then for each problem its code, its argument count and its arguments, tab-separated (tabs and
     * line breaks inside an argument become spaces). Read back by {@link #fromLine}.
     */
    public String toLine() {
        StringBuilder b = new StringBuilder(LINE_PREFIX);
        for (Problem p = this; p != null; p = p.cause.orElse(null)) {
            b.append(SEPARATOR).append(p.code.name()).append(SEPARATOR).append(p.args.size());
            for (String a : p.args) {
                b.append(SEPARATOR).append(a.replaceAll("[\\t\\r\\n]", " "));
            }
        }
        return b.toString();
    }

    /**
     * The problem a line written by {@link #toLine()} holds; empty for any other line (a child
     * that failed in another way writes its error in its own words).
     */
    public static Optional<Problem> fromLine(String line) {
        String[] parts = line.split(SEPARATOR, -1);
        if (parts.length < 3 || !parts[0].equals(LINE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(parts, 1));
        } catch (IllegalArgumentException e) { // also an unknown code or a bad count
            return Optional.empty();
        }
    }

    private static Problem read(String[] parts, int at) {
        if (at + 2 > parts.length) {
            throw new IllegalArgumentException("truncated");
        }
        ProblemCode code = ProblemCode.valueOf(parts[at]);
        int n = Integer.parseInt(parts[at + 1]);
        int next = at + 2 + n;
        if (n < 0 || next > parts.length) {
            throw new IllegalArgumentException("truncated");
        }
        List<String> args = List.of(parts).subList(at + 2, next);
        Optional<Problem> cause = next < parts.length ? Optional.of(read(parts, next)) : Optional.empty();
        return new Problem(code, args, cause);
    }

    /**
     * What a child's last error line says: the problem it wrote ({@link #toLine()}), else the line
     * itself ({@link ProblemCode#ERROR}); empty for an empty line (the child said nothing).
     */
    public static Optional<Problem> said(String line) {
        return line.isEmpty() ? Optional.empty()
                : Optional.of(fromLine(line).orElseGet(() -> of(ProblemCode.ERROR, line)));
    }

    /**
     * How a process ended: {@code saying} with its last words as the cause when it left some, else
     * {@code plain}; both codes take {@code args}.
     */
    public static Problem ended(Optional<Problem> said, ProblemCode plain, ProblemCode saying, Object... args) {
        return said.map(s -> because(s, saying, args)).orElseGet(() -> of(plain, args));
    }

    /** For logs: the code, its arguments and its cause, e.g. {@code LAB_KILLED[1234, 137]}. */
    @Override
    public String toString() {
        return code + args.toString() + cause.map(c -> " <- " + c).orElse("");
    }

    private static List<String> strings(Object[] args) {
        List<String> out = new ArrayList<>(args.length);
        for (Object a : args) {
            out.add(String.valueOf(a));
        }
        return out;
    }

    private static String firstLine(Throwable failure) {
        Optional<String> io = IoWords.of(failure);
        if (io.isPresent()) {
            return io.get();
        }
        String m = failure.getMessage();
        return m == null || m.isBlank() ? failure.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}

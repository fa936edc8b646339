package dev.telar.tui.text;

import dev.telar.config.Language;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCarrier;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.ChildExit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words of the workloads' {@link Problem}s: each code has one text per language, key
 * {@code problem.<code>} (lower case, dots for underscores), with a {@code %s} for each argument in
 * order and, for a code with a cause, one last {@code %s} for the cause's own words. An argument
 * that is an exit status ({@link ProblemCode#EXIT}) is worded too ("killed by SIGKILL (9)").
 * Pure functions.
 */
public final class Problems {
    private Problems() {
    }

    /** The bundle key of {@code code}'s text. */
    public static String key(ProblemCode code) {
        return "problem." + code.name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** {@code problem} as a message that reads in the language chosen when it is drawn; {@link Message#NONE} for no problem. */
    public static Message message(Problem problem) {
        if (problem.isNone()) {
            return Message.NONE;
        }
        List<Object> args = new ArrayList<>(problem.args().size() + 1);
        List<String> names = problem.code().argNames();
        for (int i = 0; i < names.size(); i++) {
            String value = problem.args().get(i);
            args.add(names.get(i).equals(ProblemCode.EXIT) ? exit(value) : value);
        }
        problem.cause().ifPresent(c -> args.add(message(c)));
        return new Message(key(problem.code()), args.toArray());
    }

    /** {@code problem} in the language of {@code texts}; empty for no problem. */
    public static String text(Problem problem, Texts texts) {
        return message(problem).in(texts);
    }

    /** {@code problem} in English: the words of the JSON output, which is read by programs. */
    public static String english(Problem problem) {
        return text(problem, Texts.of(Language.EN));
    }

    /**
     * The words of the problem {@code error} carries ({@link ProblemCarrier}, also among its
     * causes) in the language of {@code texts}; empty when it carries none.
     */
    public static Optional<String> carried(Throwable error, Texts texts) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemCarrier carrier) {
                return Optional.of(text(carrier.problem(), texts));
            }
        }
        return Optional.empty();
    }

    /** An exit status as Java reports it (128 + n for signal n), or empty while the process runs. */
    private static Message exit(String status) {
        if (status.isEmpty()) {
            return new Message("problem.exit.running");
        }
        ChildExit exit;
        try {
            exit = new ChildExit(Integer.parseInt(status));
        } catch (NumberFormatException e) {
            return Message.verbatim(status);
        }
        return exit.signal() != 0 ? new Message("problem.exit.signal", ChildExit.signalName(exit.signal()), exit.signal())
                : new Message("problem.exit.code", exit.code());
    }
}

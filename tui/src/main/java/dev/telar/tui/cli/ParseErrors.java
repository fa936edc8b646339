package dev.telar.tui.cli;

import dev.telar.tui.text.Message;
import dev.telar.tui.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors in Telar's words and language. picocli words its parse errors in English, so the
 * common kinds are recognised by their exception type and told again from the texts, with the
 * option or value they are about; any other keeps picocli's message. Errors Telar raises itself
 * (a bad snapshot interval, a bad experiment) are already in the user's language and pass through.
 */
final class ParseErrors {
    /** picocli's wording of an exclusive group given twice, the only way to learn which options were given. */
    private static final Pattern EXCLUSIVE = Pattern.compile("Error: (.+) are mutually exclusive \\(specify only one\\)");

    private ParseErrors() {
    }

    /** The one line for {@code ex}: {@code telar: <what went wrong> (see 'telar run --help')}. */
    static String line(ParameterException ex, Texts texts) {
        String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        return texts.format("cli.usage.error", Errors.oneLine(describe(ex, texts)), command);
    }

    /** What went wrong, without the framing. */
    static String describe(ParameterException ex, Texts t) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return unmatched(u, t);
        }
        if (ex instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            List<ArgSpec> missing = m.getMissing();
            if (missing.size() > 1) {
                // A required group: one of its options must be given.
                List<String> names = new ArrayList<>();
                for (ArgSpec a : missing) {
                    names.add(name(a));
                }
                return t.format("cli.parse.missing.oneof", String.join(", ", names));
            }
            ArgSpec a = missing.get(0);
            return a.isOption() ? t.format("cli.parse.missing.value", what(a), a.paramLabel())
                    : t.format("cli.parse.missing.parameter", what(a));
        }
        if (ex instanceof MutuallyExclusiveArgsException) {
            Matcher m = EXCLUSIVE.matcher(String.valueOf(ex.getMessage()));
            if (m.matches()) {
                return t.format("cli.parse.exclusive", m.group(1));
            }
        }
        if (ex instanceof OverwrittenOptionException o && o.getOverwritten() != null) {
            return t.format("cli.parse.twice", what(o.getOverwritten()));
        }
        if (ex.getArgSpec() != null && ex.getValue() != null && ex.getCause() != null) {
            // A value picocli could not convert to the option's type.
            String type = typeKey(ex.getArgSpec());
            return type == null ? t.format("cli.parse.invalid", what(ex.getArgSpec()), ex.getValue())
                    : t.format("cli.parse.invalid.type", what(ex.getArgSpec()), ex.getValue(), new Message(type));
        }
        return String.valueOf(ex.getMessage());
    }

    private static String unmatched(UnmatchedArgumentException u, Texts t) {
        List<String> args = u.getUnmatched();
        List<String> quoted = new ArrayList<>();
        for (String a : args) {
            quoted.add("'" + a + "'");
        }
        String list = String.join(", ", quoted);
        if (u.isUnknownOption()) {
            return t.count("cli.parse.unknown.option", args.size(), list);
        }
        CommandLine.Model.CommandSpec spec = u.getCommandLine().getCommandSpec();
        if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            List<String> commands = new ArrayList<>();
            for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
                if (!e.getValue().getCommandSpec().usageMessage().hidden()) {
                    commands.add(e.getKey());
                }
            }
            return t.format("cli.parse.unknown.command", "'" + args.get(0) + "'", String.join(", ", commands));
        }
        return t.count("cli.parse.unexpected", args.size(), list);
    }

    /** "option '--count'" or "parameter 'KERNEL'", as a text in the message's language. */
    private static Message what(ArgSpec a) {
        return a.isOption() ? new Message("cli.parse.option", name(a)) : new Message("cli.parse.parameter", name(a));
    }

    private static String name(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
    }

    /** The text key of the kind of value the option takes, or null when it has no simple name. */
    private static String typeKey(ArgSpec a) {
        Class<?> type = a.auxiliaryTypes().length > 0 ? a.auxiliaryTypes()[0] : a.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "cli.parse.type.whole";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "cli.parse.type.number";
        }
        return null;
    }
}

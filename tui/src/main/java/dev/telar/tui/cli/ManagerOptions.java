package dev.telar.tui.cli;

import dev.telar.config.ManagerSettings;
import dev.telar.config.Settings;
import dev.telar.tui.ManagerPlace;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.remote.ManagerTarget;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of every command that talks to a manager: {@code --manager HOST:PORT[,...]} and
 * {@code --key-file PATH}, over the settings {@code manager.address} (or {@code TELAR_MANAGER}) and
 * {@code manager.key-file}. Without a key file the key is the variable {@code TELAR_MANAGER_KEY}
 * when it is set, else the file {@code telar manager serve} keeps in the state directory, so that
 * the same user's commands on the manager's machine need no option at all.
 */
public final class ManagerOptions {
    @Option(names = {"--manager", "--connect"}, paramLabel = "${bundle:label.manager:-HOST:PORT}", descriptionKey = "option.manager")
    private String address;

    @Option(names = "--key-file", paramLabel = "${bundle:label.path:-PATH}", descriptionKey = "option.manager.key-file")
    private Path keyFile;

    /**
     * The manager to talk to and where its key is, with the key checked now (a bad key is a usage
     * error before anything starts).
     *
     * @param spec  the command, for its settings, environment and error messages
     * @param texts the command's language
     * @throws ParameterException one line: no manager named, a malformed address, or a key that cannot be read
     */
    public ManagerTarget target(CommandSpec spec, Texts texts) {
        Settings settings = TelarCommand.settingsOf(spec);
        ManagerSettings m = settings.manager();
        String chosen = address != null ? address.strip() : m.address();
        if (chosen == null) {
            throw new ParameterException(spec.commandLine(), texts.get("cli.manager.unnamed"));
        }
        if (!ManagerSettings.isAddress(chosen)) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.manager.address.bad", chosen));
        }
        Function<String, String> env = variables(spec);
        ManagerTarget target = ManagerPlace.target(chosen, keyFile, m, env);
        try {
            target.key(env);
        } catch (ProblemException e) {
            throw new ParameterException(spec.commandLine(), Problems.text(e.problem(), texts));
        }
        return target;
    }

    /** The variables of the main command's environment; the process's own for a command run alone. */
    static Function<String, String> variables(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof TelarCommand telar ? telar.environment()::getenv : System::getenv;
    }
}

package dev.telar.tui.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code telar bench ...}: measurements to compare with the Python peers; a subcommand picks which. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {"Measures Telar's mechanisms against the lecture's Python ones (run the peer in the same session).",
            "Examples: telar bench ipc --messages 200000 --json; telar bench sync --json"},
        subcommands = {BenchSyncCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "bench needs a subcommand: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}

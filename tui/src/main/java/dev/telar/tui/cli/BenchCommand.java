package dev.telar.tui.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telar bench SUBCOMMAND}: benchmarks measured against the Python peers. Subcommands are
 * added by {@link Cli} ({@code ipc}; {@code sync} joins it).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {"Measures Telar's inter-process mechanisms; compare with the Python peers in the same run.",
            "Example: telar bench ipc --messages 200000 --json"})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "bench needs a subcommand: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}

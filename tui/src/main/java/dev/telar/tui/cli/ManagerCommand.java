package dev.telar.tui.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code telar manager ...}: the lecture's remote Manager, on ZooKeeper; a subcommand picks what to do. */
@Command(name = "manager", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true) // description: "telar.manager.usage.*" in the usage bundles
public final class ManagerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), CommandTexts.of(spec, null).format("cli.manager.needs",
                String.join(", ", spec.subcommands().keySet())));
    }
}

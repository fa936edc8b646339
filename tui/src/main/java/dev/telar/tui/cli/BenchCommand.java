package dev.telar.tui.cli;

import dev.telar.config.Language;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code telar bench ...}: measurements to compare with the Python peers; a subcommand picks which. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true, // description: "telar.bench.usage.*" in the usage bundles
        subcommands = {BenchSyncCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** The language asked for when the command was made, or null: the main command's. */
    private final Supplier<Language> language;

    /** A command that speaks the language the main command's options and settings choose. */
    public BenchCommand() {
        this(null);
    }

    /** @param language the language of messages, asked when the command runs; null for the main command's */
    public BenchCommand(Supplier<Language> language) {
        this.language = language;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), CommandTexts.of(spec, language).format("cli.bench.needs",
                String.join(", ", spec.subcommands().keySet())));
    }
}

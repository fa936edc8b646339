package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.probe.Probe;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code telar snapshot --json}: measures the machine over one interval and prints what it saw as
 * JSON, one object per line. Needs no terminal.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true)
public final class SnapshotCommand implements Callable<Integer> {
    static final double MIN_INTERVAL = 0.1;
    static final double MAX_INTERVAL = 3600;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TelarCommand parent;

    @Option(names = "--json")
    private boolean json;

    @Option(names = "--interval", paramLabel = "${bundle:label.seconds:-SECONDS}", defaultValue = "1")
    private double intervalSeconds;

    @Option(names = "--count", paramLabel = "N")
    private Integer count;

    private final Supplier<Probe> probes;
    /** The language asked for when the command was made, or null: the settings' (English without them). */
    private final Supplier<Language> language;

    /** A command that reads the machine with {@code probes} and speaks the settings' language. */
    public SnapshotCommand(Supplier<Probe> probes) {
        this(probes, null);
    }

    /**
     * @param probes   makes the probe that reads the machine
     * @param language the language of messages, asked when the command runs; null for the settings' language
     */
    public SnapshotCommand(Supplier<Probe> probes, Supplier<Language> language) {
        this.probes = probes;
        this.language = language;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!json) {
            Texts texts = texts();
            throw new ParameterException(spec.commandLine(), texts.get("cli.snapshot.needsjson"));
        }
        if (!(intervalSeconds >= MIN_INTERVAL && intervalSeconds <= MAX_INTERVAL)) {
            throw new ParameterException(spec.commandLine(), texts().format("cli.snapshot.interval",
                    Double.toString(MIN_INTERVAL), (int) MAX_INTERVAL, Double.toString(intervalSeconds)));
        }
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), texts().format("cli.snapshot.count", count));
        }
        int snapshots = count == null ? 1 : count;
        long intervalNanos = Math.round(intervalSeconds * 1e9);
        PrintWriter out = spec.commandLine().getOut();
        Probe probe = probes.get();
        long start = System.nanoTime();
        probe.sample(pid -> true);
        for (int i = 1; i <= snapshots; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            SystemSnapshot snapshot = probe.sample(pid -> true);
            out.println(SnapshotJson.toLine(snapshot));
            out.flush(); // a write that fails (reader gone, disk full) ends the loop: see WatchedOutput
        }
        return 0;
    }

    /**
     * The texts for a message. The snapshot itself needs no settings, so they are read only for a
     * message, and a settings mistake then leaves the message in English rather than hiding it.
     */
    private Texts texts() {
        if (language != null) {
            return Texts.of(language.get());
        }
        try {
            return Texts.of(parent == null ? Language.EN : parent.settings().language());
        } catch (RuntimeException badSettings) {
            return Texts.of(Language.EN);
        }
    }
}

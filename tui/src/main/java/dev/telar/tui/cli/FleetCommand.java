package dev.telar.tui.cli;

import dev.telar.tui.text.Texts;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import dev.telar.workloads.remote.fleet.FleetWatch;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telar fleet --json [--manager ADDR] [--key-file PATH]}: reads the fleet's hosts once
 * from the manager (waiting up to {@link #FIRST_HOST} for a first host when there is none yet)
 * and prints them as one JSON document; hosts gone in the last minute are listed as gone only
 * when this command saw them go, so a fresh read shows live hosts. Exit 0; a bad manager or key
 * one line and exit 2; no manager answering one line and exit 1.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true) // texts: "telar.fleet.*" in the usage bundles
public final class FleetCommand implements Callable<Integer> {
    /** How long an empty fleet is waited on: an agent's default interval. */
    static final Duration FIRST_HOST = Duration.ofSeconds(1);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ManagerOptions manager;

    @Option(names = "--json")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Texts texts = CommandTexts.of(spec, null);
        if (!json) {
            throw new ParameterException(spec.commandLine(), texts.get("cli.fleet.needsjson"));
        }
        ManagerTarget target = manager.target(spec, texts);
        try (ManagerClient client = ManagerConnection.open(target, spec, texts)) {
            CountDownLatch someHost = new CountDownLatch(1);
            try (FleetWatch watch = FleetWatch.start(client, FleetWatch.KEEP_GONE, s -> {
                if (!s.rows().isEmpty()) {
                    someHost.countDown();
                }
            })) {
                if (!watch.awaitReady(ManagerTarget.CONNECT_TIMEOUT)) {
                    spec.commandLine().getErr().println("telar: " + texts.format("cli.fleet.noanswer", target.address(),
                            ManagerTarget.CONNECT_TIMEOUT.toSeconds()));
                    return Cli.FAILURE;
                }
                if (watch.snapshot().rows().isEmpty()) {
                    someHost.await(FIRST_HOST.toMillis(), TimeUnit.MILLISECONDS);
                }
                FleetSnapshot fleet = watch.snapshot();
                PrintWriter out = spec.commandLine().getOut();
                out.println(FleetJson.toLine(fleet));
                out.flush();
                return 0;
            }
        } catch (ManagerConnection.Failed told) {
            return told.exit();
        }
    }
}

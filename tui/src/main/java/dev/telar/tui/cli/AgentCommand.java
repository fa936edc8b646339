package dev.telar.tui.cli;

import dev.telar.probe.Probe;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.fleet.FleetAgent;
import dev.telar.workloads.remote.fleet.HostSummary;
import dev.telar.workloads.remote.fleet.JobStatusFile;
import dev.telar.workloads.remote.fleet.SummaryMaker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telar agent [--manager ADDR] [--key-file PATH] [--name NAME] [--interval SECONDS]}:
 * publishes this host's summary (cores, load, memory, busiest processes, Telar's processes) to the
 * manager's fleet every interval (by default the settings' refresh interval) until Ctrl-C,
 * SIGTERM or SIGHUP, then deletes its node (when the manager answers; otherwise the node goes with
 * the session) and exits 0, within about a second whatever the manager's state. Prints one line
 * when it first publishes; when the name is held by another live agent, one line saying it waits
 * (with that agent's pid) and the publishing line once it takes the name; one line when the
 * manager stops answering and one when it answers again, nothing else. A bad option, manager address or key, or a manager that refuses the key: one line, exit 2. No manager
 * answering: one line, exit 1.
 */
@Command(name = "agent", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true) // texts: "telar.agent.*" in the usage bundles
public final class AgentCommand implements Callable<Integer> {
    static final double MIN_INTERVAL = 0.25;
    static final double MAX_INTERVAL = 60;
    /** How long a stopping agent waits for its goodbye to the manager, ms. */
    private static final long CLOSE_WAIT_MILLIS = 1000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ManagerOptions manager;

    @Option(names = "--name", paramLabel = "${bundle:label.name:-NAME}")
    private String name;

    /** Null: the settings' refresh interval (1 s unless set). */
    @Option(names = "--interval", paramLabel = "${bundle:label.seconds:-SECONDS}")
    private Double interval;

    private final Supplier<Probe> probes;

    /** An agent that reads this machine with {@code probes}. */
    public AgentCommand(Supplier<Probe> probes) {
        this.probes = probes;
    }

    @Override
    public Integer call() throws InterruptedException {
        Texts texts = CommandTexts.of(spec, null);
        double intervalSeconds = interval != null ? interval : TelarCommand.settingsOf(spec).refreshMillis() / 1000.0;
        if (!(intervalSeconds >= MIN_INTERVAL && intervalSeconds <= MAX_INTERVAL)) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.agent.interval",
                    seconds(MIN_INTERVAL), seconds(MAX_INTERVAL), seconds(intervalSeconds)));
        }
        Probe probe = probes.get();
        String host = name != null ? name : probe.host().hostName();
        if (!HostSummary.isName(host)) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.agent.name", host, HostSummary.MAX_NAME));
        }
        ManagerTarget target = manager.target(spec, texts);
        CountDownLatch stop = new CountDownLatch(1);
        // As for the manager: a signal ends the wait below, so the node is deleted and the exit is 0.
        List<Runnable> restore = ManagerServeCommand.catchStopSignals(stop);
        try {
            ManagerClient client = ManagerConnection.open(target, spec, texts);
            try {
                return publishUntilStopped(client, probe, host, target.address(), intervalSeconds, texts, stop);
            } finally {
                closeWithin(client, CLOSE_WAIT_MILLIS);
            }
        } catch (ManagerConnection.Failed told) {
            return told.exit();
        } finally {
            restore.forEach(Runnable::run);
        }
    }

    /**
     * Publishes until {@code stop} is counted down (a signal, or a line that could not be written),
     * telling a person what changes; returns 0, or {@link Cli#FAILURE} when the output was lost.
     */
    private int publishUntilStopped(ManagerClient client, Probe probe, String host, String address, double intervalSeconds,
                                    Texts texts, CountDownLatch stop) throws InterruptedException {
        int pid = (int) ProcessHandle.current().pid();
        probe.sample(p -> false); // loads are measured between two samples: the first publish has an interval behind it
        // The jobs this user's lab engines run, from their status files in Telar's own place.
        Path jobs = JobStatusFile.defaultDirectory(System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        String every = seconds(intervalSeconds);
        // A line that cannot be written ends the agent, as any repeating command: on the fleet
        // agent's thread, which says these, the exception would end only that thread.
        AtomicReference<WatchedOutput.OutputLost> lost = new AtomicReference<>();
        Consumer<String> say = line -> say(out, line, lost, stop);
        // One line per change a person should know of; the log has the details.
        FleetAgent.Events told = new FleetAgent.Events() {
            @Override
            public void publishing() {
                say.accept(texts.format("cli.agent.publishing", host, address, every));
            }

            @Override
            public void nameTaken(int holderPid) {
                say.accept(texts.format("cli.agent.waiting", host, holderPid < 0 ? "?" : Integer.toString(holderPid), address));
            }

            @Override
            public void linkLost() {
                say.accept(texts.format("cli.agent.lost", address, every));
            }

            @Override
            public void linkBack() {
                say.accept(texts.format("cli.agent.back", address));
            }
        };
        FleetAgent agent = FleetAgent.start(client, host, Duration.ofNanos(Math.round(intervalSeconds * 1e9)),
                () -> SummaryMaker.of(probe.sample(p -> false), host, pid, SummaryMaker.DEFAULT_TOP, JobStatusFile.readLive(jobs)), told);
        try {
            stop.await();
        } finally {
            agent.close();
        }
        if (lost.get() != null) {
            LoggerFactory.getLogger(AgentCommand.class).info("agent stopped: its output cannot be written ({})", lost.get().getMessage());
            spec.commandLine().getErr().println(Cli.outputLost(lost.get(), texts));
            return Cli.FAILURE;
        }
        LoggerFactory.getLogger(AgentCommand.class).info("agent stopped by a signal after {} summaries", agent.published());
        return 0;
    }

    /**
     * Closes the client on a thread of its own, waiting at most {@code millis}: saying goodbye to a
     * manager that does not answer must not hold the exit. The process ends anyway, and the manager
     * ends the session (and its node) by itself.
     */
    private static void closeWithin(ManagerClient client, long millis) throws InterruptedException {
        Thread closer = new Thread(client::close, "telar-agent-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(millis);
        if (closer.isAlive()) {
            LoggerFactory.getLogger(AgentCommand.class).info("the manager did not answer the goodbye within {} ms; its session ends by itself", millis);
        }
    }

    /** Prints {@code line}; when it cannot be written, keeps the reason in {@code lost} and ends the wait on {@code stop}. */
    private static void say(PrintWriter out, String line, AtomicReference<WatchedOutput.OutputLost> lost, CountDownLatch stop) {
        synchronized (out) {
            try {
                out.println(line);
                out.flush();
            } catch (WatchedOutput.OutputLost e) {
                lost.compareAndSet(null, e);
                stop.countDown();
            }
        }
    }

    /** Seconds as a person writes them: "1", "0.5". */
    static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%s", s);
    }
}

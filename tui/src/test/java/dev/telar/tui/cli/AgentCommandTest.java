package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telar.workloads.proc.JvmCommand;
import dev.telar.tui.FirstLine;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerServer;
import dev.telar.workloads.remote.fleet.JobStatusFile;
import dev.telar.workloads.remote.fleet.RunningJob;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.telar.workloads.remote.fleet.HostSummary;
import dev.telar.workloads.remote.fleet.FleetAgent;
import dev.telar.workloads.remote.ManagerClient;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code telar agent} as a real process publishing to a real manager, read back by {@code telar fleet --json}; their one-line refusals. */
@Timeout(90)
class AgentCommandTest {
    @TempDir
    Path tmp;
    private ManagerServer server;
    private Path keyFile;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void startManager() {
        keyFile = ManagerKey.defaultFile(tmp.resolve("state"));
        server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), ManagerServer.defaultDirectory(tmp.resolve("state")),
                ManagerKey.readOrCreate(keyFile));
    }

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
        if (server != null) {
            server.close();
        }
    }

    private CliTest.Run cli(String... args) {
        return CliTest.run(CliTest.env(false, Map.of("XDG_CONFIG_HOME", tmp.resolve("no-config").toString(),
                "XDG_STATE_HOME", tmp.resolve("state").toString(), "LANG", "en_US.UTF-8")), args);
    }

    /** Telar with {@code args} then this test's manager and key file, in a JVM of its own, in this test's directories. */
    private ProcessBuilder agentProcess(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--manager", server.connectString(), "--key-file", keyFile.toString()));
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of(), "dev.telar.tui.cli.Telar", all));
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
        pb.environment().put("LANG", "en_US.UTF-8");
        pb.environment().remove(ManagerKey.VARIABLE);
        return pb;
    }

    /** Starts a daemon thread that adds each line {@code p} prints to {@code lines}; it ends with the process. */
    private static Thread readLines(Process p, BlockingQueue<String> lines) {
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private CliTest.Run fleet() {
        return cli("fleet", "--json", "--manager", server.connectString(), "--key-file", keyFile.toString());
    }

    @Test
    void anAgentProcessIsListedByFleetJsonUntilSigtermThenLeavesNoHost() throws Exception {
        // no --interval: the refresh setting is the agent's interval
        ProcessBuilder pb = agentProcess("--refresh", "0.5", "agent", "--name", "node-a");
        // The agent's own runtime directory: its jobs/ holds the status file of a "lab" (this JVM) written below.
        Path runtime = Files.createDirectory(tmp.resolve("runtime"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("updates", 812.0);
        figures.put("lost_updates", 0.0);
        RunningJob running = new RunningJob(ProcessHandle.current().pid(), "scenario", "sync lock, processes, 4 workers",
                System.currentTimeMillis() - 3000, figures);
        JobStatusFile status = JobStatusFile.open(JobStatusFile.defaultDirectory(Map.of("XDG_RUNTIME_DIR", runtime.toString())));
        status.write(running);
        Process p = pb.start();
        started.add(p);
        String line = FirstLine.of(p, Duration.ofSeconds(40));
        assertThat(line).as("stderr: %s", p.isAlive() ? "" : new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("agent publishing node-a to " + server.connectString() + " every 0.5 s");

        CliTest.Run listed = fleet();
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.err()).isEmpty();
        JsonNode doc = new ObjectMapper().readTree(listed.out());
        assertThat(doc.get("hosts")).hasSize(1);
        JsonNode host = doc.get("hosts").get(0);
        assertThat(host.get("name").asText()).isEqualTo("node-a");
        assertThat(host.get("state").asText()).isEqualTo("live");
        assertThat(host.get("gone_at_ms").isNull()).isTrue();
        assertThat(host.get("agent_pid").asLong()).isEqualTo(p.pid());
        assertThat(host.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(host.get("core_loads")).hasSize(Runtime.getRuntime().availableProcessors());
        assertThat(host.get("memory").get("total_bytes").asLong()).isPositive();
        assertThat(host.get("top")).hasSize(5);
        List<String> jobs = new ArrayList<>();
        host.get("telar_jobs").forEach(j -> jobs.add(j.get("pid").asLong() + " " + j.get("kind").asText()));
        assertThat(jobs).contains(p.pid() + " agent");
        assertThat(host.get("running_jobs")).as("the lab's status file, read by the agent").hasSize(1);
        JsonNode job = host.get("running_jobs").get(0);
        assertThat(job.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(job.get("kind").asText()).isEqualTo("scenario");
        assertThat(job.get("label").asText()).isEqualTo("sync lock, processes, 4 workers");
        assertThat(job.get("started_at_ms").asLong()).isEqualTo(running.startedAtMillis());
        assertThat(job.get("elapsed_ms").asLong()).isBetween(3000L, 60_000L);
        assertThat(job.get("figures").toString()).isEqualTo("{\"updates\":812.0,\"lost_updates\":0.0}");
        status.close();

        p.toHandle().destroy(); // SIGTERM
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        // the agent deleted its node: a fresh read lists no host
        CliTest.Run after = fleet();
        assertThat(after.code()).isZero();
        assertThat(new ObjectMapper().readTree(after.out()).get("hosts")).isEmpty();
    }

    /**
     * A real agent process started with a name another agent (in this JVM) publishes: it says it
     * waits, naming that agent's pid, and says it publishes once the name is free. The manager
     * then stops and starts again on the same port: one line for each, and nothing else.
     */
    @Test
    void anAgentSaysItWaitsForATakenNameThenTellsALostAndRegainedManager() throws Exception {
        InetSocketAddress at = server.address();
        ManagerKey key = ManagerKey.read(keyFile);
        ProcessBuilder pb = agentProcess("agent", "--interval", "0.5", "--name", "twin");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try (ManagerClient holder = ManagerClient.connect(server.connectString(), key, Duration.ofSeconds(10))) {
            FleetAgent first = FleetAgent.start(holder, "twin", Duration.ofMillis(500), () -> new HostSummary("twin", 4321,
                    System.currentTimeMillis(), new double[] {0.5}, new double[] {0.1, 0.1, 0.1}, 1L << 30, 2L << 30, List.of(), List.of()));
            Process p = pb.start();
            started.add(p);
            Thread reader = readLines(p, lines);
            String address = server.connectString();
            assertThat(lines.poll(40, TimeUnit.SECONDS)).isEqualTo("agent waiting: the name twin is taken by another agent (pid 4321) at "
                    + address + "; it publishes once that one ends");
            first.close();
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("agent publishing twin to " + address + " every 0.5 s");

            server.close();
            server = null;
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("agent lost the manager at " + address + "; trying again every 0.5 s");
            server = ManagerServer.start(at, ManagerServer.defaultDirectory(tmp.resolve("state")), key);
            assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("agent reaches the manager at " + address + " again");
            p.toHandle().destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            reader.join(5_000);
            assertThat(lines).isEmpty();
            assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        }
    }

    /**
     * A manager that stays down costs a real agent's log a few lines, not ZooKeeper's reconnect
     * warning with its stack trace every second: three seconds of it are measured.
     */
    @Test
    void aManagerThatStaysDownCostsTheLogAFewLines() throws Exception {
        ProcessBuilder pb = agentProcess("agent", "--interval", "0.5");
        Path log = tmp.resolve("state/telar/telar.log");
        Process p = pb.start();
        started.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).startsWith("agent publishing ");
        server.close();
        server = null;
        assertThat(out.readLine()).startsWith("agent lost the manager at ");
        long before = Files.size(log);
        Thread.sleep(3_000); // the old noise was a stack trace every second
        String during;
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) (file.length() - before)];
            file.seek(before);
            file.readFully(bytes);
            during = new String(bytes, StandardCharsets.UTF_8);
        }
        // Before: "Opening socket connection", the SASL mechanism and the reconnect warning with
        // its stack trace, every second. Left: the agent's own line when a publish fails.
        assertThat(during).doesNotContain("\tat ").doesNotContain("ConnectException").doesNotContain("org.apache.zookeeper.");
        assertThat(during.lines().count()).as(during).isLessThanOrEqualTo(3);
    }

    /** An agent whose reader left ends at its next line (here: the manager lost) with one line on stderr and exit 1. */
    @Test
    void anAgentWhoseReaderLeftEndsAtItsNextLine() throws Exception {
        Process p = agentProcess("agent", "--interval", "0.5").start();
        started.add(p);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("agent publishing ");
        }
        server.close();
        server = null;
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the agent ended").isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("telar: cannot write the output: Broken pipe" + System.lineSeparator());
    }

    /**
     * A real agent process whose manager has stopped: SIGTERM ends it within seconds (it does not
     * wait out connection timeouts to delete a node the lost session takes along anyway), exit 0,
     * nothing printed after the line saying the manager was lost, nothing on stderr.
     */
    @Test
    void anAgentWhoseManagerStoppedEndsWithinSecondsOnSigterm() throws Exception {
        stopsWithinSecondsWithoutItsManager(false);
    }

    /** As above with the manager's port taken by a process that accepts connections and never answers (a frozen manager). */
    @Test
    void anAgentWhoseManagerIsFrozenEndsWithinSecondsOnSigterm() throws Exception {
        stopsWithinSecondsWithoutItsManager(true);
    }

    private void stopsWithinSecondsWithoutItsManager(boolean frozen) throws Exception {
        ProcessBuilder pb = agentProcess("agent", "--interval", "0.5", "--name", "alone");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Process p = pb.start();
        started.add(p);
        Thread reader = readLines(p, lines);
        String address = server.connectString();
        assertThat(lines.poll(40, TimeUnit.SECONDS)).isEqualTo("agent publishing alone to " + address + " every 0.5 s");
        server.close();
        server = null;
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("agent lost the manager at " + address + "; trying again every 0.5 s");
        java.net.ServerSocket mute = null;
        if (frozen) { // listens on the manager's port, accepts, reads nothing, answers nothing
            mute = new java.net.ServerSocket();
            mute.setReuseAddress(true);
            mute.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(address.replaceAll(".*:", ""))));
            java.net.ServerSocket listening = mute;
            Thread acceptor = new Thread(() -> {
                List<java.net.Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(listening.accept());
                    }
                } catch (java.io.IOException closed) {
                    held.forEach(c -> {
                        try {
                            c.close();
                        } catch (java.io.IOException ignored) {
                            // closing anyway
                        }
                    });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }
        try {
            Thread.sleep(1500); // a few publishes fail meanwhile: the agent's thread is inside a retry when the signal comes
            long signalled = System.nanoTime();
            p.toHandle().destroy(); // SIGTERM
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).as("ended within 5 s of SIGTERM").isTrue();
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            System.out.println("agent: ended " + took + " ms after SIGTERM with the manager " + (frozen ? "frozen" : "stopped"));
        } finally {
            if (mute != null) {
                mute.close();
            }
        }
        assertThat(p.exitValue()).isZero();
        reader.join(5_000);
        assertThat(lines).isEmpty();
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aWrongKeyIsOneLineAndExitTwo() throws Exception {
        Path other = Files.writeString(tmp.resolve("other.key"), "someone-elses-key-0123456789\n");
        Files.setPosixFilePermissions(other, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        CliTest.assertOneUsageLine(cli("agent", "--manager", server.connectString(), "--key-file", other.toString()),
                "manager at " + server.connectString() + " refused the key");
        CliTest.assertOneUsageLine(cli("fleet", "--json", "--manager", server.connectString(), "--key-file", other.toString()),
                "refused the key");
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        CliTest.assertOneUsageLine(cli("agent", "--manager", "nohost"), "--manager: 'nohost' is not HOST:PORT");
        CliTest.assertOneUsageLine(cli("agent", "--manager", server.connectString(), "--name", "a/b"),
                "--name: 'a/b' is not a fleet host name");
        CliTest.assertOneUsageLine(cli("agent", "--manager", server.connectString(), "--interval", "0.1"),
                "--interval must be between 0.25 and 60 seconds; got 0.1");
        CliTest.assertOneUsageLine(cli("agent"), "no manager named");
        CliTest.assertOneUsageLine(cli("fleet", "--manager", server.connectString()), "fleet needs --json");
    }

    @Test
    void noManagerAnsweringIsOneLineAndExitOne() {
        int port = server.connectString().isEmpty() ? 0 : Integer.parseInt(server.connectString().replaceAll(".*:", ""));
        server.close();
        server = null;
        CliTest.Run r = cli("agent", "--manager", "127.0.0.1:" + port, "--key-file", keyFile.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("telar: no manager answered at 127.0.0.1:" + port + " within 10 s\n");
        assertThat(r.out()).isEmpty();
    }
}

package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.tui.FirstLine;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerServer;
import dev.telar.workloads.remote.fleet.JobStatusFile;
import dev.telar.workloads.remote.fleet.RunningJob;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fleet in a real terminal: a real manager (in this JVM, on a free loopback port), two
 * {@code telar agent} processes started through the launcher with 2 s sessions, the dashboard
 * opened with {@code --manager}; its fleet view shows both hosts, Enter opens one (with the job
 * a lab's status file in the agents' place says is running), and after one
 * agent is killed with -9 the view shows it gone once its session expired. Then the manager
 * stops: the view says it is unreachable and calls no host live, and it recovers by itself when the
 * manager is back.
 */
@Timeout(180)
class FleetIT {
    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();
    private ManagerServer server;
    private final List<Process> agents = new ArrayList<>();

    @AfterEach
    void stop() {
        agents.forEach(Process::destroyForcibly);
        if (server != null) {
            server.close();
        }
    }

    private Process agent(String name, Path config) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Launcher.path().toString(), "agent", "--manager", server.connectString(),
                "--name", name, "--interval", "0.5").redirectErrorStream(true);
        pb.environment().put("XDG_STATE_HOME", pane.dir().resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", config.toString());
        pb.environment().put("XDG_RUNTIME_DIR", runtime().toString()); // where the agent looks for labs' status files
        pb.environment().remove(ManagerKey.VARIABLE);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        agents.add(p);
        String line = FirstLine.of(p, Duration.ofSeconds(60));
        assertThat(line).isEqualTo("agent publishing " + name + " to " + server.connectString() + " every 0.5 s");
        return p;
    }

    /** The agents' runtime directory (owner-only, as a real one is). */
    private Path runtime() throws java.io.IOException {
        Path dir = pane.dir().resolve("runtime");
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return dir;
    }

    @Test
    void theFleetViewShowsTwoAgentsAndOneGoneAfterItWasKilled() throws Exception {
        Path state = pane.dir().resolve("state").resolve("telar"); // Telar's state directory under XDG_STATE_HOME
        server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), ManagerServer.defaultDirectory(state),
                ManagerKey.readOrCreate(ManagerKey.defaultFile(state)));
        Path config = pane.dir().resolve("config");
        Files.createDirectories(config.resolve("telar"));
        Files.writeString(config.resolve("telar").resolve("config.yaml"), "manager:\n  session: 2\n");
        // A lab's status file (this JVM is its writer, alive) in the agents' place: the host view shows the job.
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("updates", 812.0);
        figures.put("lost_updates", 3.0);
        JobStatusFile status = JobStatusFile.open(JobStatusFile.defaultDirectory(Map.of("XDG_RUNTIME_DIR", runtime().toString())));
        status.write(new RunningJob(ProcessHandle.current().pid(), "scenario", "sync lock, processes, 4 workers",
                System.currentTimeMillis(), figures));
        agent("it-alpha", config);
        Process beta = agent("it-beta", config);

        ProcessHandle java = pane.startTelar("XDG_CONFIG_HOME=" + config, "--manager " + server.connectString(),
                s -> s.contains("PID") && s.contains("Avg"), "the process list").process();
        pane.key("f");
        String list = pane.waitFor(s -> s.contains("it-alpha") && s.contains("it-beta"), "both hosts in the fleet view",
                Duration.ofSeconds(20));
        assertThat(list).contains(" Fleet").contains("2 live, 0 gone")
                .containsPattern("it-alpha +live \\d+s").containsPattern("it-beta +live \\d+s");

        pane.key("Enter");
        // The dashboard appears in a summary the agent published after it started: wait for it, not for the first frame.
        Pattern dashboard = Pattern.compile(" \\d+ +[0-9.]+ +[0-9.]+[BKMG] +\\d+  dashboard");
        String host = pane.waitFor(s -> s.contains("Host it-alpha") && dashboard.matcher(s).find(),
                "the first host's own view, listing the dashboard", Duration.ofSeconds(20));
        assertThat(host).contains("BUSIEST PROCESSES").contains("TELAR PROCESSES").containsPattern("agent pid \\d+, \\d+ cores")
                .contains("RUNNING JOBS").containsPattern(" " + ProcessHandle.current().pid() + "  scenario  sync lock, processes, 4 workers, running \\d+s")
                .contains("updates 812  lost_updates 3");
        status.close();
        Matcher pid = Pattern.compile("agent pid (\\d+)").matcher(host);
        assertThat(pid.find()).isTrue();
        assertThat(host).as("the agent finds itself among Telar's processes")
                .containsPattern(" " + pid.group(1) + " +[0-9.]+ +[0-9.]+[BKMG] +\\d+  agent");
        pane.key("Escape");
        pane.waitFor(s -> s.contains("HOST") && s.contains("it-beta"), "the list again");

        long killed = System.nanoTime();
        beta.destroyForcibly(); // SIGKILL: no goodbye, the session must expire
        assertThat(beta.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String gone = pane.waitFor(s -> s.matches("(?s).*it-beta +gone \\d+s ago.*"), "it-beta gone", Duration.ofSeconds(30));
        System.out.println("fleet e2e: killed agent shown gone " + Duration.ofNanos(System.nanoTime() - killed).toMillis() + " ms after kill -9");
        assertThat(gone).contains("1 live, 1 gone").containsPattern("it-alpha +live \\d+s");

        // The manager stops: the view says so and calls no host live; the same manager started again
        // (same port, same data) is found again without a key pressed.
        InetSocketAddress address = server.address();
        server.close();
        server = null;
        String lost = pane.waitFor(s -> s.matches("(?s).*manager unreachable for \\d+s: \\d+ unknown.*"),
                "the manager unreachable", Duration.ofSeconds(30));
        assertThat(lost).doesNotContainPattern("it-alpha +live").containsPattern("it-alpha +heard \\d+s ago");
        server = ManagerServer.start(address, ManagerServer.defaultDirectory(state),
                ManagerKey.readOrCreate(ManagerKey.defaultFile(state)));
        String back = pane.waitFor(s -> s.matches("(?s).*it-alpha +live \\d+s.*") && !s.contains("unreachable"),
                "the fleet again once the manager is back", Duration.ofSeconds(45));
        assertThat(back).containsPattern("1 live, \\d+ gone");

        pane.key("f");
        pane.waitFor(s -> s.contains("PID") && !s.contains("it-alpha"), "back to the process list");
        pane.quitTelar(java);
    }
}

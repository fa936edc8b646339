package dev.telar.workloads.remote;

import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.remote.fleet.FleetAgent;
import dev.telar.workloads.remote.fleet.HostSummary;
import java.nio.file.Path;
import java.time.Duration;

/** Child programs for the fleet's tests: real JVMs with sessions of their own. */
public final class FleetTargets {
    private FleetTargets() {
    }

    /**
     * Args: address, key file, host name, session in ms, interval in ms. Publishes
     * {@link FleetTest#summary} for that host with this process's pid, prints "publishing" and the
     * granted session (ms), then sleeps until killed.
     */
    public static final class Agent implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            ManagerClient client = ManagerClient.connect(args[0], ManagerKey.read(Path.of(args[1])), Duration.ofSeconds(10),
                    Duration.ofMillis(Long.parseLong(args[3])));
            int pid = (int) ProcessHandle.current().pid();
            FleetAgent agent = FleetAgent.start(client, args[2], Duration.ofMillis(Long.parseLong(args[4])),
                    () -> FleetTest.summary(args[2], pid, System.currentTimeMillis()));
            while (agent.published() == 0) {
                Thread.sleep(10);
            }
            System.out.println("publishing " + client.sessionTimeout().toMillis());
            Thread.sleep(Duration.ofMinutes(2).toMillis()); // killed long before
        }
    }
}

package dev.telar.workloads.bench.fleet;

import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.fleet.FleetAgent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A child JVM of the scale bench that plays several hosts: one {@link FleetAgent} per host, each on
 * a {@link ManagerClient} of its own, so each host has its own ZooKeeper session as a real agent
 * on its own machine has.
 *
 * <p>Args: address, key file, host prefix, first host index, host count, interval (ms), session
 * (ms). Prints {@code ready COUNT} once every agent has written its first summary, then runs until
 * its standard input says {@value #STOP} or ends; then closes the agents (their nodes are deleted)
 * and the sessions, and prints {@code published TOTAL}: the summaries all its agents wrote.
 */
public final class AgentCrowd implements ProcessTarget {
    /** The line that ends the crowd. */
    public static final String STOP = "stop";
    /** How many sessions are opened at once: each costs a SASL exchange with the server. */
    private static final int CONNECTING = 4;
    private static final Duration CONNECT = Duration.ofSeconds(10); // not above the session: Curator warns of that

    @Override
    public void run(String[] args) throws Exception {
        String address = args[0];
        ManagerKey key = ManagerKey.read(Path.of(args[1]));
        String prefix = args[2];
        int first = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        Duration interval = Duration.ofMillis(Long.parseLong(args[5]));
        Duration session = Duration.ofMillis(Long.parseLong(args[6]));
        List<ManagerClient> clients = connectAll(address, key, count, session);
        List<FleetAgent> agents = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                SimulatedHost host = new SimulatedHost(prefix, first + i);
                agents.add(FleetAgent.start(clients.get(i), host.host(), interval, host));
            }
            for (FleetAgent agent : agents) {
                while (agent.published() == 0) {
                    Thread.sleep(10);
                }
            }
            System.out.println("ready " + count);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.equals(STOP));
        } finally {
            long published = 0;
            for (FleetAgent agent : agents) {
                agent.close();
                published += agent.published();
            }
            clients.forEach(ManagerClient::close);
            System.out.println("published " + published);
        }
    }

    private static List<ManagerClient> connectAll(String address, ManagerKey key, int count, Duration session) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTING);
        try {
            List<Future<ManagerClient>> pending = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pending.add(pool.submit(() -> ManagerClient.connect(address, key, CONNECT, session)));
            }
            List<ManagerClient> clients = new ArrayList<>(count);
            for (Future<ManagerClient> f : pending) {
                clients.add(f.get());
            }
            return clients;
        } finally {
            pool.shutdown();
        }
    }
}

package dev.telar.workloads.lab;

import dev.telar.workloads.proc.ProcessTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plays the dashboard in a child JVM for {@link LabClientTest}: starts a lab with a client in Telar's
 * place {@code args[0]}, prints the lab's pid once it is ready, then waits to be killed.
 */
public final class DashboardStandIn implements ProcessTarget {
    @Override
    public void run(String[] args) throws Exception {
        BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();
        LabClient client = new LabClient(Path.of(args[0]), LabSamples.LIMITS);
        client.subscribe(events::add);
        client.warmUp();
        LabEvent first = events.poll(60, TimeUnit.SECONDS);
        if (!(first instanceof LabEvent.Ready ready)) {
            throw new IllegalStateException("no lab: " + first);
        }
        System.out.println(ready.pid());
        Thread.sleep(Duration.ofMinutes(1).toMillis());
    }
}

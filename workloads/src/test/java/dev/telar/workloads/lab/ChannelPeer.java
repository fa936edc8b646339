package dev.telar.workloads.lab;

import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.proc.ProcessTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's end of a channel for {@link LabChannelTest}, in a child JVM: sends {@code args[1]}
 * numbered events, then answers each command with one event whose value is the time
 * ({@link System#nanoTime()}) at which its wait for the command ended, until asked to leave.
 * Every wait is on the doorbell with a 10 s bound, so a prompt answer proves the doorbell woke it.
 */
public final class ChannelPeer implements ProcessTarget {
    @Override
    public void run(String[] args) {
        int count = Integer.parseInt(args[1]);
        try (LabChannel<LabEvent, LabCommand> channel = LabChannel.open(Path.of(args[0]))) {
            for (int i = 0; i < count; i++) {
                channel.send(new LabEvent.RaceSampled(new RaceDemo.Sample(false, 0, i, count)));
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            long woke = System.nanoTime();
            while (System.nanoTime() < deadline) {
                int ticket = channel.ticket();
                boolean leave = channel.askedToLeave();
                List<LabCommand> read = new ArrayList<>();
                channel.drain(read::add);
                for (LabCommand c : read) {
                    channel.send(new LabEvent.RaceSampled(new RaceDemo.Sample(true, 0, woke, count)));
                }
                if (leave) {
                    return;
                }
                if (read.isEmpty()) {
                    channel.await(ticket, 10_000_000_000L);
                    woke = System.nanoTime();
                }
            }
            throw new IllegalStateException("never asked to leave");
        }
    }
}

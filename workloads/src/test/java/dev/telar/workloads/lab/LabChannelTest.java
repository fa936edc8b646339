package dev.telar.workloads.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.ChildLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lab channel with real files: two real JVMs, and two threads with a clock the test moves. */
@Timeout(60)
class LabChannelTest {
    private static final long TEN_SECONDS = 10_000_000_000L;

    @TempDir
    Path place;

    @AfterEach
    void noChildLeft() {
        ChildLauncher.killAll();
    }

    @Test
    void tenThousandEventsArriveOnceInOrderAndTheDoorbellWakesBothReaders() throws Exception {
        int count = 10_000;
        List<Long> values = new ArrayList<>();
        Path dir;
        try (LabChannel<LabCommand, LabEvent> channel = LabChannel.create(place)) {
            dir = channel.dir();
            Child peer = ChildLauncher.startTarget(ChannelPeer.class, List.of(dir.toString(), Integer.toString(count)));
            int sleeps = 0;
            while (values.size() < count) {
                int ticket = channel.ticket();
                if (channel.drain(e -> values.add(sample(e).value())) == 0) {
                    assertThat(peer.isAlive()).as("peer alive (%s)", peer.lastError()).isTrue();
                    channel.await(ticket, TEN_SECONDS);
                    sleeps++;
                }
            }
            assertThat(values).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(values.get(i)).as("event %d", i).isEqualTo(i);
            }
            // The reader slept between bursts instead of polling: far fewer sleeps than events.
            assertThat(sleeps).isLessThan(count / 2);

            // Both idle now, each asleep on the doorbell for up to 10 s: a command wakes the
            // peer, its answer wakes us, each within a fraction of that.
            Thread.sleep(300);
            for (int round = 0; round < 3; round++) {
                long sent = System.nanoTime();
                channel.send(new LabCommand.Cancel());
                List<LabEvent> answer = new ArrayList<>();
                while (answer.isEmpty()) {
                    int ticket = channel.ticket();
                    if (channel.drain(answer::add) == 0) {
                        channel.await(ticket, TEN_SECONDS);
                    }
                }
                long read = System.nanoTime();
                RaceDemo.Sample reply = sample(answer.get(0));
                assertThat(answer).hasSize(1);
                assertThat(reply.locked()).isTrue();
                // Bounds far below the 10 s sleeps, and loose for a loaded machine.
                assertThat(Duration.ofNanos(reply.value() - sent)).as("peer woke").isLessThan(Duration.ofMillis(2500));
                assertThat(Duration.ofNanos(read - sent)).as("answer read").isLessThan(Duration.ofMillis(2500));
                Thread.sleep(100);
            }
            channel.askToLeave();
            assertThat(peer.join(Duration.ofSeconds(10))).contains(new ChildExit(0));
            assertThat(dir).isDirectory();
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void theReaderDeletesTheFilesItHasReadPast() throws Exception {
        SetTimeProvider clock = new SetTimeProvider(System.currentTimeMillis() * 1_000_000L);
        try (LabChannel<LabCommand, LabEvent> dashboard = LabChannel.create(place, clock);
             LabChannel<LabEvent, LabCommand> lab = LabChannel.open(dashboard.dir(), clock)) {
            List<LabEvent> read = new ArrayList<>();
            Path events = dashboard.dir().resolve(LabChannel.EVENTS);
            Thread writer = new Thread(() -> {
                for (int cycle = 0; cycle < 3; cycle++) {
                    for (int i = 0; i < 10; i++) {
                        lab.send(new LabEvent.Ready(cycle * 10 + i + 1));
                    }
                    clock.advanceMillis(LabChannel.ROLL_CYCLE.lengthInMillis());
                }
                lab.send(new LabEvent.Ready(31));
            });
            writer.start();
            writer.join();
            while (read.size() < 31) {
                int ticket = dashboard.ticket();
                if (dashboard.drain(read::add) == 0) {
                    dashboard.await(ticket, TEN_SECONDS);
                }
            }
            assertThat(read).extracting(e -> ((LabEvent.Ready) e).pid())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 31).boxed().toList());
            // Four cycles were written; the reader is in the last. Chronicle lets go of the files
            // it read past a moment later, on its own thread; the next drains delete them.
            long deadline = System.nanoTime() + TEN_SECONDS;
            while (cycleFiles(events).size() > 1 && System.nanoTime() < deadline) {
                assertThat(dashboard.drain(read::add)).isZero();
                Thread.sleep(20);
            }
            assertThat(cycleFiles(events)).hasSize(1);
        }
    }

    private static List<Path> cycleFiles(Path queue) throws Exception {
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).toList();
        }
    }

    private static RaceDemo.Sample sample(LabEvent e) {
        return ((LabEvent.RaceSampled) e).sample();
    }
}

package dev.telar.workloads.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.StartGate;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.race.RaceResult;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipe, queue, value, array and dict between real child JVMs. */
class ExchangeProcessesTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<Child> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Child::kill);
    }

    private Child start(Class<? extends dev.telar.workloads.proc.ProcessTarget> target, String... args) {
        Child c = ChildLauncher.startTarget(target, List.of(args));
        children.add(c);
        return c;
    }

    private static void assertExitsOk(Child c) throws InterruptedException {
        Optional<ChildExit> exit = c.join(LIMIT);
        assertThat(exit).as("%s ended in time", c).isPresent();
        assertThat(exit.get().ok()).as("%s: %s %s", c, exit.get().describe(), c.lastError()).isTrue();
    }

    @Test
    void queueWithThreeProducerAndThreeConsumerProcessesDeliversEachMessageExactlyOnce() throws Exception {
        int perProducer = 20_000;
        Path q = dir.resolve("q");
        // A small capacity makes producers wait for the consumers now and then.
        SharedQueue.create(q, 3, ExchangeLimits.defaults().withCapacity(2000));
        List<Child> consumers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            consumers.add(start(ExchangeTargets.Consumer.class, q.toString(), dir.resolve("taken-" + c).toString()));
        }
        List<Child> producers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            producers.add(start(ExchangeTargets.Producer.class, q.toString(), Integer.toString(p),
                    Integer.toString(perProducer)));
        }
        for (Child c : producers) {
            assertExitsOk(c);
        }
        for (Child c : consumers) {
            assertExitsOk(c);
        }
        Map<Long, Integer> seen = new HashMap<>();
        long total = 0;
        for (int c = 0; c < 3; c++) {
            long[] lastOfProducer = {-1, -1, -1};
            try (DataInputStream in = new DataInputStream(Files.newInputStream(dir.resolve("taken-" + c)))) {
                while (in.available() > 0) {
                    long key = in.readLong();
                    seen.merge(key, 1, Integer::sum);
                    int producer = (int) (key >>> 32);
                    long k = key & 0xFFFF_FFFFL;
                    assertThat(k).as("one producer's messages come in order").isGreaterThan(lastOfProducer[producer]);
                    lastOfProducer[producer] = k;
                    total++;
                }
            }
        }
        assertThat(total).isEqualTo(3L * perProducer);
        assertThat(seen).hasSize(3 * perProducer);
        assertThat(seen.values()).allMatch(n -> n == 1);
        for (long p = 0; p < 3; p++) {
            for (long k = 0; k < perProducer; k += 997) {
                assertThat(seen).containsKey(p << 32 | k);
            }
        }
        try (SharedQueue opened = SharedQueue.open(q)) {
            SharedQueue.Counters counters = opened.counters();
            assertThat(counters.written()).isEqualTo(3L * perProducer).isEqualTo(counters.taken());
            assertThat(counters.waits()).as("producers were held back by the capacity").isPositive();
            assertThat(opened.finished()).isTrue();
        }
    }

    @Test
    void pipeKeepsOrderBothWaysAcrossProcessesWithBackPressure() throws Exception {
        Path p = dir.resolve("pipe");
        Pipe.create(p, ExchangeLimits.defaults().withCapacity(64));
        Child echo = start(ExchangeTargets.Echo.class, p.toString());
        int n = 100_000;
        try (PipeEnd a = Pipe.open(p, Pipe.Side.A)) {
            Thread sender = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    a.send(i, i);
                }
            });
            sender.start();
            for (int i = 0; i < n; i++) {
                Packet m = a.recv(LIMIT);
                assertThat(m).isNotNull();
                assertThat(m.key()).isEqualTo(i);
                assertThat(m.value()).isEqualTo(2.0 * i);
            }
            sender.join();
        }
        assertExitsOk(echo);
        try (Lane lane = Lane.open(Pipe.lane(p, Pipe.Side.A), null)) {
            assertThat(lane.waits()).as("the sender was held back by the 64-message bound").isPositive();
        }
    }

    @Test
    void lockedUpdatesOfValueArrayAndDictLoseNothingAcrossProcesses() throws Exception {
        long n = 200_000;
        try (SharedValue v = SharedValue.create(dir.resolve("v"), NumberType.LONG, 0);
             SharedArray a = SharedArray.create(dir.resolve("a"), NumberType.LONG, 3);
             SharedDict d = SharedDict.create(dir.resolve("d"), 16);
             StartGate gate = StartGate.open(dir.resolve("gate"))) {
            Child first = start(ExchangeTargets.Incrementer.class, dir.toString(), Long.toString(n), "0");
            Child second = start(ExchangeTargets.Incrementer.class, dir.toString(), Long.toString(n), "1");
            assertThat(gate.awaitReady(2, LIMIT, () -> first.isAlive() && second.isAlive())).isTrue();
            gate.openNow();
            assertExitsOk(first);
            assertExitsOk(second);
            assertThat(v.getLong()).isEqualTo(2 * n);
            assertThat(a.toArray()).containsExactly(2 * n, 1, 2);
            assertThat(d.get("k")).isEqualTo(2.0 * (n / 10));
            assertThat(d.snapshot()).containsOnlyKeys("k");
            assertThat(v.lock().holder()).isEmpty();
        }
    }

    @Test
    void raceDemoLosesUpdatesOnlyWithoutTheLock() throws Exception {
        long increments = 2_000_000;
        List<RaceDemo.Sample> samples = new ArrayList<>();
        RaceResult r = RaceDemo.run(dir, 2, increments, samples::add);
        assertThat(r.status()).as(r.problem().toString()).isEqualTo(dev.telar.workloads.run.RunResult.Status.COMPLETED);
        assertThat(r.expected()).isEqualTo(2 * increments);
        assertThat(r.lockedTotal()).isEqualTo(2 * increments);
        // A stale write-back can undo a whole burst of the other process, so the unlocked total may
        // fall below one process's share; it can never exceed the increments made.
        assertThat(r.unlockedTotal()).isBetween(1L, 2 * increments);
        assertThat(r.lostUpdates()).isEqualTo(r.expected() - r.unlockedTotal());
        assertThat(samples).anyMatch(RaceDemo.Sample::locked).anyMatch(s -> !s.locked());
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("run directory removed").isEmpty();
        }
    }

    @Test
    void aCrashedRunsDirectoryIsRemovedByTheNextStart() throws Exception {
        Child host = start(ExchangeTargets.ExperimentHost.class, dir.toString());
        String line = host.stdout().readLine();
        assertThat(line).startsWith("running");
        long grandchild = Long.parseLong(line.replaceAll("\\D", ""));
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir)) {
            runs = s.toList();
        }
        assertThat(runs).singleElement().satisfies(r ->
                assertThat(r.getFileName().toString()).startsWith("run-" + host.pid() + "-"));
        host.kill();
        assertThat(host.join(LIMIT).orElseThrow().signal()).isEqualTo(9);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
        assertThat(runs.get(0)).as("left behind by the crash").exists();

        try (RunDirectory next = RunDirectory.create(dir)) {
            assertThat(runs.get(0)).as("removed by the next start").doesNotExist();
            assertThat(next.path()).exists();
        }
    }
}

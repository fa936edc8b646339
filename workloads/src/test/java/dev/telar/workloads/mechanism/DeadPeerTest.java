package dev.telar.workloads.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeExperiment;
import dev.telar.workloads.exchange.ExchangeLayout;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeRun;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.proc.StartGate;
import dev.telar.workloads.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No wait without an end: a peer killed with SIGKILL at a chosen point of each mechanism's protocol
 * (real child JVMs), and the survivor notices within 2 s, with the dead process's pid, having
 * received everything the dead one had handed over.
 */
@Timeout(90)
class DeadPeerTest {
    /** The promise: a survivor notices a dead peer within this. */
    private static final long NOTICE_NANOS = Duration.ofSeconds(2).toNanos();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Child> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Child::kill);
    }

    private Child start(Class<? extends ProcessTarget> target, String... args) {
        Child c = ChildLauncher.startTarget(target, List.of(args));
        children.add(c);
        return c;
    }

    private static String line(Child c) throws Exception {
        String line = c.stdout().readLine();
        assertThat(line).as("%s said nothing (%s)", c, c.lastError()).isNotNull();
        return line;
    }

    private static void assertKilled(Child c) throws InterruptedException {
        assertThat(c.join(LIMIT).orElseThrow().signal()).isEqualTo(9);
    }

    @Test
    void aProducerKilledBetweenClaimingItsLaneAndMakingItReadyHidesNoLaneAndEndsTheStream() throws Exception {
        Path q = dir.resolve("q");
        SharedQueue.create(q, 3, ExchangeLimits.defaults());
        Child claimer = start(DeadPeerTargets.LaneClaimer.class, q.toString());
        assertThat(line(claimer)).isEqualTo("claimed 0");
        int n = 5_000;
        Child first = start(ExchangeTargets.Producer.class, q.toString(), "1", Integer.toString(n));
        Child second = start(ExchangeTargets.Producer.class, q.toString(), "2", Integer.toString(n));
        assertThat(first.join(LIMIT).orElseThrow().ok()).as(first.lastError()).isTrue();
        assertThat(second.join(LIMIT).orElseThrow().ok()).as(second.lastError()).isTrue();

        try (SharedQueue queue = SharedQueue.open(q); SharedQueue.Consumer c = queue.consumer()) {
            Set<Long> keys = new HashSet<>();
            for (int i = 0; i < 2 * n; i++) {
                Packet m = c.take(Duration.ofSeconds(10));
                assertThat(m).as("message %d: the lanes after the unready lane 0 are read", i).isNotNull();
                assertThat(keys.add(m.key())).as("key %x taken once", m.key()).isTrue();
            }
            assertThat(c.take(Duration.ofMillis(100))).as("lane 0's producer lives: the stream goes on").isNull();

            long killed = System.nanoTime();
            claimer.kill();
            ExchangePeerDiedException end = takeUntilEnd(c);
            long noticed = System.nanoTime() - killed;

            assertThat(end.pid()).isEqualTo(claimer.pid());
            assertThat(noticed).as("ns from kill -9 to the end of the stream").isLessThan(NOTICE_NANOS);
            for (long p = 1; p <= 2; p++) {
                for (long k = 0; k < n; k++) {
                    assertThat(keys).contains(p << 32 | k);
                }
            }
            assertThat(queue.finished()).isTrue();
        }
        assertKilled(claimer);
    }

    private static ExchangePeerDiedException takeUntilEnd(SharedQueue.Consumer c) {
        try {
            Packet m = c.take(Duration.ofSeconds(10));
            throw new AssertionError("expected the end of the stream, got " + m);
        } catch (ExchangePeerDiedException e) {
            return e;
        }
    }

    @Test
    void aPipeReaderGetsEverythingADeadWriterSentThenItsPid() throws Exception {
        Path p = dir.resolve("pipe");
        Pipe.create(p, ExchangeLimits.defaults().withCapacity(256));
        Child writer = start(DeadPeerTargets.EndlessWriter.class, p.toString());
        try (PipeEnd a = Pipe.open(p, Pipe.Side.A)) {
            long next = 0;
            while (next < 20_000) {
                Packet m = a.recv(LIMIT);
                assertThat(m).isNotNull();
                assertThat(m.key()).isEqualTo(next++);
            }
            long killed = System.nanoTime();
            writer.kill();
            ExchangePeerDiedException end = null;
            while (end == null) {
                try {
                    Packet m = a.recv(Duration.ofSeconds(10));
                    assertThat(m).as("a message or the end within 10 s").isNotNull();
                    assertThat(m.key()).as("in order, none twice, none skipped").isEqualTo(next++);
                } catch (ExchangePeerDiedException e) {
                    end = e;
                }
            }
            long noticed = System.nanoTime() - killed;
            assertThat(end.pid()).isEqualTo(writer.pid());
            assertThat(noticed).as("ns from kill -9 to the end of the stream").isLessThan(NOTICE_NANOS);
            assertThat(next).as("everything the writer sent was received").isEqualTo(a.peerSent());
            assertThat(end.getMessage()).contains("(pid " + writer.pid() + ") died").contains(next + " messages");
        }
        assertKilled(writer);
    }

    @Test
    void aPipeWriterBlockedAtTheBoundSeesADeadReader() throws Exception {
        Path p = dir.resolve("pipe");
        Pipe.create(p, ExchangeLimits.defaults().withCapacity(64));
        Child reader = start(DeadPeerTargets.StallingReader.class, p.toString(), "100");
        try (PipeEnd a = Pipe.open(p, Pipe.Side.A)) {
            AtomicLong sent = new AtomicLong();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            AtomicLong failedAt = new AtomicLong();
            Thread sender = new Thread(() -> {
                try {
                    for (long k = 0; ; k++) {
                        a.send(k, k);
                        sent.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failedAt.set(System.nanoTime());
                    failure.set(e);
                }
            });
            sender.start();
            assertThat(line(reader)).isEqualTo("read 100");
            awaitBlocked(sender, sent, 164);
            long killed = System.nanoTime();
            reader.kill();
            sender.join(LIMIT.toMillis());

            assertThat(failure.get()).isInstanceOf(ExchangePeerDiedException.class)
                    .hasMessageContaining("(pid " + reader.pid() + ") died; it received 100 of the 164 messages sent");
            assertThat(((ExchangePeerDiedException) failure.get()).pid()).isEqualTo(reader.pid());
            assertThat(failedAt.get() - killed).as("ns from kill -9 to the failed send").isLessThan(NOTICE_NANOS);
            assertThat(sent.get()).isEqualTo(164);
        }
        assertKilled(reader);
    }

    /** Waits until the sender has sent {@code count} messages and waits for room for the next. */
    private static void awaitBlocked(Thread sender, AtomicLong sent, long count) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!(sent.get() == count && sender.getState() == Thread.State.TIMED_WAITING)) {
            assertThat(System.nanoTime()).as("sender blocked after %d messages (sent %d)", count, sent.get())
                    .isLessThan(deadline);
            assertThat(sent.get()).isLessThanOrEqualTo(count);
            Thread.sleep(1);
        }
    }

    @Test
    void aQueueProducerBlockedAtTheBoundSeesEveryConsumerDead() throws Exception {
        Path q = dir.resolve("q");
        SharedQueue.create(q, 1, ExchangeLimits.defaults().withCapacity(16));
        Child consumer = start(DeadPeerTargets.StallingConsumer.class, q.toString(), "10");
        try (SharedQueue queue = SharedQueue.open(q); SharedQueue.Producer producer = queue.producer()) {
            AtomicLong sent = new AtomicLong();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            AtomicLong failedAt = new AtomicLong();
            Thread putter = new Thread(() -> {
                try {
                    for (long k = 0; ; k++) {
                        producer.put(k, k);
                        sent.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failedAt.set(System.nanoTime());
                    failure.set(e);
                }
            });
            putter.start();
            assertThat(line(consumer)).isEqualTo("took 10");
            awaitBlocked(putter, sent, 26);
            long killed = System.nanoTime();
            consumer.kill();
            putter.join(LIMIT.toMillis());

            assertThat(failure.get()).isInstanceOf(ExchangePeerDiedException.class)
                    .hasMessageContaining("1 died (pid " + consumer.pid() + ")");
            assertThat(failedAt.get() - killed).as("ns from kill -9 to the failed put").isLessThan(NOTICE_NANOS);
        }
        assertKilled(consumer);
    }

    @Test
    void aConsumerKilledHoldingAClaimLeavesItNamedAndTheOthersFinish() throws Exception {
        Path q = dir.resolve("q");
        SharedQueue.create(q, 1, ExchangeLimits.defaults());
        int n = 1_000;
        try (SharedQueue queue = SharedQueue.open(q); SharedQueue.Consumer mine = queue.consumer()) {
            try (SharedQueue.Producer producer = queue.producer()) {
                for (int k = 0; k < n; k++) {
                    producer.put(k, k);
                }
                Set<Long> taken = new HashSet<>();
                for (int i = 0; i < 10; i++) {
                    taken.add(mine.take().key());
                }
                Child holder = start(DeadPeerTargets.ClaimHolder.class, q.toString());
                String held = line(holder);
                holder.kill();
                assertKilled(holder);
                assertThat(queue.deadConsumerClaims()).as(held)
                        .containsExactly(new SharedQueue.DeadConsumerClaim(holder.pid(), 0, 10, false));
                assertThat(queue.counters().claimedByDeadConsumers()).isEqualTo(1);
                assertThat(queue.counters().consumersAlive()).isEqualTo(1);
                Packet m;
                while ((m = mine.take(Duration.ofMillis(50))) != null) {
                    assertThat(taken.add(m.key())).isTrue();
                }
                assertThat(taken).hasSize(n - 1).doesNotContain(10L);
            }
            long closed = System.nanoTime();
            try {
                Packet m = mine.take(Duration.ofSeconds(10));
                throw new AssertionError("expected the end of the stream, got " + m);
            } catch (ExchangeClosedException end) {
                assertThat(end).isNotInstanceOf(ExchangePeerDiedException.class);
            }
            assertThat(System.nanoTime() - closed).as("ns to see the end").isLessThan(NOTICE_NANOS);
            assertThat(queue.finished()).isTrue();
        }
    }

    @Test
    void aProcessKilledInsideADictOperationDoesNotBlockTheOthers() throws Exception {
        Path file = dir.resolve("d");
        try (SharedDict d = SharedDict.create(file, 16)) {
            d.put("k", 5);
            Child staller = start(DeadPeerTargets.DictStaller.class, file.toString());
            assertThat(line(staller)).isEqualTo("inside");
            long killed = System.nanoTime();
            staller.kill();
            double after = d.add("k", 1);
            long noticed = System.nanoTime() - killed;

            assertThat(after).isEqualTo(6);
            assertThat(noticed).as("ns from kill -9 to the next update").isLessThan(NOTICE_NANOS);
            assertThat(d.lock().recoveries()).isEqualTo(1);
            assertThat(d.snapshot()).containsEntry("k", 6.0);
            assertKilled(staller);
        }
    }

    @Test
    void aValueChildKilledWhileTheOthersWaitForTheirTurnFailsTheRunAtOnce() throws Exception {
        ExchangeSpec spec = new ExchangeSpec(Mechanism.VALUE, 3, 3_000_000, 7, ExchangeLimits.defaults());
        ExchangeRun run = ExchangeExperiment.start(spec, dir, s -> { });
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (run.children().size() < 3) { // the run directory and its gate exist by then
            assertThat(System.nanoTime()).as("children started").isLessThan(deadline);
            Thread.sleep(5);
        }
        Path runDir;
        try (Stream<Path> s = Files.list(dir)) {
            runDir = s.findFirst().orElseThrow();
        }
        try (StartGate gate = StartGate.open(ExchangeLayout.gate(runDir))) {
            while (gate.readyCount() < 3) {
                assertThat(System.nanoTime()).as("children ready").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
        Child first = run.children().get(0);
        signal("STOP", first.pid());
        // Processes 1 and 2 compute 1 M draws (milliseconds), then wait for the turn of process 0.
        awaitIdle(run.children().get(1).pid(), run.children().get(2).pid());
        long killed = System.nanoTime();
        first.kill();
        ExchangeResult r = run.await(Duration.ofSeconds(10)).orElseThrow();
        long ended = System.nanoTime() - killed;

        assertThat(ended).as("ns from kill -9 to the end of the run").isLessThan(NOTICE_NANOS);
        assertThat(r.status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(r.problem().code()).isIn(ProblemCode.EXCHANGE_CHILD_DIED, ProblemCode.EXCHANGE_CHILD_DIED_SAYING);
        assertThat(r.problem().args().subList(0, 3)).containsExactly("0", Long.toString(first.pid()), "137");
        assertThat(r.result()).isNaN();
        assertThat(r.children()).extracting(ChildReport::received).containsExactly(0L, 1L, 1L);
        assertThat(r.children().get(1).exit().map(ChildExit::ok)).contains(true);
        assertThat(r.children().get(2).exit().map(ChildExit::ok)).contains(true);
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
        assertThat(kill.waitFor()).isZero();
    }

    /** Waits until the processes use (almost) no CPU over 300 ms: they wait rather than compute. */
    private static void awaitIdle(long... pids) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            long before = cpuMillis(pids);
            Thread.sleep(300);
            if (cpuMillis(pids) - before < 40) {
                return;
            }
            assertThat(System.nanoTime()).as("processes idle").isLessThan(deadline);
        }
    }

    private static long cpuMillis(long... pids) {
        long total = 0;
        for (long pid : pids) {
            total += ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toMillis)
                    .orElse(0L);
        }
        return total;
    }

}

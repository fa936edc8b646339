package dev.telar.workloads.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipe within one JVM (two threads, two ends); the cross-process cases are in ExchangeProcessesTest. */
class PipeTest {
    @TempDir
    Path dir;

    @Test
    void deliversEveryMessageInOrderBothWays() throws Exception {
        Pipe.create(dir, ExchangeLimits.defaults());
        int n = 300_000;
        AtomicLong failure = new AtomicLong(-1);
        Thread sender = new Thread(() -> {
            try (PipeEnd a = Pipe.open(dir, Pipe.Side.A)) {
                for (int i = 0; i < n; i++) {
                    a.send(i, i * 0.5);
                }
                Packet reply = a.recv();
                if (reply.key() != -7) {
                    failure.set(reply.key());
                }
            }
        });
        sender.start();
        try (PipeEnd b = Pipe.open(dir, Pipe.Side.B)) {
            for (int i = 0; i < n; i++) {
                Packet m = b.recv();
                assertThat(m.key()).isEqualTo(i);
                assertThat(m.value()).isEqualTo(i * 0.5);
            }
            b.send(-7, 0);
            sender.join(10_000);
            assertThatThrownBy(b::recv).isInstanceOf(ExchangeClosedException.class);
            assertThat(b.received()).isEqualTo(n);
        }
        assertThat(failure.get()).isEqualTo(-1);
    }

    @Test
    void anEndMadeOnOneThreadServesOthersOneAtATime() throws Exception {
        Pipe.create(dir, ExchangeLimits.defaults());
        try (PipeEnd a = Pipe.open(dir, Pipe.Side.A); PipeEnd b = Pipe.open(dir, Pipe.Side.B)) {
            int perThread = 1_000; // more than a staging batch, so each thread writes journal records
            for (int t = 0; t < 3; t++) {
                int first = t * perThread;
                Thread worker = new Thread(() -> {
                    for (int i = first; i < first + perThread; i++) {
                        a.send(i, i);
                    }
                    for (int i = first; i < first + perThread; i++) {
                        b.recv();
                    }
                });
                AtomicLong failed = new AtomicLong();
                worker.setUncaughtExceptionHandler((th, e) -> failed.incrementAndGet());
                worker.start();
                worker.join(30_000);
                assertThat(failed.get()).as("thread %d used the ends the thread before it used", t).isZero();
            }
            assertThat(b.received()).isEqualTo(3 * perThread);
        }
    }

    @Test
    void aSenderIsHeldBackWhenTheReaderLagsByTheCapacity() {
        Pipe.create(dir, ExchangeLimits.defaults().withCapacity(100));
        try (PipeEnd a = Pipe.open(dir, Pipe.Side.A); PipeEnd b = Pipe.open(dir, Pipe.Side.B)) {
            for (int i = 0; i < 100; i++) {
                assertThat(a.trySend(i, i)).isTrue();
            }
            assertThat(a.trySend(100, 100)).as("101st unread message").isFalse();
            assertThat(a.backlog()).isEqualTo(100);
            assertThat(b.recv().key()).isZero();
            assertThat(a.trySend(100, 100)).isTrue();
            assertThat(a.trySend(101, 101)).isFalse();
            for (int i = 1; i <= 100; i++) {
                assertThat(b.recv().key()).isEqualTo(i);
            }
            assertThat(b.poll()).isNull();
        }
    }
}

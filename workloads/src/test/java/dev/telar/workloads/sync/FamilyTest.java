package dev.telar.workloads.sync;

import dev.telar.workloads.sync.process.ProcessSync;
import dev.telar.workloads.sync.thread.ThreadSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the contract suites: a fresh family of primitives per test (threads, or processes in a
 * temporary directory, each thread of this JVM being a distinct participant) and participant
 * threads that are always stopped afterwards.
 */
public abstract class FamilyTest {
    @TempDir
    Path dir;
    protected SyncPrimitives family;
    protected Workers workers;

    /** The family under test, over {@code dir} when it needs files. */
    protected abstract SyncPrimitives newFamily(Path dir);

    /**
     * How many rounds a long-running case does for this family, given the count the local
     * families do: the remote family, where every operation is a round trip to the manager, runs
     * fewer rounds of the same case ({@link RemoteSpaces#scaled}); its exact counts scale along.
     */
    protected int scaled(int count) {
        return family.mode() == Mode.REMOTE ? RemoteSpaces.scaled(count) : count;
    }

    protected static SyncPrimitives threads() {
        return new ThreadSync();
    }

    protected static SyncPrimitives processes(Path dir) {
        return new ProcessSync(dir);
    }

    @BeforeEach
    void openFamily() {
        family = newFamily(dir);
        workers = new Workers();
    }

    @AfterEach
    void closeFamily() throws InterruptedException {
        workers.close();
        family.close();
    }

    /**
     * CPython's check of a timed wait: it lasted at least {@code expected} (Telar never returns
     * early, where CPython allows 40% less) and less than ten times it.
     */
    protected static void assertWaited(long startNanos, Duration expected) {
        long took = System.nanoTime() - startNanos;
        org.assertj.core.api.Assertions.assertThat(took).as("ns waited for a timeout of %s", expected)
                .isGreaterThanOrEqualTo(expected.toNanos()).isLessThan(10 * expected.toNanos());
    }

    /** True when {@code p} is the calling thread, in the family's naming. */
    protected boolean isMe(Participant p) {
        if (family.mode() == Mode.THREADS) {
            return p.tag() == Thread.currentThread().getId();
        }
        return p.pid() == ProcessHandle.current().pid();
    }

    /** True when {@code ps} names the given worker threads (threads) or as many participants of this JVM (processes). */
    protected boolean namesThreads(List<Participant> ps, Thread... threads) {
        if (ps.size() != threads.length) {
            return false;
        }
        if (family.mode() == Mode.THREADS) {
            return ps.stream().map(Participant::name).sorted().toList()
                    .equals(java.util.Arrays.stream(threads).map(Thread::getName).sorted().toList());
        }
        return ps.stream().allMatch(p -> p.pid() == ProcessHandle.current().pid())
                && ps.stream().map(Participant::tag).distinct().count() == threads.length;
    }
}

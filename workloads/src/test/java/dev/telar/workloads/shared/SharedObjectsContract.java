package dev.telar.workloads.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import dev.telar.workloads.proc.ProcessTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The promises of {@link NumberValue}, {@link NumberDict}, {@link ItemQueue} and {@link ItemList},
 * checked once for every family: a subclass says where its objects live ({@link #where()}), and
 * the same tests run on them, from this JVM and from real child JVMs that know the objects by
 * their interfaces only.
 */
@Timeout(90)
abstract class SharedObjectsContract {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<Child> children = new ArrayList<>();

    /** The family's words for {@link Family#open}, handed to every child too. */
    protected abstract List<String> where();

    /** Additions, appends and puts per child: fewer where each is a round trip to a manager. */
    protected abstract int perProcess();

    @AfterEach
    void killChildren() {
        children.forEach(Child::kill);
    }

    /**
     * Three processes each add 1 to one value and to one dict key and append to one list,
     * {@link #perProcess()} times: the value and the key end at exactly 3 x that; the list holds
     * every item once, each process's in the order it appended them. On one queue the three play
     * the three roles ({@link ContractTargets.Worker}): a consumer that never puts, a producer that
     * never takes, and one that puts and takes, competing with the consumer: every item put is
     * taken exactly once, by a process other than the producer, and none is left. (One set of
     * processes for all four objects: a child JVM costs seconds to start on a busy machine.)
     */
    @Test
    void threeProcessesAddAppendPutAndTakeExactly() throws Exception {
        int each = perProcess();
        int processes = 3;
        try (Family f = Family.open(where())) {
            NumberValue value = f.value("work");
            NumberDict dict = f.dict("work");
            ItemList list = f.list("work");
            ItemQueue queue = f.queue("work");
            f.value("work-taken");
            List<Child> workers = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                workers.add(start(ContractTargets.Worker.class,
                        List.of("work", Integer.toString(each), Integer.toString(i), Integer.toString(processes))));
            }
            for (Child c : workers) {
                assertThat(c.stdout().readLine()).as("child %s: %s", c.pid(), c.lastError()).isEqualTo("ready");
            }
            workers.forEach(c -> c.sendLine("go"));
            List<Long> taken = new ArrayList<>();
            List<Integer> takenBy = new ArrayList<>();
            for (Child c : workers) {
                int before = taken.size();
                for (String line = c.stdout().readLine(); !"done".equals(line); line = c.stdout().readLine()) {
                    assertThat(line).as("child %s: %s", c.pid(), c.lastError()).startsWith("took ");
                    taken.add(Long.parseLong(line.substring(5)));
                }
                assertThat(c.join(WAIT).orElseThrow().code()).as("child %s: %s", c.pid(), c.lastError()).isZero();
                takenBy.add(taken.size() - before);
            }
            System.out.println(getClass().getSimpleName() + ": queue items taken per process " + takenBy);
            assertThat(value.getDouble()).as("the value").isEqualTo(processes * each);
            assertThat(dict.getDouble("hits")).as("the dict's key").hasValue(processes * each);
            assertThat(list.size()).as("the list's size").isEqualTo(processes * each);
            long[] next = new long[processes];
            for (int at = 0; at < list.size(); at++) {
                long item = list.get(at);
                int child = (int) (item / ContractTargets.BASE);
                assertThat(item % ContractTargets.BASE).as("item %s at %s: child %s's next", item, at, child).isEqualTo(next[child]);
                next[child]++;
            }
            assertThat(next).as("every child's appends, each once").containsOnly(each);
            List<Long> put = new ArrayList<>();
            for (int p = 1; p < processes; p++) { // child 0 only takes
                for (int i = 0; i < each; i++) {
                    put.add(p * ContractTargets.BASE + i);
                }
            }
            assertThat(taken).as("every queue item taken exactly once").containsExactlyInAnyOrderElementsOf(put);
            assertThat(takenBy.get(1)).as("the producer took nothing").isZero();
            assertThat(queue.take(Duration.ofMillis(50))).as("nothing left in the queue").isEmpty();
        }
    }

    /** An absent key reads as absent, unlike a key holding 0; adding to an absent key starts from 0. */
    @Test
    void anAbsentKeyIsToldAsAbsent() throws Exception {
        try (Family f = Family.open(where())) {
            NumberDict dict = f.dict("absent");
            assertThat(dict.getDouble("nobody")).isEmpty();
            dict.putDouble("zero", 0);
            assertThat(dict.getDouble("zero")).as("a key holding 0 is there").hasValue(0);
            assertThat(dict.addDouble("fresh", 2.5)).isEqualTo(2.5);
            assertThat(dict.keys()).containsExactly("fresh", "zero");
            assertThat(dict.size()).isEqualTo(2);
            assertThat(dict.remove("zero")).isTrue();
            assertThat(dict.remove("zero")).as("removed already").isFalse();
            assertThat(dict.getDouble("zero")).isEmpty();
            assertThat(dict.keys()).containsExactly("fresh");
        }
    }

    /** A value holds fractions exactly as a double does; a list's end is told. */
    @Test
    void aValueKeepsFractionsAndAListTellsItsEnd() throws Exception {
        try (Family f = Family.open(where())) {
            NumberValue value = f.value("fractions");
            value.setDouble(2.5);
            assertThat(value.addDouble(0.25)).isEqualTo(2.75);
            assertThat(value.addDouble(-3)).isEqualTo(-0.25);
            assertThat(value.getDouble()).isEqualTo(-0.25);
            ItemList list = f.list("short");
            list.append(-7);
            assertThat(list.get(0)).isEqualTo(-7);
            assertThatThrownBy(() -> list.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    /** A take from an empty queue returns empty once its timeout has passed, not before and not long after. */
    @Test
    void aTakeFromAnEmptyQueueEndsOnTime() throws Exception {
        try (Family f = Family.open(where())) {
            ItemQueue queue = f.queue("empty");
            long start = System.nanoTime();
            assertThat(queue.take(Duration.ofMillis(300))).isEmpty();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).as("ms waited").isBetween(300L, 1300L);
        }
    }

    private Child start(Class<? extends ProcessTarget> type, List<String> spec) {
        List<String> args = new ArrayList<>(spec);
        args.addAll(where());
        Child c = ChildLauncher.start(ChildMain.KIND_TARGET, type, args, List.of(), true);
        children.add(c);
        return c;
    }
}

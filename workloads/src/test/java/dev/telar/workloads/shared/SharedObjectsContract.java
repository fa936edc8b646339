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
    private static final int PROCESSES = 3;

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
     * Three processes each add 1 to one value and to one dict key, and append to one list, {@link
     * #perProcess()} times: the value and the key end at exactly 3 x that, and the list holds
     * every item once, each child's in the order it appended them.
     */
    @Test
    void addsAndAppendsFromThreeProcessesAreExact() throws Exception {
        int each = perProcess();
        try (Family f = Family.open(where())) {
            NumberValue value = f.value("adds");
            NumberDict dict = f.dict("adds");
            ItemList list = f.list("adds");
            List<List<String>> specs = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                specs.add(List.of("adds", Integer.toString(each), Integer.toString(i)));
            }
            for (Child c : startTogether(ContractTargets.Adder.class, specs)) {
                assertDone(c);
            }
            assertThat(value.getDouble()).as("the value").isEqualTo(PROCESSES * each);
            assertThat(dict.getDouble("hits")).as("the dict's key").hasValue(PROCESSES * each);
            assertThat(list.size()).isEqualTo(PROCESSES * each);
            long[] next = new long[PROCESSES];
            for (int at = 0; at < list.size(); at++) {
                long item = list.get(at);
                int child = (int) (item / ContractTargets.BASE);
                assertThat(item % ContractTargets.BASE).as("item %s at %s: child %s's next", item, at, child).isEqualTo(next[child]);
                next[child]++;
            }
            assertThat(next).as("every child's appends, each once").containsOnly(each);
        }
    }

    /**
     * Two producer processes put {@link #perProcess()} items each while two consumer processes
     * take: every item is taken exactly once, and none is left.
     */
    @Test
    void eachQueueItemIsTakenExactlyOnce() throws Exception {
        int each = perProcess();
        int total = 2 * each;
        try (Family f = Family.open(where())) {
            ItemQueue queue = f.queue("jobs");
            f.value("jobs-taken");
            List<Child> consumers = startTogether(ContractTargets.Consumer.class,
                    List.of(List.of("jobs", Integer.toString(total)), List.of("jobs", Integer.toString(total))),
                    ContractTargets.Producer.class,
                    List.of(List.of("jobs", Integer.toString(each), "0"), List.of("jobs", Integer.toString(each), "1")));
            List<Long> taken = new ArrayList<>();
            for (Child c : consumers) {
                for (String line = c.stdout().readLine(); !"done".equals(line); line = c.stdout().readLine()) {
                    assertThat(line).as("consumer %s: %s", c.pid(), c.lastError()).startsWith("took ");
                    taken.add(Long.parseLong(line.substring(5)));
                }
                assertThat(c.join(WAIT).orElseThrow().code()).as("consumer %s: %s", c.pid(), c.lastError()).isZero();
            }
            List<Long> expected = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < each; i++) {
                    expected.add(p * ContractTargets.BASE + i);
                }
            }
            assertThat(taken).as("every item exactly once").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(queue.take(Duration.ofMillis(50))).as("nothing left over").isEmpty();
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

    private List<Child> startTogether(Class<? extends ProcessTarget> type, List<List<String>> specs) throws Exception {
        return startTogether(type, specs, null, List.of());
    }

    /**
     * Starts a child of {@code first} per spec (and of {@code second}), each with the family's words
     * after its own; once all are ready, lets them go at once. Returns the children of {@code first}.
     */
    private List<Child> startTogether(Class<? extends ProcessTarget> first, List<List<String>> firstSpecs,
                                      Class<? extends ProcessTarget> second, List<List<String>> secondSpecs) throws Exception {
        List<Child> mine = new ArrayList<>();
        List<Child> all = new ArrayList<>();
        for (List<String> spec : firstSpecs) {
            mine.add(start(first, spec));
        }
        all.addAll(mine);
        for (List<String> spec : secondSpecs) {
            all.add(start(second, spec));
        }
        for (Child c : all) {
            assertThat(c.stdout().readLine()).as("child %s: %s", c.pid(), c.lastError()).isEqualTo("ready");
        }
        all.forEach(c -> c.sendLine("go"));
        for (Child c : all.subList(mine.size(), all.size())) {
            assertDone(c);
        }
        return mine;
    }

    private Child start(Class<? extends ProcessTarget> type, List<String> spec) {
        List<String> args = new ArrayList<>(spec);
        args.addAll(where());
        Child c = ChildLauncher.start(ChildMain.KIND_TARGET, type, args, List.of(), true);
        children.add(c);
        return c;
    }

    private static void assertDone(Child c) throws InterruptedException, java.io.IOException {
        assertThat(c.stdout().readLine()).as("child %s: %s", c.pid(), c.lastError()).isEqualTo("done");
        assertThat(c.join(WAIT).orElseThrow().code()).as("child %s: %s", c.pid(), c.lastError()).isZero();
    }
}

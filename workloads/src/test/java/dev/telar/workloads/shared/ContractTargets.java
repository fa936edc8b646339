package dev.telar.workloads.shared;

import dev.telar.workloads.proc.ProcessTarget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The contract's child JVMs. Each takes its own arguments first and the family's words ({@link
 * Family#open}) after them, opens its objects through the interfaces only, prints "ready", waits
 * for a line on standard input (so all start together), works and prints "done".
 */
public final class ContractTargets {
    /** Where a child's item numbers start: child i puts or appends i * BASE + 0, 1, ... */
    static final long BASE = 1_000_000L;

    private ContractTargets() {
    }

    private static Family family(String[] args, int from) throws InterruptedException {
        return Family.open(List.of(Arrays.copyOfRange(args, from, args.length)));
    }

    private static void readyThenWait() throws Exception {
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    /**
     * Args: name, count, child index, workers, family. Each worker, count times: adds 1 to the
     * value NAME and to the key "hits" of the dict NAME, appends index * BASE + i to the list NAME,
     * and uses the queue NAME by its role: child 0 only takes (a consumer that never puts), child 1
     * only puts index * BASE + i (a producer that never takes), every other child puts and then
     * takes an item if one is there. A child that takes goes on taking until a take finds nothing
     * and the items taken by all (counted in the value NAME-taken) reach (workers - 1) x count,
     * every item put, or 60 s passed (then it fails). Prints "took N" per item taken, then "done".
     */
    public static final class Worker implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            String name = args[0];
            int count = Integer.parseInt(args[1]);
            int index = Integer.parseInt(args[2]);
            long base = index * BASE;
            boolean puts = index != 0;
            boolean takes = index != 1;
            long total = (long) (Integer.parseInt(args[3]) - 1) * count; // every child but 0 puts
            StringBuilder out = new StringBuilder();
            try (Family f = family(args, 4)) {
                NumberValue value = f.value(name);
                NumberDict dict = f.dict(name);
                ItemList list = f.list(name);
                ItemQueue queue = f.queue(name);
                NumberValue taken = f.value(name + "-taken");
                readyThenWait();
                for (int i = 0; i < count; i++) {
                    value.addDouble(1);
                    dict.addDouble("hits", 1);
                    list.append(base + i);
                    if (puts) {
                        queue.put(base + i);
                    }
                    if (takes) {
                        took(queue.take(Duration.ZERO), taken, out);
                    }
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (takes && (took(queue.take(Duration.ofMillis(200)), taken, out) || taken.getDouble() < total)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("60 s and only " + taken.getDouble() + " of " + total + " items taken");
                    }
                }
            }
            System.out.print(out);
            System.out.println("done");
        }

        /** Notes an item taken; false when there was none. */
        private static boolean took(OptionalLong item, NumberValue taken, StringBuilder out) {
            if (item.isEmpty()) {
                return false;
            }
            out.append("took ").append(item.getAsLong()).append('\n');
            taken.addDouble(1);
            return true;
        }
    }
}

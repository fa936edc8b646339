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
     * Args: name, count, child index, family. Adds 1 to the value NAME and to the key "hits" of the
     * dict NAME, and appends index * BASE + i to the list NAME, count times each.
     */
    public static final class Adder implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            int count = Integer.parseInt(args[1]);
            long base = Long.parseLong(args[2]) * BASE;
            try (Family f = family(args, 3)) {
                NumberValue value = f.value(args[0]);
                NumberDict dict = f.dict(args[0]);
                ItemList list = f.list(args[0]);
                readyThenWait();
                for (int i = 0; i < count; i++) {
                    value.addDouble(1);
                    dict.addDouble("hits", 1);
                    list.append(base + i);
                }
            }
            System.out.println("done");
        }
    }

    /** Args: name, count, child index, family. Puts index * BASE + i into the queue NAME for i below count. */
    public static final class Producer implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            int count = Integer.parseInt(args[1]);
            long base = Long.parseLong(args[2]) * BASE;
            try (Family f = family(args, 3)) {
                ItemQueue queue = f.queue(args[0]);
                readyThenWait();
                for (int i = 0; i < count; i++) {
                    queue.put(base + i);
                }
            }
            System.out.println("done");
        }
    }

    /**
     * Args: name, total, family. Takes from the queue NAME, counting each item in the value
     * NAME-taken, until a take finds nothing and that count has reached total (or 60 s passed:
     * then it fails). Prints "took N" per item, then "done".
     */
    public static final class Consumer implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            long total = Long.parseLong(args[1]);
            StringBuilder out = new StringBuilder();
            try (Family f = family(args, 2)) {
                ItemQueue queue = f.queue(args[0]);
                NumberValue taken = f.value(args[0] + "-taken");
                readyThenWait();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (true) {
                    OptionalLong item = queue.take(Duration.ofMillis(200));
                    if (item.isPresent()) {
                        out.append("took ").append(item.getAsLong()).append('\n');
                        taken.addDouble(1);
                    } else if (taken.getDouble() >= total) {
                        break;
                    } else if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("60 s and only " + taken.getDouble() + " of " + total + " items taken");
                    }
                }
            }
            System.out.print(out);
            System.out.println("done");
        }
    }
}

package dev.telar.workloads.bench.fleet;

import dev.telar.workloads.remote.fleet.HostSummary;
import dev.telar.workloads.remote.fleet.TelarJob;
import dev.telar.workloads.remote.fleet.TopProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A made-up host for the fleet's scale bench: each call gives its next summary, sampled now, with
 * figures that drift from one sample to the next as a busy machine's do. Host {@code i} always has
 * the same shape (8 to 64 cores, 4 GB of memory a core, five busy processes, one or two Telar jobs),
 * so two runs publish the same node sizes. Used by one agent thread only (not thread-safe).
 */
public final class SimulatedHost implements Supplier<HostSummary> {
    /** Core counts a host may have, as real servers come. */
    private static final int[] CORES = {8, 12, 16, 24, 32, 48, 64};
    private static final String[] NAMES = {"java", "postgres", "nginx", "python3", "ros2_node", "gzserver",
        "kworker/3:1", "containerd", "node", "rviz2"};
    private static final long GB = 1L << 30;

    private final String host;
    private final int pid;
    private final SplittableRandom random;
    private final double[] loads;
    private final double[] average = new double[3];

    /** The host numbered {@code index}, named {@code prefix-NNN}. */
    public SimulatedHost(String prefix, int index) {
        this.host = name(prefix, index);
        this.random = new SplittableRandom(index * 7919L + 17);
        this.pid = 1000 + random.nextInt(90_000);
        this.loads = new double[CORES[index % CORES.length]];
        for (int i = 0; i < loads.length; i++) {
            loads[i] = random.nextDouble();
        }
    }

    /** The fleet name of host {@code index}: {@code prefix-007}. */
    public static String name(String prefix, int index) {
        return String.format(java.util.Locale.ROOT, "%s-%03d", prefix, index);
    }

    /** Its fleet name. */
    public String host() {
        return host;
    }

    @Override
    public HostSummary get() {
        double sum = 0;
        for (int i = 0; i < loads.length; i++) {
            // a random walk held inside 0..1: neighbouring samples look alike, as on a real host
            loads[i] = Math.max(0, Math.min(1, loads[i] + (random.nextDouble() - 0.5) * 0.2));
            sum += loads[i];
        }
        double runnable = sum + random.nextDouble();
        average[0] = average[0] * 0.92 + runnable * 0.08;
        average[1] = average[1] * 0.98 + runnable * 0.02;
        average[2] = average[2] * 0.99 + runnable * 0.01;
        long total = loads.length * 4 * GB;
        long used = (long) (total * (0.3 + 0.5 * sum / loads.length));
        List<TopProcess> top = new ArrayList<>(5);
        for (int i = 0; i < 5; i++) {
            double cpu = (5 - i) * 20 * sum / loads.length + random.nextDouble() * 5;
            top.add(new TopProcess(pid + 17 * (i + 1), NAMES[(pid + i) % NAMES.length], cpu, (long) ((5 - i) * 0.4 * GB)));
        }
        List<TelarJob> jobs = new ArrayList<>(2);
        jobs.add(new TelarJob(pid, "agent", 0.3 + random.nextDouble(), 90_000_000L, 24));
        if (pid % 2 == 0) {
            jobs.add(new TelarJob(pid + 1, "run", 100 * sum / loads.length, 400_000_000L, 9));
        }
        return new HostSummary(host, pid, System.currentTimeMillis(), loads, average, used, total, top, jobs);
    }
}

package dev.telar.workloads.bench.fleet;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.fleet.FleetWatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The fleet's scale bench: many simulated hosts against one manager, watched as a dashboard
 * watches them. {@link Settings#jvms} child JVMs ({@link AgentCrowd}) run {@link Settings#agents}
 * agents between them, each agent with its own session, publishing a {@link SimulatedHost}'s
 * summary every {@link Settings#interval}; one {@link FleetWatch} in this JVM follows them through
 * a {@link ScaleObserver}. After a warm-up the window of {@link Settings#seconds} is measured: the
 * watch's delivery delays and row ages, the server's write rate (from its {@code srvr} answer),
 * node sizes, and the growth of the server's data directory when given. Then the agents are
 * stopped and the watch must see every host go.
 *
 * <p>Every wait has an end: a child that does not say it is ready within {@link #START} (plus a
 * second per 10 agents) ends the run with an {@link IllegalStateException}; the children are
 * killed on the way out whatever happens.
 */
public final class FleetScale {
    /** Longest wait for the children to connect and publish, before a share per agent is added. */
    static final Duration START = Duration.ofSeconds(60);
    /** Longest wait for every host to show in the watch, or to go after the stop. */
    static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(30);
    /** Looks at the whole fleet per second in the window. */
    private static final int GLANCES = 4;

    private FleetScale() {
    }

    /**
     * One run's settings.
     *
     * @param address  the manager, {@code host:port}
     * @param keyFile  its key file (read by this JVM and the children)
     * @param agents   simulated hosts, at least 1
     * @param jvms     child JVMs sharing them, 1 to {@code agents}
     * @param interval publishing interval of every agent
     * @param session  session each agent asks for
     * @param warmup   wait after every host is seen, before the window
     * @param seconds  the measured window, whole seconds, at least 1
     * @param prefix   host names are {@code prefix-NNN}
     * @param dataDir  the server's data directory, to weigh what it writes; null when not on this machine
     */
    public record Settings(String address, Path keyFile, int agents, int jvms, Duration interval, Duration session,
                           Duration warmup, int seconds, String prefix, Path dataDir) {
        public Settings {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(keyFile, "keyFile");
            if (agents < 1 || jvms < 1 || jvms > agents) {
                throw new IllegalArgumentException("agents must be at least 1 and JVMs 1 to the agents, not " + agents + " and " + jvms);
            }
            if (seconds < 1) {
                throw new IllegalArgumentException("the measured window is at least 1 s, not " + seconds);
            }
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("an interval is positive, not " + interval);
            }
        }
    }

    /**
     * Runs the bench. {@code progress} hears a line at each step: {@code measuring} when the window
     * opens, {@code measured} when it closes.
     *
     * @throws IllegalStateException when the children or the hosts do not come in time
     */
    public static FleetScaleResult run(Settings s, Consumer<String> progress) throws InterruptedException, IOException {
        ManagerKey key = ManagerKey.read(s.keyFile());
        ScaleObserver observer = new ScaleObserver();
        List<Child> children = new ArrayList<>();
        try (ManagerClient client = ManagerClient.connect(s.address(), key, Duration.ofSeconds(10));
             FleetWatch watch = FleetWatch.start(client, FleetWatch.KEEP_GONE, observer)) {
            if (!watch.awaitReady(SETTLE)) {
                throw new IllegalStateException("the fleet watch did not read the hosts within " + SETTLE.toSeconds() + " s");
            }
            long started = System.nanoTime();
            int first = 0;
            for (int j = 0; j < s.jvms(); j++) {
                int count = s.agents() / s.jvms() + (j < s.agents() % s.jvms() ? 1 : 0);
                children.add(ChildLauncher.start(ChildMain.KIND_TARGET, AgentCrowd.class, List.of(s.address(),
                        s.keyFile().toString(), s.prefix(), Integer.toString(first), Integer.toString(count),
                        Long.toString(s.interval().toMillis()), Long.toString(s.session().toMillis())), List.of("-Xmx256m"), true));
                first += count;
            }
            Duration startLimit = START.plusSeconds(s.agents() / 10);
            for (Child child : children) {
                String line = expectLine(child, "ready", startLimit);
                progress.accept(child.name() + " " + child.pid() + " " + line);
            }
            await(() -> observer.liveNow() == s.agents(), SETTLE,
                    () -> "every host to show in the watch (" + observer.liveNow() + " of " + s.agents() + ")");
            progress.accept(String.format(java.util.Locale.ROOT, "all %d hosts live after %.1f s", s.agents(),
                    (System.nanoTime() - started) / 1e9));
            Thread.sleep(s.warmup().toMillis());

            ServerStats before = ServerStats.ask(s.address());
            long diskBefore = diskBytes(s.dataDir());
            long windowStart = System.nanoTime();
            observer.startWindow();
            progress.accept("measuring " + s.seconds() + " s");
            // Four glances a second: the agents' phases may bunch (they start together), and glances
            // at one fixed phase would see ages of one part of the interval only.
            for (int i = 1; i <= s.seconds() * GLANCES; i++) {
                long wait = windowStart + TimeUnit.SECONDS.toNanos(i) / GLANCES - System.nanoTime();
                TimeUnit.NANOSECONDS.sleep(Math.max(0, wait));
                observer.glance(watch.snapshot(), System.currentTimeMillis(), i % GLANCES == 0);
            }
            observer.endWindow();
            double window = (System.nanoTime() - windowStart) / 1e9;
            ServerStats after = ServerStats.ask(s.address());
            long diskAfter = diskBytes(s.dataDir());
            progress.accept("measured");

            observer.stopping();
            long published = 0;
            for (Child child : children) {
                child.sendLine(AgentCrowd.STOP);
            }
            for (Child child : children) {
                published += Long.parseLong(expectLine(child, "published", STOP).substring("published ".length()));
            }
            await(() -> observer.gonesNow() == s.agents(), SETTLE,
                    () -> "every host to go after the stop (" + observer.gonesNow() + " of " + s.agents() + ")");
            long goneAfterStop = observer.gonesNow();

            ScaleObserver.Samples delivery = observer.delivery();
            ScaleObserver.Samples ages = observer.ages();
            int[] nodes = observer.nodeBytes();
            return new FleetScaleResult(s.agents(), s.jvms(), s.seconds(), observer.minLive(), observer.maxLive(),
                    observer.goneWhileRunning(), goneAfterStop, published, observer.seenInWindow() / window,
                    (after.zxid() - before.zxid()) / window, delivery.percentile(0.5), delivery.percentile(0.99),
                    delivery.percentile(1), ages.percentile(0.5), ages.percentile(0.99), ages.percentile(1),
                    nodes[0], nodes[1], nodes[2], diskBefore < 0 || diskAfter < 0 ? -1 : (diskAfter - diskBefore) / window,
                    after.latencyAvg(), after.latencyMax());
        } finally {
            for (Child child : children) {
                if (child.join(Duration.ofSeconds(5)).isEmpty()) {
                    child.kill();
                }
            }
        }
    }

    /**
     * The child's next line, which must start with {@code word}, within {@code limit}.
     *
     * @throws IllegalStateException when it ends, says something else, or says nothing in time
     */
    private static String expectLine(Child child, String word, Duration limit) throws InterruptedException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return child.stdout().readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String got;
        try {
            got = line.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            throw new IllegalStateException(child + " said nothing within " + limit.toSeconds() + " s (expected '" + word + "')");
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        }
        if (got == null || !got.startsWith(word + " ")) {
            throw new IllegalStateException(child + " said " + (got == null ? "nothing and ended" : "'" + got + "'")
                    + " instead of '" + word + "': " + child.lastError());
        }
        return got;
    }

    /** Polls {@code condition} every 50 ms for at most {@code limit}; {@code what} names it in the failure. */
    private static void await(BooleanSupplier condition, Duration limit, Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new IllegalStateException("waited " + limit.toSeconds() + " s for " + what.get());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Disk blocks under {@code dir}, bytes, as {@code du} counts them: ZooKeeper pre-sizes its log
     * file without writing it, so the file's length says nothing of what was written, but its
     * blocks do. -1 without a directory or without {@code du}.
     */
    static long diskBytes(Path dir) throws InterruptedException {
        if (dir == null) {
            return -1;
        }
        try {
            Process du = new ProcessBuilder("du", "-s", "-B1", dir.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!du.waitFor(10, TimeUnit.SECONDS) || du.exitValue() != 0) {
                du.destroyForcibly();
                return -1;
            }
            return Long.parseLong(out.split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}

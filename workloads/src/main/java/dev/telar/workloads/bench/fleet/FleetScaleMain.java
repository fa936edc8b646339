package dev.telar.workloads.bench.fleet;

import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scale bench from the command line (bench/fleet-scale runs it from Telar's jar):
 *
 * <pre>
 * java -cp telar.jar dev.telar.workloads.bench.fleet.FleetScaleMain [--manager HOST:PORT --key-file FILE [--data DIR]]
 *      [--agents 200] [--jvms 4] [--interval-ms 1000] [--session-ms 10000] [--warmup 10] [--seconds 30] [--prefix sim]
 * </pre>
 *
 * Without {@code --manager} it starts a manager of its own on a free loopback port, its key and
 * data in a temporary directory removed at the end. Prints a line per step, then the figures
 * ({@link FleetScaleResult#figuresLine}) and the checks; exits 0 when the checks pass, 1 when they
 * fail or the run could not be made, 2 on a bad argument (one line on standard error each time).
 * ZooKeeper's and Curator's own log lines go to standard error at WARN and above only.
 */
public final class FleetScaleMain {
    private static final Set<String> OPTIONS = Set.of("--manager", "--key-file", "--data", "--agents", "--jvms", "--interval-ms",
            "--session-ms", "--warmup", "--seconds", "--prefix");

    private FleetScaleMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Map<String, String> given;
        try {
            given = options(args);
        } catch (IllegalArgumentException bad) {
            System.err.println("fleet-scale: " + bad.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(given));
    }

    private static int run(Map<String, String> o) throws InterruptedException {
        Path temp = null;
        ManagerServer server = null;
        try {
            String address = o.get("--manager");
            Path keyFile = o.containsKey("--key-file") ? Path.of(o.get("--key-file")) : null;
            Path data = o.containsKey("--data") ? Path.of(o.get("--data")) : null;
            if (address == null) {
                temp = Files.createTempDirectory("telar-fleet-scale");
                keyFile = ManagerKey.defaultFile(temp);
                Path dir = ManagerServer.defaultDirectory(temp);
                server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), dir, ManagerKey.readOrCreate(keyFile));
                address = server.connectString();
                data = dir.resolve("data");
            }
            FleetScale.Settings s = new FleetScale.Settings(address, keyFile, number(o, "--agents", 200), number(o, "--jvms", 4),
                    Duration.ofMillis(number(o, "--interval-ms", 1000)), Duration.ofMillis(number(o, "--session-ms", 10_000)),
                    Duration.ofSeconds(number(o, "--warmup", 10)), number(o, "--seconds", 30), o.getOrDefault("--prefix", "sim"), data);
            System.out.println("manager " + address + ", " + s.agents() + " agents in " + s.jvms() + " JVMs, every "
                    + s.interval().toMillis() + " ms");
            FleetScaleResult r = FleetScale.run(s, System.out::println);
            System.out.println(r.figuresLine());
            System.out.println(r.checksLine());
            return r.checksPass() ? 0 : 1;
        } catch (IllegalArgumentException bad) {
            System.err.println("fleet-scale: " + bad.getMessage());
            return 2;
        } catch (IllegalStateException | IOException failed) { // a manager that did not start among them
            System.err.println("fleet-scale: " + failed.getMessage());
            return 1;
        } catch (Exception failed) { // a refused key (ProblemException) among them
            System.err.println("fleet-scale: " + failed);
            return 1;
        } finally {
            if (server != null) {
                server.close();
            }
            if (temp != null) {
                removeTree(temp);
            }
        }
    }

    /** {@code --name value} pairs; every name known, every one with a value, manager and key file together. */
    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'; known: " + String.join(" ", OPTIONS.stream().sorted().toList()));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            o.put(args[i], args[i + 1]);
        }
        if (o.containsKey("--manager") != o.containsKey("--key-file")) {
            throw new IllegalArgumentException("--manager and --key-file go together");
        }
        for (String name : List.of("--agents", "--jvms", "--interval-ms", "--session-ms", "--warmup", "--seconds")) {
            if (o.containsKey(name)) {
                number(o, name, 0);
            }
        }
        return o;
    }

    private static int number(Map<String, String> o, String name, int otherwise) {
        String value = o.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number of at least 0, not '" + value + "'");
        }
    }

    private static void removeTree(Path top) {
        try (Stream<Path> all = Files.walk(top)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("fleet-scale: could not remove " + top + ": " + e.getMessage());
        }
    }
}

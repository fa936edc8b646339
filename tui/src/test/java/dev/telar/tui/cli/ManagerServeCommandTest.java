package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.config.Language;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.proc.JvmCommand;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerServer;
import dev.telar.tui.cli.CliTest.Run;
import java.net.InetSocketAddress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code telar manager serve}: as a real process reached by real clients, and its one-line refusals in-process. */
class ManagerServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("manager listening on 127\\.0\\.0\\.1:(\\d+) \\(key: (.+)\\)");

    @TempDir
    Path tmp;

    private CliTest.Run serve(String... options) {
        String[] args = Stream.concat(Stream.of("manager", "serve"), Stream.of(options)).toArray(String[]::new);
        return CliTest.run(CliTest.env(false, Map.of("XDG_CONFIG_HOME", tmp.resolve("no-config").toString(),
                "XDG_STATE_HOME", tmp.resolve("state").toString(), "LANG", "en_US.UTF-8")), args);
    }

    /**
     * Started as Telar is, on a free port: one line with the address and the key it generated
     * (owner-only, under the state directory); a client with that key writes and reads, a client
     * with another key is refused with the one line; SIGTERM stops it with exit 0, leaving its data.
     */
    @Test
    @Timeout(90)
    void servesHoldersOfTheKeyUntilSigtermAndExitsZero() throws Exception {
        Path state = tmp.resolve("state");
        Process p = serveProcess(state);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = firstLine(out);
            Matcher m = LISTENING.matcher(String.valueOf(line));
            if (line == null) {
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(m.matches()).as("first line: %s; exit: %s; stderr: %s", line, p.isAlive() ? "running" : p.exitValue(),
                    p.isAlive() ? "" : new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isTrue();
            Path keyFile = state.resolve("telar").resolve("manager.key");
            assertThat(m.group(2)).isEqualTo(keyFile.toString());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            String address = "127.0.0.1:" + m.group(1);

            try (ManagerClient client = ManagerClient.connect(address, ManagerKey.read(keyFile), Duration.ofSeconds(10))) {
                client.curator().create().creatingParentsIfNeeded().forPath("/cli/probe", new byte[] {7});
                assertThat(client.curator().getData().forPath("/cli/probe")).containsExactly(7);
            }
            ManagerKey wrong = ManagerKey.of("someone-elses-key-0123456789", "test");
            assertThatThrownBy(() -> ManagerClient.connect(address, wrong, Duration.ofSeconds(5)))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(Problems.text(((ProblemException) e).problem(), Texts.of(Language.EN)))
                            .isEqualTo("manager at " + address + " refused the key (authentication failed)"));

            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> out.lines().collect(Collectors.joining("\n")));
            p.toHandle().destroy(); // SIGTERM, leaving the pipes open (Process.destroy closes them)
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(rest.get(10, TimeUnit.SECONDS)).isEmpty(); // nothing after the one line
            assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
            try (Stream<Path> files = Files.list(state.resolve("telar").resolve("manager"))) {
                assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toList())).containsExactly("data");
            }
            try (Stream<Path> files = Files.list(state.resolve("telar").resolve("manager").resolve("data"))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList()))
                        .containsExactly("telar-manager.lock", "version-2");
            }
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * A data directory with old snapshots (four earlier managers' starts): the real process prints
     * its one line and nothing of ZooKeeper's purge, which still leaves three snapshots. A second
     * manager on the same state directory, on another port, is refused in one line naming the
     * first one's pid, exit 2, and every file of the first is still there, unchanged.
     */
    @Test
    @Timeout(90)
    void purgesQuietlyAndASecondManagerOnItsDataIsRefusedTouchingNothing() throws Exception {
        Path state = tmp.resolve("state");
        Path directory = ManagerServer.defaultDirectory(state.resolve("telar"));
        Path logs = directory.resolve("data").resolve("version-2");
        ManagerKey key = ManagerKey.readOrCreate(ManagerKey.defaultFile(state.resolve("telar")));
        for (int i = 0; i < 4; i++) { // every start writes a snapshot
            try (ManagerServer earlier = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), directory, key);
                 ManagerClient client = ManagerClient.connect(earlier.connectString(), key, Duration.ofSeconds(10))) {
                client.curator().create().creatingParentsIfNeeded().forPath("/cli/old-" + i, new byte[] {1});
            }
        }
        assertThat(snapshots(logs)).hasSizeGreaterThanOrEqualTo(3);
        Process p = serveProcess(state);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = firstLine(out);
            assertThat(LISTENING.matcher(String.valueOf(first)).matches()).as(first).isTrue();
            CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> out.lines().collect(Collectors.toList()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (snapshots(logs).size() != 3) { // the purge at start runs beside the server
                assertThat(System.nanoTime()).as("purged to three snapshots: %s", snapshots(logs)).isLessThan(deadline);
                Thread.sleep(50);
            }
            Map<String, Long> before = sizes(logs);

            Run second = CompletableFuture.supplyAsync(() -> serve("--listen", "127.0.0.1:0")).get(20, TimeUnit.SECONDS);
            CliTest.assertOneUsageLine(second, "the manager data directory " + directory.resolve("data"),
                    "is in use by another manager (pid " + p.pid() + ")");
            assertThat(sizes(logs)).isEqualTo(before);

            p.toHandle().destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(rest.get(10, TimeUnit.SECONDS)).isEmpty(); // nothing after the one line
            assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
            // the directory is free again once the first one is gone
            try (ManagerServer next = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), directory, key)) {
                assertThat(next.address().getPort()).isPositive();
            }
        } finally {
            p.destroyForcibly();
        }
    }

    /** {@code telar manager serve --listen 127.0.0.1:0} as a real process with {@code state} as its XDG_STATE_HOME. */
    private Process serveProcess(Path state) throws java.io.IOException {
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of(), "dev.telar.tui.cli.Telar",
                List.of("manager", "serve", "--listen", "127.0.0.1:0")));
        pb.environment().put("XDG_STATE_HOME", state.toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
        pb.environment().remove(ManagerKey.VARIABLE);
        pb.environment().put("LANG", "en_US.UTF-8");
        return pb.start();
    }

    /** The first line, waiting at most 40 s; null at the end of the output. */
    private static String firstLine(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(40, TimeUnit.SECONDS);
    }

    private static List<String> snapshots(Path logs) throws java.io.IOException {
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("snapshot.")).collect(Collectors.toList());
        }
    }

    private static Map<String, Long> sizes(Path logs) throws java.io.IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.collect(Collectors.toMap(f -> f.getFileName().toString(), f -> {
                try {
                    return Files.size(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    @Test
    void aBadListenAddressIsOneLineAndExitTwo() {
        for (String bad : List.of("2181", "127.0.0.1:99999", "127.0.0.1:port", ":2181")) {
            CliTest.assertOneUsageLine(serve("--listen", bad), "--listen", "'" + bad + "'", "ADDR:PORT");
        }
        assertThat(tmp.resolve("state")).doesNotExist(); // nothing made for a refused command
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedInOneLineAndLeftAlone() throws Exception {
        Path key = Files.writeString(tmp.resolve("shared.key"), "a-key-others-can-read-123\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        CliTest.assertOneUsageLine(serve("--listen", "127.0.0.1:0", "--key-file", key.toString()),
                "key file " + key + " can be read by others (rw-r--r--)", "chmod 600");
        assertThat(key).hasContent("a-key-others-can-read-123\n");
    }

    @Test
    void tlsSettingsOthersCanReadOrWithoutAKeyStoreAreOneLineAndExitTwo() throws Exception {
        Path open = Files.writeString(tmp.resolve("open-tls.properties"), "keyStore=manager.p12\nkeyStorePassword=pw-123456\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        CliTest.assertOneUsageLine(serve("--listen", "127.0.0.1:0", "--tls", open.toString()),
                "TLS settings " + open + " cannot be used: others may read it (rw-r--r--); chmod 600");
        Path clientOnly = Files.writeString(tmp.resolve("client-tls.properties"), "trustStore=trust.p12\ntrustStorePassword=pw-123456\n");
        Files.setPosixFilePermissions(clientOnly, PosixFilePermissions.fromString("rw-------"));
        CliTest.assertOneUsageLine(serve("--listen", "127.0.0.1:0", "--tls", clientOnly.toString()),
                "TLS settings " + clientOnly + " cannot be used: it names no keyStore");
        assertThat(tmp.resolve("state").resolve("telar").resolve("manager")).doesNotExist();
    }

    @Test
    void aMissingKeyFileIsOneLineAndExitTwo() {
        Path key = tmp.resolve("none.key");
        CliTest.assertOneUsageLine(serve("--key-file", key.toString()), "key file " + key + " does not exist");
        assertThat(key).doesNotExist();
    }

    @Test
    void managerWithoutASubcommandNamesServe() {
        CliTest.assertOneUsageLine(CliTest.run("manager"), "manager needs a subcommand: serve");
    }
}

package dev.telar.tui.cli;

import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real manager for a command-line test class, on a free loopback port, as
 * {@code @RegisterExtension static final CliManager MANAGER = new CliManager();}: its key file and
 * data in a state directory of its own, started before the class's first test, stopped and removed
 * after its last.
 */
final class CliManager implements BeforeAllCallback, AfterAllCallback {
    private Path state;
    private ManagerKey key;
    private ManagerServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        state = Files.createTempDirectory("telar-cli-manager");
        key = ManagerKey.readOrCreate(ManagerKey.defaultFile(state));
        server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), ManagerServer.defaultDirectory(state), key);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            try (Stream<Path> all = Files.walk(state)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** {@code host:port}. */
    String address() {
        return server.connectString();
    }

    /** The owner-only key file, as a command is given it. */
    Path keyFile() {
        return ManagerKey.defaultFile(state);
    }

    /** The state directory, for files a test makes beside the manager's. */
    Path state() {
        return state;
    }

    /** A client with the key, to look at what a command left on the manager. */
    ManagerClient connect() throws InterruptedException {
        return ManagerClient.connect(address(), key, Duration.ofSeconds(10));
    }
}

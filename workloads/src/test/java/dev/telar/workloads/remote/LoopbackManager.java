package dev.telar.workloads.remote;

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

/** A real manager for tests: a key file and data under a state directory, listening on a free loopback port. */
public final class LoopbackManager implements AutoCloseable {
    /** How long a test client waits to connect. */
    public static final Duration CONNECT = Duration.ofSeconds(10);

    private final ManagerServer server;
    private final ManagerKey key;
    private final Path keyFile;

    private LoopbackManager(ManagerServer server, ManagerKey key, Path keyFile) {
        this.server = server;
        this.key = key;
        this.keyFile = keyFile;
    }

    /** Generates the key into {@code state}'s key file and starts the server with its data there. */
    public static LoopbackManager start(Path state) {
        Path keyFile = ManagerKey.defaultFile(state);
        ManagerKey key = ManagerKey.readOrCreate(keyFile);
        return new LoopbackManager(ManagerServer.start(new InetSocketAddress("127.0.0.1", 0),
                ManagerServer.defaultDirectory(state), key), key, keyFile);
    }

    /** A new client with the key: a session of its own. */
    public ManagerClient connect() throws InterruptedException {
        return ManagerClient.connect(address(), key, CONNECT);
    }

    /** A new client with the key whose session ends {@code session} after it vanishes. */
    public ManagerClient connect(Duration session) throws InterruptedException {
        return ManagerClient.connect(address(), key, CONNECT, session);
    }

    /** {@code host:port}. */
    public String address() {
        return server.connectString();
    }

    /** The owner-only key file, for child JVMs. */
    public Path keyFile() {
        return keyFile;
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * One manager for a whole test class, as {@code @RegisterExtension static final
     * LoopbackManager.PerClass MANAGER = new LoopbackManager.PerClass();}: started before the
     * class's first test in a state directory of its own, stopped and removed after its last.
     */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private Path state;
        private LoopbackManager manager;

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            state = Files.createTempDirectory("telar-manager-test");
            manager = start(state);
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            try {
                if (manager != null) {
                    manager.close();
                }
            } finally {
                try (Stream<Path> all = Files.walk(state)) {
                    all.sorted(Comparator.reverseOrder()).forEach(PerClass::delete);
                }
            }
        }

        /** The class's manager. */
        public LoopbackManager get() {
            return manager;
        }

        private static void delete(Path p) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

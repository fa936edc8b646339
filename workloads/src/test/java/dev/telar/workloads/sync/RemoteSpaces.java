package dev.telar.workloads.sync;

import dev.telar.workloads.remote.LoopbackManager;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.sync.remote.RemoteSync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The remote family for the contract suites: a real manager on loopback started once per test
 * class, one client, and a fresh space per family, so that every test starts from nothing.
 * Register with {@code @RegisterExtension static final RemoteSpaces REMOTE = new RemoteSpaces();}.
 */
public final class RemoteSpaces implements BeforeAllCallback, AfterAllCallback {
    /**
     * How much fewer rounds the long-running contract cases do remotely: each operation is a round
     * trip to the manager (a fraction of a millisecond on loopback, instead of nanoseconds).
     */
    static final int FEWER = 100;
    private final AtomicInteger spaces = new AtomicInteger();
    private Path state;
    private LoopbackManager manager;
    private ManagerClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        state = Files.createTempDirectory("telar-remote-sync");
        manager = LoopbackManager.start(state);
        client = manager.connect();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (manager != null) {
                manager.close();
            }
            try (Stream<Path> all = Files.walk(state)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A family in a space of its own. */
    RemoteSync newFamily() {
        return new RemoteSync(client, "space-" + spaces.incrementAndGet());
    }

    /** Another participant of {@code space}: a family on a client (a session) of its own, closed with the family. */
    SyncPrimitives otherParticipant(String space) throws InterruptedException {
        ManagerClient other = manager.connect();
        RemoteSync family = new RemoteSync(other, space);
        return (SyncPrimitives) java.lang.reflect.Proxy.newProxyInstance(SyncPrimitives.class.getClassLoader(),
                new Class<?>[] {SyncPrimitives.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(family, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("close")) {
                            other.close();
                        }
                    }
                });
    }

    /** The client the families of {@link #newFamily()} share. */
    ManagerClient client() {
        return client;
    }

    /** The manager, for tests that start clients (or child JVMs) of their own. */
    LoopbackManager manager() {
        return manager;
    }

    /** {@code count} / {@value #FEWER}, at least 1. */
    static int scaled(int count) {
        return Math.max(1, count / FEWER);
    }
}

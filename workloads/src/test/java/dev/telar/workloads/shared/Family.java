package dev.telar.workloads.shared;

import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.NumberType;
import dev.telar.workloads.mechanism.SharedDict;
import dev.telar.workloads.mechanism.SharedItemQueue;
import dev.telar.workloads.mechanism.SharedList;
import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.RemoteDict;
import dev.telar.workloads.remote.RemoteList;
import dev.telar.workloads.remote.RemoteQueue;
import dev.telar.workloads.remote.RemoteValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One family of shared objects, opened by name in any process from the same few words: {@code
 * local DIR} (files in DIR) or {@code remote ADDRESS KEYFILE} (a manager). The contract's code
 * sees only the interfaces it hands out.
 */
abstract class Family implements AutoCloseable {
    abstract NumberValue value(String name);

    abstract NumberDict dict(String name);

    abstract ItemQueue queue(String name);

    abstract ItemList list(String name);

    @Override
    public abstract void close();

    /** The family {@code where} names. */
    static Family open(List<String> where) throws InterruptedException {
        if (where.get(0).equals("local")) {
            return new Local(Path.of(where.get(1)));
        }
        if (where.get(0).equals("remote")) {
            return new Remote(ManagerClient.connect(where.get(1), ManagerKey.read(Path.of(where.get(2))), Duration.ofSeconds(10)));
        }
        throw new IllegalArgumentException("no family " + where);
    }

    /**
     * Files in one directory. An object's files are made by the first process to open it: the
     * tests open every object in the parent before a child starts, so no two processes make one.
     */
    private static final class Local extends Family {
        private final Path dir;
        private final List<AutoCloseable> opened = new ArrayList<>();

        Local(Path dir) {
            this.dir = dir;
        }

        private <T extends AutoCloseable> T kept(T object) {
            opened.add(object);
            return object;
        }

        @Override
        NumberValue value(String name) {
            Path f = dir.resolve(name + ".value");
            return kept(Files.exists(f) ? SharedValue.open(f) : SharedValue.create(f, NumberType.DOUBLE, 0));
        }

        @Override
        NumberDict dict(String name) {
            Path f = dir.resolve(name + ".dict");
            return kept(Files.exists(f) ? SharedDict.open(f) : SharedDict.create(f, SharedDict.DEFAULT_ENTRIES));
        }

        @Override
        ItemQueue queue(String name) {
            Path d = dir.resolve(name + ".queue");
            if (!Files.exists(d)) {
                SharedQueue.create(d, 0, ExchangeLimits.defaults()); // 0 producers: an endless stream, as the remote queue's
            }
            return kept(SharedItemQueue.open(d));
        }

        @Override
        ItemList list(String name) {
            Path f = dir.resolve(name + ".list");
            return kept(Files.exists(f) ? SharedList.open(f) : SharedList.create(f, 8192));
        }

        @Override
        public void close() {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close " + opened.get(i), e);
                }
            }
        }
    }

    /** Nodes of a manager, through one client (its session ends with {@link #close}). */
    private static final class Remote extends Family {
        private final ManagerClient client;

        Remote(ManagerClient client) {
            this.client = client;
        }

        @Override
        NumberValue value(String name) {
            return RemoteValue.openDouble(client, name, 0);
        }

        @Override
        NumberDict dict(String name) {
            return RemoteDict.open(client, name);
        }

        @Override
        ItemQueue queue(String name) {
            return RemoteQueue.open(client, name);
        }

        @Override
        ItemList list(String name) {
            return RemoteList.open(client, name);
        }

        @Override
        public void close() {
            client.close();
        }
    }
}

package dev.telar.workloads.ipc;

import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.sync.process.ProcessSync;
import java.nio.file.Path;

/**
 * A JVM of its own (started in another PID namespace by the tests) that opens a shared file and
 * prints {@code opened}, or the refusal and exits 3. Args: {@code value FILE}, {@code queue DIR},
 * or {@code lock DIR NAME}.
 */
public final class NamespaceProbe {
    private NamespaceProbe() {
    }

    public static void main(String[] args) {
        try {
            switch (args[0]) {
                case "value" -> SharedValue.open(Path.of(args[1])).close();
                case "queue" -> SharedQueue.open(Path.of(args[1])).close();
                case "lock" -> {
                    try (ProcessSync sync = new ProcessSync(Path.of(args[1]))) {
                        sync.lock(args[2]);
                    }
                }
                default -> throw new IllegalArgumentException("unknown kind " + args[0]);
            }
            System.out.println("opened");
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}

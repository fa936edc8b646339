package dev.telar.workloads.ipc;

import dev.telar.probe.ProcessIdentity;
import java.nio.file.Path;

/**
 * The rule for shared files that name processes by pid (locks, queue claims, synchronization
 * primitives): such a file records the PID namespace it was made in
 * ({@link ProcessIdentity#pidNamespace()}), and a process in another namespace (a container
 * sharing the directory) is refused when it opens it. Pids of another namespace mean other
 * processes or none, so that process could neither wait for the holders nor tell that they died.
 */
public final class PidNamespaceCheck {
    private PidNamespaceCheck() {
    }

    /**
     * Checks a file's recorded namespace against this process's; 0 on either side (unreadable
     * namespace, or a file from before namespaces were recorded) checks nothing.
     *
     * @throws IllegalStateException with a one-line message when the namespaces differ
     */
    public static void check(long recorded, Path file) {
        long mine = ProcessIdentity.pidNamespace();
        if (recorded != 0 && mine != 0 && recorded != mine) {
            throw new IllegalStateException(file + " was created in another PID namespace (pid:[" + recorded
                    + "], this process is in pid:[" + mine + "]); Telar cannot tell whether its holders live");
        }
    }
}

package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.Participant;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who a remote participant is, as written in the nodes it makes (held locks, leases, waiters):
 * {@code pid}, a per-JVM thread tag and the host name, one per line. Any JVM reading the node can
 * so name a participant of another machine: {@code pid 4321 on HOST} (or {@code pid 4321#2 on HOST}
 * for that JVM's second participating thread).
 */
final class Participants {
    private static final long PID = ProcessHandle.current().pid();
    private static final String HOST = host();
    private static final AtomicLong TAGS = new AtomicLong();
    /** 1 for the first thread of this JVM that takes part in a remote primitive, 2 for the next, ... */
    private static final ThreadLocal<Long> TAG = ThreadLocal.withInitial(TAGS::incrementAndGet);

    private Participants() {
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The calling thread, encoded for a node's data. */
    static byte[] current() {
        return (PID + "\n" + TAG.get() + "\n" + HOST).getBytes(StandardCharsets.UTF_8);
    }

    /** The calling thread as a participant. */
    static Participant me() {
        return decode(current());
    }

    /** A participant from node data; one that Telar did not write shows as "unknown". */
    static Participant decode(byte[] data) {
        String[] f = data == null ? new String[0] : new String(data, StandardCharsets.UTF_8).split("\n", 3);
        try {
            long pid = Long.parseLong(f[0]);
            long tag = Long.parseLong(f[1]);
            return new Participant(pid, tag, "pid " + pid + (tag == 1 ? "" : "#" + tag) + " on " + f[2]);
        } catch (RuntimeException notOurs) {
            return new Participant(0, 0, "unknown");
        }
    }
}

package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.Participant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Threads of this JVM as participants: this pid, the thread id and the thread name. */
final class ThreadParticipants {
    private static final long PID = ProcessHandle.current().pid();

    private ThreadParticipants() {
    }

    static Participant of(Thread thread) {
        return new Participant(PID, thread.getId(), thread.getName());
    }

    /** The threads as participants, oldest waiter first when the collection is in queue order. */
    static List<Participant> of(Collection<Thread> threads) {
        List<Participant> out = new ArrayList<>(threads.size());
        for (Thread t : threads) {
            out.add(of(t));
        }
        return out;
    }

    /** AQS lists queued threads newest first; panels show the oldest first. */
    static List<Participant> queueOrder(Collection<Thread> newestFirst) {
        List<Participant> out = of(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }
}

package dev.telar.workloads.race;

import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.proc.StartGate;
import dev.telar.workloads.shm.WakeWord;
import java.nio.file.Path;

/**
 * One process of the race demo, in its own JVM. Arguments: {@code DIR INCREMENTS}. Adds 1 to the
 * shared value {@code unlocked.value} INCREMENTS times without its lock, then to
 * {@code locked.value} INCREMENTS times with it, each phase starting at its own gate so all
 * processes run it at the same time.
 */
public final class RaceChild implements ProcessTarget {
    @Override
    public void run(String[] args) {
        Path dir = Path.of(args[0]);
        long increments = Long.parseLong(args[1]);
        WakeWord.bind(); // the locked half sleeps on the lock: bind its futex calls before the gates
        try (SharedValue unlocked = SharedValue.open(RaceDemo.unlockedFile(dir));
             SharedValue locked = SharedValue.open(RaceDemo.lockedFile(dir));
             StartGate first = StartGate.open(RaceDemo.gate(dir, 1));
             StartGate second = StartGate.open(RaceDemo.gate(dir, 2))) {
            first.ready();
            first.awaitOpen();
            for (long i = 0; i < increments; i++) {
                unlocked.addUnlocked(1);
            }
            second.ready();
            second.awaitOpen();
            for (long i = 0; i < increments; i++) {
                locked.addLocked(1);
            }
        }
    }
}

package dev.telar.workloads.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** What the kernel counts for each thread ({@code /proc/<pid>/task/<tid>/schedstat}), for idle-cost tests. */
final class TaskStats {
    private TaskStats() {
    }

    /** CPU time of all the threads of {@code pid} now alive, nanoseconds. */
    static long cpuNanos(long pid) {
        long total = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    total += schedstat(task)[0];
                } catch (UncheckedIOException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the threads of " + pid, e);
        }
        return total;
    }

    /** The thread of {@code pid} whose name starts with {@code name} (the kernel keeps 15 characters). */
    static Optional<Path> thread(long pid, String name) {
        String comm = name.length() > 15 ? name.substring(0, 15) : name;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).strip().equals(comm)) {
                        return Optional.of(task);
                    }
                } catch (NoSuchFileException gone) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the threads of " + pid, e);
        }
        return Optional.empty();
    }

    /** How many times the thread was put on a CPU: each time it woke up, or was preempted and resumed. */
    static long runs(Path task) {
        return schedstat(task)[2];
    }

    /** run nanoseconds, wait nanoseconds, times run. */
    private static long[] schedstat(Path task) {
        try {
            String[] f = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII).trim().split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + task + "/schedstat", e);
        }
    }
}

package dev.telar.workloads.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Processes left behind, found by a text in their command line (a run's directory), from /proc. */
final class Leftovers {
    private Leftovers() {
    }

    /** Live processes (not this one, not {@code except}) whose command line contains {@code text}. */
    static List<Long> mentioning(String text, Set<Long> except) {
        List<Long> out = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (pid == self || except.contains(pid)) {
                    continue;
                }
                try {
                    // A zombie's command line is empty: it is gone for this purpose.
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains(text)) {
                        out.add(pid);
                    }
                } catch (IOException ended) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return out;
    }
}

package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A process that execs another program keeps its pid and start time; the table must still show
 * the new command line (Telar's own launcher is a shell script that execs java, and a sample
 * taken before the exec once left the dashboard listed as a shell for good).
 */
@Timeout(30)
class ProcessTableExecTest {
    @Test
    void anExecIsSeenAsTheNewCommand() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "read line; exec sleep 29").start();
        try {
            ProcessTable table = new ProcessTable(Path.of("/proc"), Path.of("/etc/passwd"), 100, 4096);
            int pid = (int) shell.pid();
            assertThat(commandOf(table, pid)).hasValueSatisfying(c -> assertThat(c).startsWith("sh -c"));
            try (OutputStream in = shell.getOutputStream()) {
                in.write("go\n".getBytes());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Optional<String> after = commandOf(table, pid);
            while (!after.orElse("").equals("sleep 29") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                after = commandOf(table, pid);
            }
            assertThat(after).contains("sleep 29");
            assertThat(shell.pid()).as("exec kept the pid").isEqualTo(pid);
        } finally {
            shell.destroyForcibly();
        }
    }

    private static Optional<String> commandOf(ProcessTable table, int pid) {
        return table.read(0, p -> false).stream().filter(p -> p.pid() == pid).map(ProcessInfo::command).findFirst();
    }
}

package dev.telar.workloads.ipc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test under a fresh temporary directory, unmounted and removed by
 * {@link #close()}. A machine that refuses the mount (not root, no mount namespace) skips the test
 * with the reason.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (as mount(8) takes it: "4k", "1m") or skips the test. */
    public static Tmpfs mount(String size) {
        try {
            Path dir = Files.createTempDirectory("telar-tmpfs-");
            Result r = exec("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
            if (r.code != 0) {
                Files.deleteIfExists(dir);
            }
            assumeTrue(r.code == 0, "cannot mount a tmpfs here (needs root): " + r.output.strip());
            return new Tmpfs(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mount point. */
    public Path path() {
        return dir;
    }

    @Override
    public void close() {
        try {
            Result r = exec("umount", dir.toString());
            if (r.code != 0) {
                // Still in use (a child not reaped yet): detach now, the kernel frees it when unused.
                exec("umount", "-l", dir.toString());
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int code, String output) {
    }

    private static Result exec(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, command[0] + " did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}

package dev.telar.tui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A small tmpfs mounted for one test (root only), so that a run finds a full disk for real. */
public final class TmpfsMount implements AutoCloseable {
    private final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /**
     * Mounts a tmpfs of {@code size} (e.g. {@code 16k}, owner-only) on the existing empty {@code dir}.
     *
     * @return null when the mount was refused (not root); {@link #refusal} says why
     */
    public static TmpfsMount on(Path dir, String size) throws Exception {
        lastRefusal = exec("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        return lastRefusal == null ? new TmpfsMount(dir) : null;
    }

    private static volatile String lastRefusal;

    /** Why the last {@link #on} returned null. */
    public static String refusal() {
        return lastRefusal;
    }

    @Override
    public void close() throws Exception {
        if (exec("umount", dir.toString()) != null) {
            exec("umount", "-l", dir.toString());
        }
    }

    /** Runs a command; null when it succeeded, else its output. */
    private static String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return command[0] + " did not end within 30 s";
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? null : output.strip();
    }
}

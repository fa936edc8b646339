package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code ./telar} launcher at the repository root, as the end-to-end tests run it. */
final class Launcher {
    private static boolean warmedUp;

    private Launcher() {
    }

    static Path path() {
        String property = System.getProperty("telar.launcher");
        Path launcher = property != null ? Path.of(property) : Path.of("..", "telar");
        launcher = launcher.toAbsolutePath().normalize();
        assertThat(launcher).as("the ./telar launcher").isExecutable();
        return launcher;
    }

    /** Output and exit code of a launcher run without a terminal. */
    record Result(int code, String out, String err) {
    }

    /** Runs the launcher without a terminal (pipes for all three streams), from {@code workDir}. */
    static Result run(Path workDir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(path().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("XDG_STATE_HOME", workDir.resolve("state").toString());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("launcher " + String.join(" ", args) + " still running after " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Runs the launcher once so that a build it may still need and its class-data archive are done
     * before tests start measuring time on the screen.
     */
    static synchronized void warmUp() throws IOException, InterruptedException {
        if (warmedUp) {
            return;
        }
        Path dir = Files.createTempDirectory("telar-it-warmup-");
        try {
            Result r = run(dir, 300, "--version");
            assertThat(r.code()).as("launcher --version; stderr: %s", r.err()).isZero();
            warmedUp = true;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

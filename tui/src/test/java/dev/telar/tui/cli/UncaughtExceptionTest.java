package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exception escaping any thread ends the program: stack trace in the log, one line on stderr, exit 1. */
class UncaughtExceptionTest {
    @TempDir
    Path tmp;

    /** Program run in a child JVM: sets up logging like Telar's main, then lets a worker thread fail. */
    public static final class FailingProgram {
        public static void main(String[] args) throws InterruptedException {
            Path log = LogSetup.configure(args);
            Errors.installUncaughtHandler(log);
            Thread worker = new Thread(() -> {
                throw new IllegalStateException("sampler broke\non two lines");
            }, "worker");
            worker.start();
            worker.join();
            Thread.sleep(30_000); // the handler exits long before; reaching the end means it did not
            System.exit(0);
        }
    }

    /** As {@link FailingProgram}, with the error line's language found as Telar's main finds it. */
    public static final class FailingProgramInItsLanguage {
        public static void main(String[] args) throws InterruptedException {
            Path log = LogSetup.configure(args);
            Errors.installUncaughtHandler(log, () -> CliLanguage.of(args, Environment.system()));
            Thread worker = new Thread(() -> {
                throw new IllegalStateException("sampler broke");
            }, "worker");
            worker.start();
            worker.join();
            Thread.sleep(30_000);
            System.exit(0);
        }
    }

    /** Runs {@code program} in a child JVM with {@code --log-file log} and {@code env}; returns its exit code. */
    private int runChild(Class<?> program, Path log, Path err, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), program.getName(), "--log-file", log.toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process p = builder.start();
        try {
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
        } finally {
            p.destroyForcibly();
        }
        return p.exitValue();
    }

    @Test
    void theLineSpeaksTheLanguageOfTheLocale() throws Exception {
        Path log = tmp.resolve("logs/telar.log");
        Path err = tmp.resolve("err.txt");
        int code = runChild(FailingProgramInItsLanguage.class, log, err, Map.of("LANG", "es_ES.UTF-8", "LC_ALL", "",
                "LC_MESSAGES", "", "TELAR_LANG", "", "XDG_CONFIG_HOME", tmp.resolve("xdg").toString()));
        assertThat(code).isEqualTo(1);
        assertThat(Files.readAllLines(err)).containsExactly("telar: error inesperado: IllegalStateException: sampler broke "
                + "(detalles en " + log + ")");
    }

    @Test
    void workerThreadFailureExitsOneWithOneLine() throws Exception {
        Path log = tmp.resolve("logs/telar.log");
        Path err = tmp.resolve("err.txt");
        assertThat(runChild(FailingProgram.class, log, err, Map.of())).isEqualTo(1);
        List<String> lines = Files.readAllLines(err);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).isEqualTo("telar: unexpected error: IllegalStateException: sampler broke on two lines (details in "
                + log + ")");
        assertThat(Files.readString(log)).contains("ERROR", "thread worker", "java.lang.IllegalStateException", "\tat ");
    }
}

package dev.telar.tui.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import dev.telar.tui.cli.Errors;
import dev.telar.tui.cli.LogSetup;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Error that ends Telar while the dashboard holds the terminal (here a real stack overflow in
 * another thread, in a child JVM): the full screen is left first, then the one line is printed,
 * where the user can read it, and the exit code is 1.
 */
class ErrorAfterRestoreTest {
    private static final String ENTER_ALTERNATE = "\u001b[?1049h";
    private static final String LEAVE_ALTERNATE = "\u001b[?1049l";
    private static final String CLICKS_OFF = "\u001b[?1000l";

    @TempDir
    Path tmp;

    /** Lanterna's ANSI terminal on the process's standard output. */
    private static final class StdoutTerminal extends ANSITerminal {
        StdoutTerminal() {
            super(new ByteArrayInputStream(new byte[0]), new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);
        }
    }

    /** Run in a child JVM: a session in full screen, as the dashboard sets it up, then a thread overflows its stack. */
    public static final class OverflowingProgram {
        public static void main(String[] args) throws Exception {
            Path log = LogSetup.configure(args);
            Errors.installUncaughtHandler(log);
            TerminalSession session = new TerminalSession(new StdoutTerminal(), true);
            session.enterFullScreen();
            Errors.restoreTerminalFirst(session::restore);
            Thread worker = new Thread(() -> deeper(0), "telar-sampler");
            worker.start();
            worker.join();
            Thread.sleep(30_000); // the handler exits long before; reaching the end means it did not
            System.exit(0);
        }

        private static int deeper(int n) {
            return deeper(n + 1) + 1;
        }
    }

    @Test
    @Timeout(60)
    void theLineComesAfterTheFullScreenIsLeftAndTheExitCodeIsOne() throws Exception {
        Path log = tmp.resolve("telar.log");
        Path output = tmp.resolve("terminal.txt");
        // Standard output and error into one file, in the order they were written, as on a terminal.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OverflowingProgram.class.getName(), "--log-file", log.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            assertThat(p.waitFor(50, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isEqualTo(1);
        String screen = Files.readString(output, StandardCharsets.UTF_8);
        String line = "telar: unexpected error: java.lang.StackOverflowError (details in " + log + ")";
        assertThat(screen).containsOnlyOnce(line).doesNotContain("\tat ");
        int entered = screen.indexOf(ENTER_ALTERNATE);
        int left = screen.indexOf(LEAVE_ALTERNATE);
        assertThat(entered).as("full screen entered").isNotNegative();
        assertThat(left).as("full screen left after it was entered").isGreaterThan(entered);
        assertThat(screen.indexOf(CLICKS_OFF)).as("clicks off before the line").isBetween(entered, screen.indexOf(line));
        assertThat(screen.indexOf(line)).as("the line comes after the full screen is left").isGreaterThan(left);
        assertThat(screen.substring(screen.indexOf(line) + line.length())).as("nothing drawn after the line").isBlank();
        assertThat(Files.readString(log)).contains("thread telar-sampler", "java.lang.StackOverflowError", "\tat ");
    }
}

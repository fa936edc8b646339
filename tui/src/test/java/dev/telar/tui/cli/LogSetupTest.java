package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheLogFileOptionInBothSpellings() {
        assertThat(LogSetup.requestedLogFile(new String[] {"--refresh", "2", "--log-file", "/a/b.log"})).contains(Path.of("/a/b.log"));
        assertThat(LogSetup.requestedLogFile(new String[] {"--log-file=/c.log", "snapshot"})).contains(Path.of("/c.log"));
        assertThat(LogSetup.requestedLogFile(new String[] {"snapshot", "--json"})).isEmpty();
        assertThat(LogSetup.requestedLogFile(new String[] {"--log-file"})).isEmpty();
        assertThat(LogSetup.requestedLogFile(new String[] {"--", "--log-file", "x"})).isEmpty();
    }

    @Test
    void createsTheDirectoryOfTheLogFile() {
        Path wanted = tmp.resolve("state/telar/telar.log");
        assertThat(LogSetup.firstWritable(wanted, tmp.resolve("fallback.log"))).isEqualTo(wanted);
        assertThat(wanted).isRegularFile();
    }

    @Test
    void fallsBackWhenTheDirectoryCannotBeCreated() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path fallback = tmp.resolve("fallback.log");
        assertThat(LogSetup.firstWritable(blocker.resolve("telar/telar.log"), fallback)).isEqualTo(fallback);
    }

    @Test
    void neverFallsBackToTheTerminal() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("file"), "x");
        assertThat(LogSetup.firstWritable(blocker.resolve("a.log"), blocker.resolve("b.log"))).isEqualTo(Path.of("/dev/null"));
    }

    @Test
    void aLargeLogIsMovedAsideAtStartSoTheLogStaysBounded() throws IOException {
        Path log = tmp.resolve("telar.log");
        Files.write(log, new byte[(int) LogSetup.ROLL_BYTES]);
        Files.writeString(tmp.resolve("telar.log.1"), "older");
        assertThat(LogSetup.firstWritable(log)).isEqualTo(log);
        assertThat(log).isEmptyFile();
        assertThat(Files.size(tmp.resolve("telar.log.1"))).isEqualTo(LogSetup.ROLL_BYTES);
        Files.writeString(log, "small");
        assertThat(LogSetup.firstWritable(log)).isEqualTo(log);
        assertThat(log).hasContent("small");
    }
}

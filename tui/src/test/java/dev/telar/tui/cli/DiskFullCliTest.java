package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telar.tui.RunLeftovers;
import dev.telar.tui.TmpfsMount;
import dev.telar.workloads.proc.JvmCommand;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code telar run exchange} with {@code ipc.dir} on a tmpfs too small for the run: one line on
 * standard error naming the full disk, exit code 1, no stack trace, and no run directory left
 * behind. Pipe (the parent's journal) and queue (the children's journals) run in a JVM of their
 * own through Telar's main class; value, array and dict, which fail before any child starts, run
 * in-process to keep the suite fast.
 */
class DiskFullCliTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} on a {1} tmpfs")
    @CsvSource({"pipe, 16k, true", "queue, 16k, true", "value, 8k, false", "array, 4k, false", "dict, 64k, false"})
    @Timeout(120)
    void runExchangeOnAFullDiskSaysDiskFullInOneLine(String mechanism, String size, boolean ownJvm) throws Exception {
        Path mount = Files.createDirectory(tmp.resolve("tmpfs"));
        try (TmpfsMount tmpfs = TmpfsMount.on(mount, size)) {
            assumeTrue(tmpfs != null, "cannot mount a tmpfs here (needs root): " + TmpfsMount.refusal());
            Path config = Files.writeString(tmp.resolve("config.yaml"), "ipc:\n  dir: " + mount + "\n");
            List<String> args = List.of("--config", config.toString(), "run", "exchange", "--via", mechanism,
                    "--processes", "2", "--draws", "20000000");
            int code;
            String stdout;
            String stderr;
            if (ownJvm) {
                Path log = tmp.resolve("telar.log");
                Path out = tmp.resolve("out.txt");
                Path err = tmp.resolve("err.txt");
                List<String> withLog = new java.util.ArrayList<>(List.of("--log-file", log.toString()));
                withLog.addAll(args);
                ProcessBuilder builder = new ProcessBuilder(JvmCommand.of(List.of(), "dev.telar.tui.cli.Telar", withLog))
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().put("TELAR_LANG", "en");
                builder.environment().put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
                Process telar = builder.start();
                try {
                    assertThat(telar.waitFor(90, TimeUnit.SECONDS)).as("telar ended").isTrue();
                } finally {
                    telar.destroyForcibly();
                }
                code = telar.exitValue();
                stdout = Files.readString(out);
                stderr = Files.readString(err);
            } else {
                CliTest.Run r = CliTest.run(args.toArray(String[]::new));
                code = r.code();
                stdout = r.out();
                stderr = r.err();
            }
            String all = stdout + stderr;
            assertThat(code).as(all).isEqualTo(1);
            List<String> errLines = stderr.lines().toList();
            assertThat(errLines).as(all).hasSize(1);
            assertThat(errLines.get(0)).startsWith("telar: the run failed: ").contains("disk full: ");
            assertThat(all).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("InternalError");
            RunLeftovers.assertNothingLeftIn(mount);
        }
    }
}

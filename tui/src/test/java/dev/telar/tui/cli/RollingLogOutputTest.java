package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.proc.JvmCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The log is moved aside while Telar runs, whole lines only, never onto a planted link. */
class RollingLogOutputTest {
    private static final Pattern FLOOD = Pattern.compile("flood line (\\d{6}) ");
    private static final Pattern DATED = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT.*");

    @TempDir
    Path tmp;

    /** The numbers of the flood lines in {@code files}, in the order they stand there. */
    private static List<Integer> floodNumbers(Path... files) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = FLOOD.matcher(line);
                if (m.find()) {
                    numbers.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        return numbers;
    }

    /**
     * 6000 lines (about 1.4 MiB, stack traces among them) through slf4j-simple in a JVM of its own:
     * at 1 MiB the file goes to {@code .1} and the rest to a fresh file, every line in one of them.
     */
    @Test
    @Timeout(90)
    void aLogPastTheCapIsMovedAsideWhileRunningAndNoLineIsLost() throws Exception {
        Path log = tmp.resolve("telar.log");
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.of(List.of(), "dev.telar.tui.cli.LogFlood",
                List.of(log.toString(), "6000"))).redirectErrorStream(true);
        pb.environment().put("XDG_RUNTIME_DIR", Files.createDirectory(tmp.resolve("runtime")).toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(80, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("nothing on the terminal").isEmpty();

        Path older = tmp.resolve("telar.log.1");
        // Moved at the first event's end past 1 MiB: over the cap by less than one event.
        assertThat(Files.size(older)).isBetween(LogSetup.ROLL_BYTES, LogSetup.ROLL_BYTES + 4096);
        assertThat(Files.size(log)).isBetween(1L, LogSetup.ROLL_BYTES - 1);
        assertThat(floodNumbers(older, log)).as("every line once, in order, across the switch")
                .isEqualTo(IntStream.range(0, 6000).boxed().toList());
        assertThat(floodNumbers(older)).hasSizeBetween(4000, 5000);
        // The fresh file starts with a whole event, not with the rest of a stack trace.
        assertThat(Files.readAllLines(log).get(0)).matches(DATED);
    }

    /** A symlink planted at {@code .1} is neither followed nor replaced: the log just goes on growing. */
    @Test
    @Timeout(30)
    void aSymlinkAtTheOlderNameIsNotFollowed() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "precious\n");
        Path log = tmp.resolve("telar.log");
        Path planted = Files.createSymbolicLink(tmp.resolve("telar.log.1"), victim);
        String padding = "y".repeat(90);
        try (PrintStream out = new PrintStream(RollingLogOutput.open(log, 4096), false, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 100; i++) {
                out.println(String.format("flood line %06d %s", i, padding));
                out.flush();
            }
        }
        assertThat(victim).hasContent("precious");
        assertThat(Files.isSymbolicLink(planted)).isTrue();
        assertThat(Files.readSymbolicLink(planted)).isEqualTo(victim);
        assertThat(Files.size(log)).isEqualTo(100L * 109);
        assertThat(floodNumbers(log)).isEqualTo(IntStream.range(0, 100).boxed().toList());
    }

    /**
     * Two writers on one file, as two Telar processes: when one moves the file aside, the other
     * notices at its next flush and follows the name, so neither keeps growing the {@code .1}.
     */
    @Test
    @Timeout(30)
    void aWriterFollowsTheNameWhenAnotherMovedTheFileAside() throws Exception {
        Path log = tmp.resolve("telar.log");
        String padding = "z".repeat(90);
        try (PrintStream a = new PrintStream(RollingLogOutput.open(log, 4096), false, StandardCharsets.UTF_8);
             PrintStream b = new PrintStream(RollingLogOutput.open(log, 4096), false, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 300; i++) {
                PrintStream writer = i % 2 == 0 ? a : b;
                writer.println(String.format("flood line %06d %s", i, padding));
                writer.flush();
            }
        }
        // 109-byte lines: the writer of the 38th line (4142 bytes) moves the file aside; the other
        // writes one more line into the file it holds, now the .1, then follows the name. So each
        // file takes 39 lines: 7 whole files by line 272, the last of them the .1, 27 lines after.
        assertThat(Files.size(tmp.resolve("telar.log.1"))).isEqualTo(39L * 109);
        assertThat(Files.size(log)).isEqualTo(27L * 109);
        assertThat(floodNumbers(tmp.resolve("telar.log.1"), log)).isEqualTo(IntStream.range(234, 300).boxed().toList());
    }
}

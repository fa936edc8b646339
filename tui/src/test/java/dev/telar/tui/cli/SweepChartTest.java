package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.tui.chart.Charts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telar sweep --chart FILE.png}: the sweep's lines as before, plus a PNG of the chart size;
 * a path that cannot take it is refused with one line before anything runs, and an existing file
 * is never replaced.
 */
@Timeout(120)
class SweepChartTest {
    @TempDir
    Path dir;

    @Test
    void aCpuSweepWritesItsChartBesideItsLines() throws IOException {
        Path png = dir.resolve("sweep.png");
        CliTest.Run r = run("sweep", "cpu", "--size", "20000", "--csv", "--chart", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip().split("\n")[0]).isEqualTo(ResultJson.CSV_HEADER);
        assertPng(png);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(png);
        }
    }

    @Test
    void aMatmulSweepIsDrawnAgainstTheThreadLimit() throws IOException {
        Path png = dir.resolve("limit.png");
        CliTest.Run r = run("--lang", "es", "sweep", "matmul", "--size", "40", "--chart", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertPng(png);
    }

    @Test
    void aDirectoryThatDoesNotExistIsOneLineBeforeTheSweep() {
        Path png = dir.resolve("missing").resolve("sweep.png");
        CliTest.Run r = run("sweep", "cpu", "--size", "20000", "--chart", png.toString());
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("telar: cannot write the chart " + png).contains("missing")
                .doesNotContain("Exception");
        assertThat(r.out()).as("nothing ran").isEmpty();
    }

    @Test
    void anExistingFileIsNeverReplaced() throws IOException {
        Path png = Files.writeString(dir.resolve("mine.png"), "someone's file", StandardCharsets.UTF_8);
        CliTest.Run r = run("sweep", "cpu", "--size", "20000", "--chart", png.toString());
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.errLines()).containsExactly("telar: " + png + " already exists; Telar writes a chart only to a new file");
        assertThat(Files.readString(png)).isEqualTo("someone's file");
    }

    @Test
    void aNameThatIsNoPngIsRefused() {
        CliTest.Run r = run("sweep", "cpu", "--chart", dir.resolve("chart.jpg").toString());
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--chart must name a .png file");
    }

    private static void assertPng(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) '\r', (byte) '\n');
        assertThat(ByteBuffer.wrap(bytes, 16, 4).getInt()).isEqualTo(Charts.WIDTH);
        assertThat(ByteBuffer.wrap(bytes, 20, 4).getInt()).isEqualTo(Charts.HEIGHT);
    }
}

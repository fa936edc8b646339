package dev.telar.workloads.remote.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCodecTest {
    private static final HostSummary SUMMARY = new HostSummary("web-1", 321, 1_700_000_000_123L, new double[] {0.5, 0.125},
            new double[] {0.52, 0.4, 0.3}, 1024, 4096,
            List.of(new TopProcess(10, "my proc", 12.5, 2048)), List.of(new TelarJob(11, "child:Counter", 99.9, 4096, 12)));

    @Test
    void writesTheDocumentedLinesAndReadsThemBack() {
        String text = new String(SummaryCodec.encode(SUMMARY), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("""
                telar-fleet 1
                host web-1 321 1700000000123
                cores 0.5 0.125
                load 0.52 0.4 0.3
                memory 1024 4096
                top 10 12.5 2048 my proc
                job 11 99.9 4096 12 child:Counter
                """);
        assertThat(SummaryCodec.decode(SummaryCodec.encode(SUMMARY))).isEqualTo(SUMMARY);
    }

    @Test
    void namesLoseTheirControlCharactersAndBadDataIsRefused() {
        assertThat(new TopProcess(1, "a\nb", 0, 0).name()).isEqualTo("a?b");
        assertThatThrownBy(() -> SummaryCodec.decode("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a fleet summary: the data does not start with 'telar-fleet 1'");
        assertThatThrownBy(() -> SummaryCodec.decode("telar-fleet 1\nhost a 1 2\ncores x\nload 1 2 3\nmemory 1 2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a fleet summary: ");
        assertThatThrownBy(() -> new HostSummary("a/b", 1, 1, new double[0], new double[3], 0, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostSummary("a", 1, 1, new double[] {1.5}, new double[3], 0, 0, List.of(), List.of()))
                .hasMessage("a core's load is 0..1, not 1.5");
    }

    @Test
    void telarProcessesAreToldByTheirCommandLines() {
        assertThat(TelarJobs.kind("/usr/bin/java -Xmx64m -jar /home/u/telar/tui/target/telar.jar")).contains("dashboard");
        assertThat(TelarJobs.kind("java -XX:TieredStopAtLevel=1 -jar telar.jar run --model threads")).contains("run");
        assertThat(TelarJobs.kind("java -jar /x/telar.jar --lang es agent --name a")).contains("agent");
        assertThat(TelarJobs.kind("java -cp a.jar dev.telar.workloads.proc.ChildMain target dev.telar.workloads.lab.LabMain /run"))
                .contains("lab");
        assertThat(TelarJobs.kind("java -cp a.jar dev.telar.workloads.proc.ChildMain subclass dev.telar.workloads.model.ProcessWorker 3"))
                .contains("child:ProcessWorker");
        assertThat(TelarJobs.kind("java -cp t.jar:l.jar dev.telar.tui.cli.Telar sweep io")).contains("sweep");
        assertThat(TelarJobs.kind("java -jar other.jar run")).isEmpty();
        assertThat(TelarJobs.kind("bash")).isEmpty();
    }
}

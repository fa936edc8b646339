package dev.telar.workloads.remote.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.lab.LabMain;
import dev.telar.workloads.model.ShareProcess;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
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
    void runningJobsTravelAsOneLineEachAndLinesOfUnknownKindsAreSkipped() {
        HostSummary busy = new HostSummary("web-1", 321, 1_700_000_000_123L, new double[] {0.5}, new double[] {0.52, 0.4, 0.3}, 1024, 4096,
                List.of(), List.of(), List.of(
                        new RunningJob(11, "experiment", "cpu thread-target, 4 workers", 1_700_000_000_000L,
                                new java.util.LinkedHashMap<>(java.util.Map.of("runs", 1.0))),
                        new RunningJob(12, "scenario", "sync lock,\tthreads", 1_699_999_999_000L, java.util.Map.of())));
        String text = new String(SummaryCodec.encode(busy), StandardCharsets.UTF_8);
        assertThat(text).endsWith("""
                memory 1024 4096
                running 11 1700000000000 experiment runs=1 cpu thread-target, 4 workers
                running 12 1699999999000 scenario - sync lock,?threads
                """);
        assertThat(SummaryCodec.decode(SummaryCodec.encode(busy))).isEqualTo(busy);
        // several figures keep their order
        java.util.Map<String, Double> three = new java.util.LinkedHashMap<>();
        three.put("messages", 1234.0);
        three.put("rate", 617.125);
        three.put("alive", 4.0);
        HostSummary exchange = new HostSummary("b", 1, 2, new double[0], new double[3], 0, 0, List.of(), List.of(),
                List.of(new RunningJob(13, "exchange", "exchange pipe, 4 processes", 5, three)));
        assertThat(new String(SummaryCodec.encode(exchange), StandardCharsets.UTF_8))
                .contains("\nrunning 13 5 exchange messages=1234,rate=617.125,alive=4 exchange pipe, 4 processes\n");
        assertThat(SummaryCodec.decode(SummaryCodec.encode(exchange))).isEqualTo(exchange);
        // a summary of an older agent (no running line) and one of a later agent (a new kind of line)
        assertThat(SummaryCodec.decode(SummaryCodec.encode(SUMMARY)).running()).isEmpty();
        byte[] later = (new String(SummaryCodec.encode(SUMMARY), StandardCharsets.UTF_8) + "gpu 0 0.5\n").getBytes(StandardCharsets.UTF_8);
        assertThat(SummaryCodec.decode(later)).isEqualTo(SUMMARY);
        // bounds: a long label is cut, bad names and too many jobs refused
        assertThat(new RunningJob(1, "race", "x".repeat(100), 0, java.util.Map.of()).label()).hasSize(RunningJob.MAX_LABEL);
        assertThatThrownBy(() -> new RunningJob(1, "race", "", 0, java.util.Map.of("Bad name", 1.0)))
                .hasMessage("a figure's name is 1 to 24 of a-z, 0-9, '_', not 'Bad name'");
        RunningJob one = new RunningJob(1, "race", "", 0, java.util.Map.of());
        assertThatThrownBy(() -> new HostSummary("a", 1, 1, new double[0], new double[3], 0, 0, List.of(), List.of(),
                List.of(one, one, one, one, one))).hasMessage("at most 4 running jobs, not 5");
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
        // The command lines ChildLauncher really starts (the lab JVM, a process worker).
        assertThat(TelarJobs.kind(String.join(" ", ChildLauncher.command(ChildMain.KIND_TARGET, LabMain.class, List.of("/run"), List.of()))))
                .contains("lab");
        assertThat(TelarJobs.kind(String.join(" ", ChildLauncher.command(ChildMain.KIND_SUBCLASS, ShareProcess.class, List.of("3"), List.of()))))
                .contains("child:ShareProcess");
        assertThat(TelarJobs.kind("java -cp t.jar:l.jar dev.telar.tui.cli.Telar sweep io")).contains("sweep");
        assertThat(TelarJobs.kind("java -jar other.jar run")).isEmpty();
        assertThat(TelarJobs.kind("bash")).isEmpty();
    }
}

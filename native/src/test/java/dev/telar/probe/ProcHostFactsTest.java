package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcHostFactsTest {
    @TempDir
    Path dir;

    /** The header's facts are the ones OSHI gave before the probe stopped starting it. */
    @Test
    void liveFactsAreOshis() {
        HostInfo ours = ProcHostFacts.live();
        HostInfo oshi = new OshiFacts().host();
        assertThat(ours).isEqualTo(oshi);
        assertThat(ours.logicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(ours.os()).endsWith("(kernel " + System.getProperty("os.version") + ")");
    }

    @Test
    void versionStopsAtTheCodeNameAndFallsBackToTheVersionId() {
        assertThat(ProcHostFacts.osName("NAME=\"Ubuntu\"\nVERSION=\"22.04.3 LTS (Jammy Jellyfish)\"\nVERSION_ID=\"22.04\"\n", "6.1"))
                .isEqualTo("Ubuntu 22.04.3 LTS (kernel 6.1)");
        assertThat(ProcHostFacts.osName("NAME='openSUSE Leap'\nVERSION=\"15.5, SP5\"\n", "5.14"))
                .isEqualTo("openSUSE Leap 15.5 (kernel 5.14)");
        assertThat(ProcHostFacts.osName("NAME=\"Arch Linux\"\nVERSION_ID=20240101\n", "6.7"))
                .isEqualTo("Arch Linux 20240101 (kernel 6.7)");
        assertThat(ProcHostFacts.osName("", "6.7")).isEqualTo("Linux (kernel 6.7)");
    }

    @Test
    void aFixtureTreeGivesEveryFieldAndMissingFilesGiveEmptyOnes() throws Exception {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("sys/kernel"));
        Files.writeString(proc.resolve("sys/kernel/hostname"), "robot-7\n");
        Files.writeString(proc.resolve("sys/kernel/osrelease"), "6.6.0-rpi\n");
        Files.writeString(proc.resolve("cpuinfo"), "processor\t: 0\nBogoMIPS\t: 108.00\n\nprocessor\t: 1\n\n"
                + "processor\t: 2\n\nprocessor\t: 3\n\nHardware\t: BCM2835\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n");
        Path release = Files.writeString(dir.resolve("os-release"), "NAME=\"Debian GNU/Linux\"\nVERSION=\"12 (bookworm)\"\n");
        assertThat(ProcHostFacts.read(proc, List.of(dir.resolve("absent"), release))).isEqualTo(
                new HostInfo("robot-7", "Debian GNU/Linux 12 (kernel 6.6.0-rpi)", 4, "Raspberry Pi 4 Model B Rev 1.4"));
        assertThat(ProcHostFacts.read(dir.resolve("nothing"), List.of())).isEqualTo(new HostInfo("", "Linux (kernel )", 0, ""));
    }
}
